package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAchievement;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoIndustry;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoProject;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Step;
import cn.chenzhou.plan.sdk.projects.Achievement;
import cn.chenzhou.plan.sdk.projects.Industry;
import cn.chenzhou.plan.sdk.projects.Project;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.AcceptProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.AcceptanceConclusion;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ApproveProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.DraftProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.MidtermResult;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordExpertReview;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordFormalReview;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordMidtermCheck;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RejectProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ReviseProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.StartProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.SubmitProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.TerminateProject;
import cn.chenzhou.plan.sdk.projects.Projects;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The projects part of the demo: each project's life step by step (the county drafts, revises and submits; the plan
 * office reviews, decides and follows it), then the achievement transformations and characteristic industries they
 * led to. A project the platform already holds continues from the step its history has reached.
 */
final class ProjectLoad {
    private final LoadContext ctx;
    private Map<String, Project.Summary> projects;
    private Map<String, Achievement> achievements;

    ProjectLoad(LoadContext ctx) {
        this.ctx = ctx;
    }

    void takeInventory() {
        Projects office = ctx.planOffice().projects();
        projects = Page.all(n -> office.list(Projects.Filter.all(), n, Page.MAX_SIZE)).stream()
                .collect(Collectors.toMap(p -> p.county() + "|" + p.title(), Function.identity(), (a, b) -> a));
        achievements = Page.all(n -> office.achievements(null, null, null, n, Page.MAX_SIZE)).stream()
                .collect(Collectors.toMap(a -> a.county() + "|" + a.title(), Function.identity(), (a, b) -> a));
    }

    void county(String county) {
        ctx.data.projects().stream().filter(p -> p.county().equals(county)).forEach(this::project);
        ctx.data.achievements().stream().filter(a -> a.county().equals(county)).forEach(this::achievement);
        ctx.data.industries().stream().filter(i -> i.county().equals(county)).forEach(this::industry);
    }

    private void project(DemoProject d) {
        Projects mine = ctx.county(d.county()).projects();
        Project.Summary found = projects.get(d.county() + "|" + d.title());
        String id;
        long version;
        int done;
        if (found == null) {
            Project drafted = mine.draft(new DraftProject(d.county(), d.title(), d.programme(), d.level(), d.applicant(),
                    d.requestedAmount(), d.period(), d.contact(), d.draftedOn()), ctx.key("prj", d.ref(), "0-draft"));
            ctx.applied();
            id = drafted.id();
            version = drafted.version();
            done = 0;
        } else {
            ctx.skipped();
            Project.History history = ctx.planOffice().projects().history(found.id());
            id = found.id();
            version = history.version();
            done = history.entries().size() - 1;
        }
        ctx.projectIds.put(d.ref(), id);
        Money requested = d.requestedAmount();
        for (int i = 0; i < d.life().size(); i++) {
            Step s = d.life().get(i);
            if (s.requestedAmount() != null) {
                requested = s.requestedAmount();
            }
            if (i < done) {
                ctx.skipped();
                continue;
            }
            version = step(d, id, version, i, s, requested).version();
            ctx.applied();
        }
    }

