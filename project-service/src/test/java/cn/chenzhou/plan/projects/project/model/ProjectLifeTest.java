package cn.chenzhou.plan.projects.project.model;

import static cn.chenzhou.plan.projects.project.model.ProjectStatus.ACCEPTED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.APPROVED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.DRAFT;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.EXPERT_REVIEWED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.FORMAL_REVIEW_PASSED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.IN_PROGRESS;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.REJECTED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.RETURNED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.SUBMITTED;
import static cn.chenzhou.plan.projects.project.model.ProjectStatus.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import cn.chenzhou.plan.projects.programme.model.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The life of a project as Chinese S&T project management runs it: every step, from every status, legal or not. */
class ProjectLifeTest {
    private static final LocalDate LATER = LocalDate.of(2014, 12, 31);

    /** The plan's state machine, written out independently of the code: status → step → status after. */
    private static final Map<ProjectStatus, Map<ProjectTransition, ProjectStatus>> LEGAL = new EnumMap<>(ProjectStatus.class);

    static {
        for (ProjectStatus s : ProjectStatus.values()) {
            LEGAL.put(s, new EnumMap<>(ProjectTransition.class));
        }
        LEGAL.get(DRAFT).putAll(Map.of(ProjectTransition.REVISE, DRAFT, ProjectTransition.SUBMIT, SUBMITTED));
        LEGAL.get(SUBMITTED).putAll(Map.of(ProjectTransition.PASS_FORMAL_REVIEW, FORMAL_REVIEW_PASSED,
                ProjectTransition.RETURN, RETURNED));
        LEGAL.get(RETURNED).putAll(Map.of(ProjectTransition.REVISE, RETURNED, ProjectTransition.SUBMIT, SUBMITTED));
        LEGAL.get(FORMAL_REVIEW_PASSED).put(ProjectTransition.EXPERT_REVIEW, EXPERT_REVIEWED);
        LEGAL.get(EXPERT_REVIEWED).putAll(Map.of(ProjectTransition.APPROVE, APPROVED, ProjectTransition.REJECT, REJECTED));
        LEGAL.get(APPROVED).putAll(Map.of(ProjectTransition.START, IN_PROGRESS, ProjectTransition.TERMINATE, TERMINATED));
        LEGAL.get(IN_PROGRESS).putAll(Map.of(ProjectTransition.MIDTERM_CHECK, IN_PROGRESS,
                ProjectTransition.ACCEPT, ACCEPTED, ProjectTransition.TERMINATE, TERMINATED));
    }

    static Step on(LocalDate date) {
        return new Step("tester", Instant.parse("2015-01-01T00:00:00Z"), date);
    }

    static Proposal proposal() {
        return new Proposal("稀贵金属综合回收关键技术研究", "COUNTY_ECONOMY", Level.MUNICIPAL,
                new Applicant("永兴县稀贵金属再生利用有限公司", new CreditCode("91431023MA4L5EAY54")), Money.parseYuan("500000"),
                new ProjectPeriod(LocalDate.of(2012, 7, 1), LocalDate.of(2014, 6, 30)),
                new Contact("李明", "0735-5551234", null));
    }

    static List<Review> panel() {
        return List.of(new Review("王教授", 86, "技术路线可行"), new Review("刘研究员", 82, "经济效益明显"),
                new Review("陈高工", 90.5, "建议立项"));
    }

    /** Each step, as a command with a date late enough to follow any earlier step. */
    static final Map<ProjectTransition, Function<Project, Project>> STEPS = new EnumMap<>(Map.ofEntries(
            Map.entry(ProjectTransition.REVISE, p -> p.revise(proposal(), on(LATER))),
            Map.entry(ProjectTransition.SUBMIT, p -> p.submit(on(LATER))),
            Map.entry(ProjectTransition.PASS_FORMAL_REVIEW, p -> p.passFormalReview(on(LATER))),
            Map.entry(ProjectTransition.RETURN, p -> p.returnForCorrection("缺少查新报告", on(LATER))),
            Map.entry(ProjectTransition.EXPERT_REVIEW, p -> p.recordExpertReview(panel(), on(LATER))),
            Map.entry(ProjectTransition.APPROVE, p -> p.approve(Money.parseYuan("450000"), "CZKJ-2012-017", on(LATER))),
            Map.entry(ProjectTransition.REJECT, p -> p.reject("创新性不足", on(LATER))),
            Map.entry(ProjectTransition.START, p -> p.start(on(LATER))),
            Map.entry(ProjectTransition.MIDTERM_CHECK, p -> p.recordMidtermCheck(MidtermResult.SATISFACTORY, null, on(LATER))),
            Map.entry(ProjectTransition.ACCEPT, p -> p.accept(AcceptanceConclusion.PASSED, "完成全部考核指标", on(LATER))),
            Map.entry(ProjectTransition.TERMINATE, p -> p.terminate("企业停产", on(LATER)))));

