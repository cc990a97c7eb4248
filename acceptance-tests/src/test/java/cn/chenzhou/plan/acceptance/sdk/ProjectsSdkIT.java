package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.projects.Achievement;
import cn.chenzhou.plan.sdk.projects.Industry;
import cn.chenzhou.plan.sdk.projects.Project;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.AcceptProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.AcceptanceConclusion;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Applicant;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ApproveProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Contact;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.DraftProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ExpertScore;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.MidtermResult;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.NewProgramme;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Period;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordExpertReview;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordFormalReview;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordMidtermCheck;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RejectProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ReviseProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.StartProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.SubmitProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.TerminateProject;
import cn.chenzhou.plan.sdk.projects.ProjectStatus;
import cn.chenzhou.plan.sdk.projects.Projects;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of project-service through the SDK, each by the principal entitled to it. */
class ProjectsSdkIT {
    private static final String COUNTY = "431024";
    private static PlatformClient county;
    private static PlatformClient office;
    private static PlatformClient neighbour;

    @BeforeAll
    static void connect() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        county = SdkClients.as(platform, "county-" + COUNTY);
        office = SdkClients.as(platform, "plan-office");
        neighbour = SdkClients.as(platform, "county-431025");
    }

    @AfterAll
    static void close() {
        county.close();
        office.close();
        neighbour.close();
    }

    private static Project draft(String title, String programme, Level level, long yuan) {
        return county.projects().draft(new DraftProject(COUNTY, title, programme, level,
                new Applicant("嘉禾县恒丰铸造有限公司", SdkClients.newCreditCode(COUNTY)), Money.ofYuan(yuan),
                new Period(LocalDate.of(2014, 3, 1), LocalDate.of(2015, 2, 28)), new Contact("雷志勇", "0735-6621415"),
                LocalDate.of(2014, 1, 6)));
    }

    private static List<ExpertScore> panel(double... scores) {
        String[] experts = {"周立群", "谭建国", "刘志强", "陈晓红"};
        return java.util.stream.IntStream.range(0, scores.length)
                .mapToObj(i -> new ExpertScore(experts[i], BigDecimal.valueOf(scores[i]), "方案可行")).toList();
    }

    @Test
    void aCountyDraftsRevisesAndSubmitsAndThePlanOfficeFollowsTheProjectToItsAcceptance() {
        Projects mine = county.projects();
        Projects plan = office.projects();
        Project p = draft("铸造砂型3D打印技术应用 " + SdkClients.unique(), "COUNTY_ECONOMY", Level.PROVINCIAL, 800_000);
        assertThat(p.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(p.version()).isEqualTo(1);

        p = mine.revise(p.id(), new ReviseProject(p.version(), p.title(), p.programme(), p.level(), p.applicant(),
                Money.ofYuan(700_000), p.period(), p.contact(), LocalDate.of(2014, 1, 10)));
        assertThat(p.requestedAmount()).isEqualTo(Money.ofYuan(700_000));
        p = mine.submit(p.id(), new SubmitProject(p.version(), LocalDate.of(2014, 1, 12)));
        p = plan.formalReview(p.id(), RecordFormalReview.returned(p.version(), "缺少单位审计报告", LocalDate.of(2014, 1, 20)));
        assertThat(p.status()).isEqualTo(ProjectStatus.RETURNED);
        assertThat(p.lastReturn().reason()).isEqualTo("缺少单位审计报告");
        p = mine.submit(p.id(), new SubmitProject(p.version(), LocalDate.of(2014, 1, 25)));
        p = plan.formalReview(p.id(), RecordFormalReview.passed(p.version(), LocalDate.of(2014, 2, 1)));
        p = plan.expertReview(p.id(), new RecordExpertReview(p.version(), panel(86, 88.5, 90), LocalDate.of(2014, 2, 10)));
        assertThat(p.expertReview().aggregateScore()).isEqualByComparingTo("88.17");
        p = plan.approve(p.id(), new ApproveProject(p.version(), Money.ofYuan(600_000), "郴科任〔2014〕T01号", LocalDate.of(2014, 2, 20)));
        p = plan.start(p.id(), new StartProject(p.version(), LocalDate.of(2014, 3, 1)));
        p = plan.midtermCheck(p.id(), new RecordMidtermCheck(p.version(), MidtermResult.SATISFACTORY, null, LocalDate.of(2014, 8, 30)));
        p = plan.accept(p.id(), new AcceptProject(p.version(), AcceptanceConclusion.PASSED, "完成全部指标", LocalDate.of(2014, 12, 5)));
        assertThat(p.status()).isEqualTo(ProjectStatus.ACCEPTED);
        assertThat(p.approval().approvedAmount()).isEqualTo(Money.ofYuan(600_000));
        assertThat(p.allowedTransitions()).isEmpty();

        // the county portal sees the experts numbered, the plan office by name
        assertThat(mine.get(p.id()).expertReview().reviews()).extracting(Project.Review::expert).containsExactly("expert 1", "expert 2", "expert 3");
        assertThat(plan.get(p.id()).expertReview().reviews()).extracting(Project.Review::expert).contains("周立群");
        Project.History history = plan.history(p.id());
        assertThat(history.entries()).extracting(Project.HistoryEntry::action).containsExactly("draft", "revise", "submit",
                "return", "submit", "pass-formal-review", "expert-review", "approve", "start", "midterm-check", "accept");
        assertThat(history.entries().get(1).actor()).isEqualTo("county-" + COUNTY);
        assertThat(history.entries().get(3).actor()).isEqualTo("plan-office");
    }

    @Test
    void aProjectIsRejectedAnotherTerminatedAndAnIllegalStepIsATypedConflict() {
        Projects plan = office.projects();
        Project r = draft("农机配件热处理工艺 " + SdkClients.unique(), "SME_CULTIVATION", Level.MUNICIPAL, 200_000);
        r = county.projects().submit(r.id(), new SubmitProject(r.version(), LocalDate.of(2014, 1, 12)));
        r = plan.formalReview(r.id(), RecordFormalReview.passed(r.version(), LocalDate.of(2014, 1, 20)));
        r = plan.expertReview(r.id(), new RecordExpertReview(r.version(), panel(55, 60, 58), LocalDate.of(2014, 2, 1)));
        r = plan.reject(r.id(), new RejectProject(r.version(), "得分未达立项线", LocalDate.of(2014, 2, 15)));
        assertThat(r.status()).isEqualTo(ProjectStatus.REJECTED);
        Project rejected = r;
        assertThatThrownBy(() -> plan.start(rejected.id(), new StartProject(rejected.version(), LocalDate.of(2014, 3, 1))))
                .isInstanceOfSatisfying(PlatformApiException.Conflict.class, e -> assertThat(e.type()).isEqualTo("illegal-transition"));
        assertThatThrownBy(() -> county.projects().submit(rejected.id(), new SubmitProject(1, LocalDate.of(2014, 3, 1))))
                .isInstanceOf(PlatformApiException.Conflict.class);

        Project t = draft("铸件表面清理机器人 " + SdkClients.unique(), "SME_INNOVATION_FUND", Level.NATIONAL, 500_000);
        t = county.projects().submit(t.id(), new SubmitProject(t.version(), LocalDate.of(2014, 1, 12)));
        t = plan.formalReview(t.id(), RecordFormalReview.passed(t.version(), LocalDate.of(2014, 1, 20)));
        t = plan.expertReview(t.id(), new RecordExpertReview(t.version(), panel(80, 82, 79), LocalDate.of(2014, 2, 1)));
        t = plan.approve(t.id(), new ApproveProject(t.version(), Money.ofYuan(400_000), "郴科任〔2014〕T02号", LocalDate.of(2014, 2, 20)));
        t = plan.terminate(t.id(), new TerminateProject(t.version(), "承担单位申请终止", LocalDate.of(2014, 5, 1)));
        assertThat(t.status()).isEqualTo(ProjectStatus.TERMINATED);
        assertThat(t.termination().reason()).isEqualTo("承担单位申请终止");
    }

    @Test
    void listsAreFilteredAndAnotherCountysProjectDoesNotExistForAPortal() {
        Page<Project.Summary> accepted = office.projects().list(Projects.Filter.all().county("431023")
                .status(ProjectStatus.ACCEPTED).year(2012), 0, 50);
        assertThat(accepted.total()).isPositive();
        assertThat(accepted.items()).allSatisfy(s -> {
            assertThat(s.county()).isEqualTo("431023");
            assertThat(s.status()).isEqualTo(ProjectStatus.ACCEPTED);
            assertThat(s.approvedAmount()).isNotNull();
        });
        Page<Project.Summary> mine = county.projects().list(Projects.Filter.all(), 0, Page.MAX_SIZE);
        assertThat(mine.items()).isNotEmpty().allSatisfy(s -> assertThat(s.county()).isEqualTo(COUNTY));
        String theirs = accepted.items().get(0).id();
        assertThatThrownBy(() -> county.projects().get(theirs)).isInstanceOf(PlatformApiException.NotFound.class);
        assertThatThrownBy(() -> county.projects().list(Projects.Filter.all().county("431023"), 0, 10))
                .isInstanceOf(PlatformApiException.Forbidden.class);
        assertThat(Page.all(n -> office.projects().list(Projects.Filter.all().level(Level.NATIONAL).programme("SPARK"), n, 5)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.programme()).isEqualTo("SPARK"));
    }

    @Test
    void theProgrammeCatalogueIsReadByAllAndExtendedByThePlanOffice() {
        assertThat(county.projects().programmes(0, 50).items()).extracting(Project.Programme::code).contains("SPARK", "COUNTY_ECONOMY");
        assertThat(county.projects().programme("SPARK").chineseName()).isEqualTo("星火计划");
        String code = "TEST_" + SdkClients.unique().toUpperCase().replaceAll("[^A-Z0-9]", "X");
        Project.Programme added = office.projects().addProgramme(new NewProgramme(code, "高新技术产业化专项", "High-tech industrialisation", Level.PROVINCIAL));
        assertThat(added.code()).isEqualTo(code);
        assertThatThrownBy(() -> county.projects().addProgramme(new NewProgramme(code + "2", "x", "x", Level.MUNICIPAL)))
                .isInstanceOf(PlatformApiException.Forbidden.class);
    }

    @Test
    void achievementsAreRecordedByTheCountyAndWithdrawnByThePlanOfficeAndIndustriesRecognisedAndRevoked() {
        // a project of the demo plan, accepted in this county
        Project approved = office.projects().get(office.projects().list(Projects.Filter.all().county(COUNTY)
                .status(ProjectStatus.ACCEPTED), 0, 1).items().get(0).id());
        Achievement a = county.projects().recordAchievement(new Achievement.RecordTransformation(COUNTY,
                "铸造废砂再生技术推广 " + SdkClients.unique(), approved.id(),
                new Achievement.Enterprise("嘉禾县盛达机械铸造有限公司", SdkClients.newCreditCode(COUNTY)),
                LocalDate.of(2014, 11, 3), Money.ofYuan(3_200_000), "新增产值320万元"));
        assertThat(a.status()).isEqualTo("RECORDED");
        assertThat(county.projects().achievement(a.id()).projectId()).isEqualTo(approved.id());
        assertThat(county.projects().achievements(COUNTY, "RECORDED", 2014, 0, 50).items()).extracting(Achievement::id).contains(a.id());
        Achievement duplicate = county.projects().recordAchievement(new Achievement.RecordTransformation(COUNTY,
                a.title() + "（重复）", null, a.enterprise(), LocalDate.of(2014, 11, 5), Money.ZERO, null));
        Achievement withdrawn = office.projects().withdrawAchievement(duplicate.id(),
                new Achievement.WithdrawTransformation(duplicate.version(), "重复登记", LocalDate.of(2014, 11, 20)));
        assertThat(withdrawn.status()).isEqualTo("WITHDRAWN");

        Industry i = county.projects().registerIndustry(new Industry.RegisterIndustry(COUNTY, "精密铸造 " + SdkClients.unique(),
                "农机零部件精密铸造", LocalDate.of(2014, 6, 1)));
        i = county.projects().changeIndustryDrivers(i.id(), new Industry.ChangeDrivers(i.version(), List.of(approved.id()),
                List.of(a.id()), LocalDate.of(2014, 11, 10)));
        assertThat(i.projectIds()).containsExactly(approved.id());
        i = office.projects().recogniseIndustry(i.id(), new Industry.Recognise(i.version(), "郴科计〔2014〕T9号", LocalDate.of(2014, 11, 25)));
        assertThat(i.status()).isEqualTo("RECOGNISED");
        i = office.projects().revokeIndustryRecognition(i.id(), new Industry.RevokeRecognition(i.version(), "复核不合格", LocalDate.of(2014, 12, 20)));
        assertThat(i.status()).isEqualTo("RECOGNITION_REVOKED");
        assertThat(county.projects().industry(i.id()).history()).hasSize(4);
        assertThat(county.projects().industries(COUNTY, null, 0, 50).items()).extracting(Industry::id).contains(i.id());
        Industry registered = i;
        assertThatThrownBy(() -> county.projects().registerIndustry(new Industry.RegisterIndustry(COUNTY, registered.name(), null,
                LocalDate.of(2014, 6, 2)))).isInstanceOfSatisfying(PlatformApiException.Conflict.class,
                e -> assertThat(e.problem().extension("id")).isEqualTo(registered.id()));
        assertThatThrownBy(() -> neighbour.projects().industry(registered.id())).isInstanceOf(PlatformApiException.NotFound.class);
    }
}