    private Project step(DemoProject d, String id, long v, int index, Step s, Money requested) {
        Projects county = ctx.county(d.county()).projects();
        Projects office = ctx.planOffice().projects();
        String key = ctx.key("prj", d.ref(), (index + 1) + "-" + s.step());
        return switch (s.step()) {
            case "submit" -> county.submit(id, new SubmitProject(v, s.on()), key);
            case "revise" -> county.revise(id, new ReviseProject(v, d.title(), d.programme(), d.level(), d.applicant(),
                    requested, d.period(), d.contact(), s.on()), key);
            case "formal-review" -> office.formalReview(id, "RETURNED".equals(s.outcome())
                    ? RecordFormalReview.returned(v, s.reason(), s.on()) : RecordFormalReview.passed(v, s.on()), key);
            case "expert-review" -> office.expertReview(id, new RecordExpertReview(v, s.reviews(), s.on()), key);
            case "approve" -> office.approve(id, new ApproveProject(v, s.approvedAmount(), s.taskContractNo(), s.on()), key);
            case "reject" -> office.reject(id, new RejectProject(v, s.reason(), s.on()), key);
            case "start" -> office.start(id, new StartProject(v, s.on()), key);
            case "midterm-check" -> office.midtermCheck(id, new RecordMidtermCheck(v, MidtermResult.valueOf(s.result()),
                    s.opinion(), s.on()), key);
            case "accept" -> office.accept(id, new AcceptProject(v, AcceptanceConclusion.valueOf(s.conclusion()),
                    s.result(), s.on()), key);
            case "terminate" -> office.terminate(id, new TerminateProject(v, s.reason(), s.on()), key);
            default -> throw new IllegalArgumentException("project " + d.ref() + ": unknown step " + s.step());
        };
    }

    private void achievement(DemoAchievement d) {
        Achievement a = achievements.get(d.county() + "|" + d.title());
        if (a == null) {
            a = ctx.county(d.county()).projects().recordAchievement(new Achievement.RecordTransformation(d.county(),
                    d.title(), ctx.projectId(d.projectRef()), new Achievement.Enterprise(d.enterprise().name(),
                    d.enterprise().creditCode()), d.transformedOn(), d.outputValue(), d.resultSummary()),
                    ctx.key("ach", d.ref(), "record"));
            ctx.applied();
        } else {
            ctx.skipped();
        }
        ctx.achievementIds.put(d.ref(), a.id());
        if (d.withdrawal() != null) {
            if ("RECORDED".equals(a.status())) {
                Achievement current = a;
                ctx.applyOrFind(() -> ctx.planOffice().projects().withdrawAchievement(current.id(),
                        new Achievement.WithdrawTransformation(current.version(), d.withdrawal().reason(),
                                d.withdrawal().on()), ctx.key("ach", d.ref(), "withdraw")),
                        () -> ctx.planOffice().projects().achievement(current.id()));
            } else {
                ctx.skipped();
            }
        }
    }

    private void industry(DemoIndustry d) {
        Projects county = ctx.county(d.county()).projects();
        Industry i = ctx.applyOrFind(() -> county.registerIndustry(new Industry.RegisterIndustry(d.county(), d.name(),
                d.description(), d.registeredOn()), ctx.key("ind", d.ref(), "register")), () -> existing(county, d));
        if (d.drivers() != null) {
            if (!i.projectIds().isEmpty() || !i.achievementIds().isEmpty()) {
                ctx.skipped();
            } else {
                Industry current = i;
                i = ctx.applyOrFind(() -> county.changeIndustryDrivers(current.id(), new Industry.ChangeDrivers(
                        current.version(), d.drivers().projects().stream().map(ctx::projectId).toList(),
                        d.drivers().achievements().stream().map(ctx::achievementId).toList(), d.drivers().on()),
                        ctx.key("ind", d.ref(), "drivers")), () -> county.industry(current.id()));
            }
        }
        if (d.recognition() != null) {
            if ("REGISTERED".equals(i.status())) {
                Industry current = i;
                ctx.applyOrFind(() -> ctx.planOffice().projects().recogniseIndustry(current.id(), new Industry.Recognise(
                        current.version(), d.recognition().documentNo(), d.recognition().on()),
                        ctx.key("ind", d.ref(), "recognise")), () -> county.industry(current.id()));
            } else {
                ctx.skipped();
            }
        }
    }

    private static Industry existing(Projects county, DemoIndustry d) {
        return Page.all(n -> county.industries(d.county(), null, n, Page.MAX_SIZE)).stream()
                .filter(i -> i.name().equals(d.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("industry " + d.name() + " reported as existing but not found"));
    }
}
