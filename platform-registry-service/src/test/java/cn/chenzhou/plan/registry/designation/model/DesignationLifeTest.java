package cn.chenzhou.plan.registry.designation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.registry.TestData;
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A designation's life: the county applies, the plan office grants, and may revoke. */
class DesignationLifeTest {
    private static final LocalDate TODAY = LocalDate.of(2013, 6, 30);
    private static final String ZIXING = "431081";

    private Designation applied() {
        return Designation.apply("dsg-1", ZIXING, DesignationKind.SUSTAINABLE_DEVELOPMENT_ZONE, Level.NATIONAL,
                Organisation.of("资兴国家可持续发展先进示范区", null), LocalDate.of(2012, 3, 1), TODAY);
    }

    @Test
    void givenAnApplicationWhenGrantedThenItCountsFromTheGrantDate() {
        Designation granted = applied().grant(new Grant("国科发社〔2012〕1号", LocalDate.of(2012, 12, 1)), TODAY);

        assertThat(granted.status()).isEqualTo(DesignationStatus.GRANTED);
        assertThat(granted.statusSince()).isEqualTo(LocalDate.of(2012, 12, 1));
        assertThat(granted.registrationKey()).isEqualTo(applied().registrationKey());
    }

    @Test
    void aGrantedDesignationIsRevokedOnceAndGivesUpItsKey() {
        Designation granted = applied().grant(new Grant("doc", LocalDate.of(2012, 12, 1)), TODAY);
        Designation revoked = granted.revoke(new DesignationRevocation("复核未通过", LocalDate.of(2013, 5, 1)), TODAY);

        assertThat(revoked.status()).isEqualTo(DesignationStatus.REVOKED);
        assertThat(revoked.grant()).isEqualTo(granted.grant());
        assertThat(revoked.registrationKey()).startsWith("retired|");
        assertThatThrownBy(() -> revoked.revoke(new DesignationRevocation("again", LocalDate.of(2013, 6, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("designation-revoked"));
        assertThatThrownBy(() -> revoked.grant(new Grant("doc2", LocalDate.of(2013, 6, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("designation-revoked"));
    }

    @Test
    void anApplicationNeverGrantedIsClosedByARevocation() {
        Designation closed = applied().revoke(new DesignationRevocation("不予批准", LocalDate.of(2012, 6, 1)), TODAY);

        assertThat(closed.status()).isEqualTo(DesignationStatus.REVOKED);
        assertThat(closed.grant()).isNull();
    }

    @Test
    void aDesignationIsGrantedOnceAndNotBeforeItsApplication() {
        Designation granted = applied().grant(new Grant("doc", LocalDate.of(2012, 12, 1)), TODAY);

        assertThatThrownBy(() -> granted.grant(new Grant("doc", LocalDate.of(2013, 1, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("already-granted"));
        assertThatThrownBy(() -> applied().grant(new Grant("doc", LocalDate.of(2012, 2, 29)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("grantedOn"));
        assertThatThrownBy(() -> applied().grant(new Grant("doc", TODAY.plusDays(1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("grantedOn"));
    }

    @Test
    void aHighTechEnterpriseIsIdentifiedByItsCreditCode() {
        assertThatThrownBy(() -> Designation.apply("dsg-2", ZIXING, DesignationKind.HIGH_TECH_ENTERPRISE, Level.NATIONAL,
                Organisation.of("资兴某高新技术企业", null), LocalDate.of(2012, 3, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("holder.creditCode"));
    }

    @Test
    void theSameHolderKindAndLevelMakeTheSameKeyWhateverTheSpacingOfTheName() {
        Organisation county = Organisation.of("永兴县", null);
        Organisation spaced = Organisation.of("  永兴县\u3000", null);
        String code = TestData.creditCode("431023");

        assertThat(Designation.keyOf("431023", county, DesignationKind.IP_PILOT_COUNTY, Level.PROVINCIAL))
                .isEqualTo(Designation.keyOf("431023", spaced, DesignationKind.IP_PILOT_COUNTY, Level.PROVINCIAL))
                .isNotEqualTo(Designation.keyOf("431023", county, DesignationKind.IP_PILOT_COUNTY, Level.NATIONAL))
                .isNotEqualTo(Designation.keyOf("431021", county, DesignationKind.IP_PILOT_COUNTY, Level.PROVINCIAL));
        assertThat(Designation.keyOf("431023", Organisation.of("甲公司", code), DesignationKind.HIGH_TECH_ENTERPRISE, Level.NATIONAL))
                .isEqualTo(Designation.keyOf("431002", Organisation.of("甲公司（更名）", code), DesignationKind.HIGH_TECH_ENTERPRISE, Level.NATIONAL));
    }
}