    /** A project brought to a status the way the plan office and the county would, on consecutive dates. */
    static Project in(ProjectStatus status) {
        Project drafted = Project.draft("prj-1", "431023", proposal(), on(LocalDate.of(2012, 6, 1)));
        Project submitted = drafted.submit(on(LocalDate.of(2012, 6, 15)));
        Project passed = submitted.passFormalReview(on(LocalDate.of(2012, 6, 20)));
        Project reviewed = passed.recordExpertReview(panel(), on(LocalDate.of(2012, 7, 10)));
        Project approved = reviewed.approve(Money.parseYuan("450000"), "CZKJ-2012-017", on(LocalDate.of(2012, 8, 1)));
        Project started = approved.start(on(LocalDate.of(2012, 9, 1)));
        return switch (status) {
            case DRAFT -> drafted;
            case SUBMITTED -> submitted;
            case RETURNED -> submitted.returnForCorrection("缺少查新报告", on(LocalDate.of(2012, 6, 20)));
            case FORMAL_REVIEW_PASSED -> passed;
            case EXPERT_REVIEWED -> reviewed;
            case APPROVED -> approved;
            case REJECTED -> reviewed.reject("创新性不足", on(LocalDate.of(2012, 8, 1)));
            case IN_PROGRESS -> started;
            case ACCEPTED -> started.accept(AcceptanceConclusion.PASSED, "完成全部考核指标", on(LocalDate.of(2014, 7, 1)));
            case TERMINATED -> started.terminate("企业停产", on(LocalDate.of(2013, 3, 1)));
        };
    }

    static Stream<Arguments> everyStepFromEveryStatus() {
        List<Arguments> cases = new ArrayList<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            for (ProjectTransition step : STEPS.keySet()) {
                cases.add(Arguments.of(status, step));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStepFromEveryStatus")
    void aStepIsTakenOnlyFromTheStatusesThePlanAllows(ProjectStatus from, ProjectTransition step) {
        Project before = in(from);
        ProjectStatus expected = LEGAL.get(from).get(step);
        if (expected != null) {
            Project after = STEPS.get(step).apply(before);
            assertThat(after.status()).isEqualTo(expected);
            HistoryEntry last = after.lastStep();
            assertThat(last.action()).isEqualTo(step.code());
            assertThat(last.fromStatus()).isEqualTo(from.name());
            assertThat(last.toStatus()).isEqualTo(expected.name());
            assertThat(last.effectiveOn()).isEqualTo(LATER);
            assertThat(last.actor()).isEqualTo("tester");
            assertThat(after.history()).hasSize(before.history().size() + 1).startsWith(before.history().toArray(HistoryEntry[]::new));
        } else {
            assertThatThrownBy(() -> STEPS.get(step).apply(before))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("cannot " + step.verb() + " a project that is " + from.name());
                        assertThat(e.currentStatus()).isEqualTo(from.name());
                        assertThat(e.attemptedTransition()).isEqualTo(step.code());
                        assertThat(e.allowedTransitions()).containsExactlyInAnyOrderElementsOf(
                                LEGAL.get(from).keySet().stream().map(ProjectTransition::code).toList());
                    });
        }
    }

    @Test
    void theCodeAgreesWithThePlansTable() {
        for (ProjectStatus status : ProjectStatus.values()) {
            assertThat(ProjectTransition.allowedFrom(status)).as(status.name())
                    .containsExactlyInAnyOrderElementsOf(LEGAL.get(status).keySet().stream().map(ProjectTransition::code).toList());
        }
    }

