package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.registry.Alliance;
import cn.chenzhou.plan.sdk.registry.Assessment;
import cn.chenzhou.plan.sdk.registry.DemoDatasetReport;
import cn.chenzhou.plan.sdk.registry.Designation;
import cn.chenzhou.plan.sdk.registry.Enterprise;
import cn.chenzhou.plan.sdk.registry.Organisation;
import cn.chenzhou.plan.sdk.registry.Platform;
import cn.chenzhou.plan.sdk.registry.Registry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of platform-registry-service through the SDK: the counties register, the plan office decides. */
class RegistrySdkIT {
    private static final String COUNTY = "431026";
    private static PlatformClient county;
    private static PlatformClient office;

    @BeforeAll
    static void connect() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        county = SdkClients.as(platform, "county-" + COUNTY);
        office = SdkClients.as(platform, "plan-office");
    }

    @AfterAll
    static void close() {
        county.close();
        office.close();
    }

    @Test
    void aCountyRegistersAPlatformThePlanOfficeAccreditsAndLaterRevokesIt() {
        Registry mine = county.registry();
        Registry plan = office.registry();
        Organisation host = new Organisation("汝城县温泉科技有限公司 " + SdkClients.unique(), SdkClients.newCreditCode(COUNTY));
        Platform p = mine.registerPlatform(new Platform.Register(COUNTY, "郴州市地热利用工程技术研究中心", "ENGINEERING_RESEARCH_CENTRE",
                Level.MUNICIPAL, host, LocalDate.of(2014, 3, 1)));
        assertThat(p.status()).isEqualTo("REGISTERED");
        assertThatThrownBy(() -> mine.registerPlatform(new Platform.Register(COUNTY, "同一平台", "ENGINEERING_RESEARCH_CENTRE",
                Level.MUNICIPAL, host, LocalDate.of(2014, 3, 2)))).isInstanceOfSatisfying(PlatformApiException.Conflict.class,
                e -> assertThat(e.problem().extension("existingId")).isEqualTo(p.id()));
        Platform accredited = plan.accreditPlatform(p.id(), new Platform.Accredit(Level.MUNICIPAL, "郴州市科学技术局",
                "郴科发〔2014〕T1号", LocalDate.of(2014, 9, 1)));
        assertThat(accredited.status()).isEqualTo("ACCREDITED");
        assertThatThrownBy(() -> mine.accreditPlatform(p.id(), new Platform.Accredit(Level.PROVINCIAL, "x", "x",
                LocalDate.of(2014, 10, 1)))).isInstanceOf(PlatformApiException.Forbidden.class);
        Platform revoked = plan.revokePlatform(p.id(), new Platform.Revoke("依托单位停产", LocalDate.of(2014, 12, 1)));
        assertThat(revoked.revocation().reason()).isEqualTo("依托单位停产");
        assertThat(mine.platform(p.id()).status()).isEqualTo("REVOKED");
        assertThat(plan.platforms(COUNTY, "ENGINEERING_RESEARCH_CENTRE", Level.MUNICIPAL, "REVOKED", host.creditCode(), 0, 10)
                .items()).extracting(Platform::id).containsExactly(p.id());
        // the demo plan: provincial-or-higher platforms of the city, accredited
        assertThat(plan.platforms(null, null, Level.PROVINCIAL, "ACCREDITED", null, 0, 50).total()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void platformTypesAreReferenceDataThePlanOfficeExtends() {
        Registry plan = office.registry();
        assertThat(county.registry().platformTypes(0, 50).items()).extracting(Platform.Type::code).contains("KEY_LABORATORY");
        assertThat(county.registry().platformType("INCUBATOR").name()).isEqualTo("科技企业孵化器");
        String code = "TEST_" + SdkClients.unique().toUpperCase().replaceAll("[^A-Z0-9]", "X");
        assertThat(plan.addPlatformType(new Platform.Type(code, "中试基地", "pilot plant")).code()).isEqualTo(code);
        assertThat(plan.renamePlatformType(code, new Platform.RenameType("中试基地（示范）", "pilot and demonstration plant")).name())
                .isEqualTo("中试基地（示范）");
    }

    @Test
    void designationsAreAppliedForByTheCountyGrantedAndRevokedByThePlanOffice() {
        Registry plan = office.registry();
        Designation d = county.registry().applyForDesignation(new Designation.Apply(COUNTY, Designation.Kind.LIGHTING_DEMONSTRATION_UNIT,
                Level.MUNICIPAL, Organisation.named("汝城县第二中学 " + SdkClients.unique()), LocalDate.of(2014, 4, 1), null));
        assertThat(d.status()).isEqualTo("APPLIED");
        assertThatThrownBy(() -> county.registry().applyForDesignation(new Designation.Apply(COUNTY,
                Designation.Kind.LIGHTING_DEMONSTRATION_UNIT, Level.MUNICIPAL, Organisation.named("x " + SdkClients.unique()),
                LocalDate.of(2014, 4, 1), new Designation.Grant("x", LocalDate.of(2014, 5, 1)))))
                .isInstanceOf(PlatformApiException.Forbidden.class);
        d = plan.grantDesignation(d.id(), new Designation.Grant("郴科发〔2014〕T2号", LocalDate.of(2014, 9, 1)));
        assertThat(d.grant().documentNo()).isEqualTo("郴科发〔2014〕T2号");
        d = plan.revokeDesignation(d.id(), new Designation.Revoke("灯具未维护", LocalDate.of(2014, 12, 1)));
        assertThat(county.registry().designation(d.id()).status()).isEqualTo("REVOKED");
        assertThat(Page.all(n -> plan.designations(null, Designation.Kind.HIGH_TECH_ENTERPRISE, null, "GRANTED", n, Page.MAX_SIZE)))
                .hasSizeGreaterThan(20).allSatisfy(x -> assertThat(x.holder().creditCode()).isNotNull());
    }

    @Test
    void anAllianceIsFormedAndJoinedAndAnEnterpriseLivesItsLife() {
        Alliance a = county.registry().formAlliance(new Alliance.Form(COUNTY, "温泉康养产业技术创新联盟 " + SdkClients.unique(),
                "温泉康养", LocalDate.of(2014, 5, 1), List.of(new Alliance.Founder(new Organisation("汝城县热水温泉开发有限公司",
                SdkClients.newCreditCode(COUNTY)), COUNTY))));
        a = county.registry().joinAlliance(a.id(), new Alliance.Join(Organisation.named("湘南学院"), "431002", LocalDate.of(2014, 6, 1)));
        assertThat(a.memberCount()).isEqualTo(2);
        assertThat(office.registry().alliance(a.id()).members()).extracting(m -> m.organisation().name()).contains("湘南学院");
        assertThat(county.registry().alliances(COUNTY, 2014, 0, 20).items()).extracting(Alliance::id).contains(a.id());

        Registry mine = county.registry();
        Enterprise e = mine.registerEnterprise(new Enterprise.Register(COUNTY, "汝城县竹制品科技有限公司 " + SdkClients.unique(),
                SdkClients.newCreditCode(COUNTY), false, LocalDate.of(2013, 1, 10)));
        e = mine.reclassifyEnterprise(e.id(), new Enterprise.Reclassify(true, LocalDate.of(2013, 7, 1)));
        assertThat(e.larger()).isTrue();
        e = mine.establishRdInstitution(e.id(), new Enterprise.EstablishRdInstitution("竹材研发中心",
                Enterprise.RdInstitutionKind.RD_CENTRE, LocalDate.of(2013, 9, 1)));
        assertThat(e.rdInstitution().name()).isEqualTo("竹材研发中心");
        e = mine.closeRdInstitution(e.id(), new Enterprise.CloseRdInstitution("并入集团", LocalDate.of(2014, 6, 1)));
        assertThat(e.rdInstitution()).isNull();
        assertThat(mine.enterprise(e.id()).rdInstitutions()).hasSize(1);
        assertThat(mine.enterprises(COUNTY, true, false, e.creditCode(), 0, 10).items()).extracting(Enterprise::id).containsExactly(e.id());
    }

    @Test
    void thePlanOfficeRecordsAndCorrectsAnAssessmentAndLoadsTheRegistrysReferenceData() {
        Registry plan = office.registry();
        int year = freeAssessmentYear();
        Assessment a = plan.recordAssessment(new Assessment.RecordResult(COUNTY, year, Assessment.Result.FAILED,
                "国科发政〔" + year + "〕T1号", LocalDate.of(year, 12, 20)));
        a = plan.reviseAssessment(a.id(), new Assessment.Revise(2, Assessment.Result.PASSED, "国科发政〔" + (year + 1) + "〕T2号",
                LocalDate.of(year + 1, 2, 1), "复核更正"));
        assertThat(a.revision()).isEqualTo(2);
        assertThat(county.registry().assessment(a.id()).previous()).hasSize(1);
        assertThat(county.registry().assessments(COUNTY, null, null, 0, 10).items()).extracting(Assessment::year).contains(year, 2012, 2013, 2014);
        assertThatThrownBy(() -> county.registry().recordAssessment(new Assessment.RecordResult(COUNTY, year - 1,
                Assessment.Result.PASSED, "x", LocalDate.of(year - 1, 12, 1)))).isInstanceOf(PlatformApiException.Forbidden.class);

        // the demo plan loaded it already: a second load finds everything there
        DemoDatasetReport report = plan.loadDemoDataset();
        assertThat(report.loaded()).isZero();
        assertThat(report.alreadyPresent()).isEqualTo(report.items().size());
    }

    /** A year before the plan with no result for the county yet (other suites record early years too). */
    private static int freeAssessmentYear() {
        for (int year = 2011; year >= 2000; year--) {
            try {
                office.registry().assessment("asm-" + COUNTY + "-" + year);
            } catch (PlatformApiException.NotFound free) {
                return year;
            }
        }
        throw new IllegalStateException("no free assessment year for " + COUNTY);
    }
}