    @Test
    void aDraftIsWrittenByTheCountyAndRemembersWhoDraftedItAndWhen() {
        Project drafted = Project.draft("prj-1", "431023", proposal(), on(LocalDate.of(2012, 6, 1)));
        assertThat(drafted.status()).isEqualTo(DRAFT);
        assertThat(drafted.year()).isEqualTo(2012);
        assertThat(drafted.history()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("draft");
            assertThat(e.fromStatus()).isNull();
            assertThat(e.actor()).isEqualTo("tester");
            assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2012, 6, 1));
        });
    }

    @Test
    void aReturnedProjectIsCorrectedAndSubmittedAgainKeepingItsApplicationYear() {
        Project returned = Project.draft("prj-1", "431023", proposal(), on(LocalDate.of(2012, 12, 20)))
                .submit(on(LocalDate.of(2012, 12, 28)))
                .returnForCorrection("缺少查新报告", on(LocalDate.of(2013, 1, 5)));
        assertThat(returned.lastReturn().note()).isEqualTo("缺少查新报告");

        Project resubmitted = returned.revise(proposal(), on(LocalDate.of(2013, 1, 8))).submit(on(LocalDate.of(2013, 1, 9)));

        assertThat(resubmitted.status()).isEqualTo(SUBMITTED);
        assertThat(resubmitted.submittedOn()).isEqualTo(LocalDate.of(2013, 1, 9));
        assertThat(resubmitted.year()).as("the application year is that of the first submission").isEqualTo(2012);
        assertThat(resubmitted.history()).extracting(HistoryEntry::action)
                .containsExactly("draft", "submit", "return", "revise", "submit");
    }

    @Test
    void theApprovedAmountCannotExceedTheRequestedAmount() {
        assertThatThrownBy(() -> in(EXPERT_REVIEWED).approve(Money.parseYuan("500000.01"), "CZKJ-1", on(LATER)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("approvedAmount");
                    assertThat(e.reason()).contains("500000.00");
                });
        assertThat(in(EXPERT_REVIEWED).approve(Money.parseYuan("500000"), "CZKJ-1", on(LATER)).approval().approvedAmount())
                .isEqualTo(Money.parseYuan("500000"));
    }

    @Test
    void aStepCannotTakeEffectBeforeTheProjectsPreviousStep() {
        assertThatThrownBy(() -> in(EXPERT_REVIEWED).approve(Money.parseYuan("1"), "CZKJ-1", on(LocalDate.of(2012, 7, 9))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("approvedOn");
                    assertThat(e.reason()).contains("2012-07-10").contains("expert-review");
                });
        assertThat(in(EXPERT_REVIEWED).approve(Money.parseYuan("1"), "CZKJ-1", on(LocalDate.of(2012, 7, 10))).status())
                .as("the same day is fine").isEqualTo(APPROVED);
    }

    @Test
    void anIllegalStepIsRefusedBeforeItsDateIsLookedAt() {
        assertThatThrownBy(() -> in(DRAFT).approve(Money.parseYuan("1"), "CZKJ-1", on(LocalDate.of(2000, 1, 1))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot approve a project that is DRAFT");
    }

    @Test
    void expertReviewNeedsAtLeastThreeDistinctExpertsAndAveragesTheirScores() {
        Project passed = in(FORMAL_REVIEW_PASSED);
        assertThat(passed.recordExpertReview(panel(), on(LATER)).expertReview().aggregateScore()).isEqualTo(86.17);
        assertThatThrownBy(() -> passed.recordExpertReview(panel().subList(0, 2), on(LATER)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("reviews"));
        List<Review> twice = List.of(panel().get(0), panel().get(1), new Review("王教授", 70, "重复"));
        assertThatThrownBy(() -> passed.recordExpertReview(twice, on(LATER)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("reviews[2].expert"));
        List<Review> outOfRange = List.of(panel().get(0), panel().get(1), new Review("赵博士", 100.5, "满分以上"));
        assertThatThrownBy(() -> passed.recordExpertReview(outOfRange, on(LATER)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("reviews[2].score"));
    }

    @Test
    void aProjectInProgressMayBeCheckedMoreThanOnceAndStaysInProgress() {
        Project checked = in(IN_PROGRESS)
                .recordMidtermCheck(MidtermResult.NEEDS_IMPROVEMENT, "进度滞后", on(LocalDate.of(2013, 6, 1)))
                .recordMidtermCheck(MidtermResult.SATISFACTORY, null, on(LocalDate.of(2013, 9, 1)));
        assertThat(checked.status()).isEqualTo(IN_PROGRESS);
        assertThat(checked.midtermChecks()).extracting(MidtermCheck::result)
                .containsExactly(MidtermResult.NEEDS_IMPROVEMENT, MidtermResult.SATISFACTORY);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsNamed() {
        assertThatThrownBy(() -> new ProjectPeriod(LocalDate.of(2013, 1, 1), LocalDate.of(2012, 12, 31)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("period.end"));
    }

    @Test
    void finalStatusesAllowNothing() {
        for (ProjectStatus status : List.of(REJECTED, ACCEPTED, TERMINATED)) {
            assertThat(in(status).allowedTransitions()).as(status.name()).isEmpty();
        }
    }
}
