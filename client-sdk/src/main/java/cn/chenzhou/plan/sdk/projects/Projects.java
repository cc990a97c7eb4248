package cn.chenzhou.plan.sdk.projects;

import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.Query;
import cn.chenzhou.plan.sdk.projects.Achievement.RecordTransformation;
import cn.chenzhou.plan.sdk.projects.Achievement.WithdrawTransformation;
import cn.chenzhou.plan.sdk.projects.Industry.ChangeDrivers;
import cn.chenzhou.plan.sdk.projects.Industry.Recognise;
import cn.chenzhou.plan.sdk.projects.Industry.RegisterIndustry;
import cn.chenzhou.plan.sdk.projects.Industry.RevokeRecognition;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.AcceptProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ApproveProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.DraftProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.NewProgramme;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordExpertReview;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordFormalReview;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RecordMidtermCheck;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.RejectProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.ReviseProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.StartProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.SubmitProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.TerminateProject;

/**
 * project-service through the gateway ({@code /api/projects}): a project's life from draft to acceptance, the
 * programme catalogue, key achievement transformations (T12) and characteristic industries (T13).
 *
 * <p>Every command has a form taking the caller's own {@code idempotencyKey} (null: a fresh one); the same key with
 * the same command gets the first answer again and changes nothing.
 */
public final class Projects {
    private static final String BASE = "/api/projects";
    private final PlatformClient platform;

    public Projects(PlatformClient platform) {
        this.platform = platform;
    }

    /** Filters of the project list; null means "any". A county portal always sees only its own county. */
    public record Filter(String county, String programme, ProjectStatus status, Level level, Integer year) {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }

        public Filter county(String c) {
            return new Filter(c, programme, status, level, year);
        }

        public Filter status(ProjectStatus s) {
            return new Filter(county, programme, s, level, year);
        }

        public Filter year(Integer y) {
            return new Filter(county, programme, status, level, y);
        }

        public Filter programme(String p) {
            return new Filter(county, p, status, level, year);
        }

        public Filter level(Level l) {
            return new Filter(county, programme, status, l, year);
        }
    }

    // ---- the county's side: draft, revise, submit ----

    public Project draft(DraftProject request) {
        return draft(request, null);
    }

    public Project draft(DraftProject request, String idempotencyKey) {
        return platform.post(BASE, request, idempotencyKey, Project.class);
    }

    public Project revise(String id, ReviseProject request) {
        return revise(id, request, null);
    }

    public Project revise(String id, ReviseProject request, String idempotencyKey) {
        return platform.put(BASE + "/" + id, request, idempotencyKey, Project.class);
    }

    public Project submit(String id, SubmitProject request) {
        return submit(id, request, null);
    }

    public Project submit(String id, SubmitProject request, String idempotencyKey) {
        return step(id, "submit", request, idempotencyKey);
    }

    // ---- the plan office's review and decision ----

    public Project formalReview(String id, RecordFormalReview request) {
        return formalReview(id, request, null);
    }

    public Project formalReview(String id, RecordFormalReview request, String idempotencyKey) {
        return step(id, "formal-review", request, idempotencyKey);
    }

    public Project expertReview(String id, RecordExpertReview request) {
        return expertReview(id, request, null);
    }

    public Project expertReview(String id, RecordExpertReview request, String idempotencyKey) {
        return step(id, "expert-review", request, idempotencyKey);
    }

    public Project approve(String id, ApproveProject request) {
        return approve(id, request, null);
    }

    public Project approve(String id, ApproveProject request, String idempotencyKey) {
        return step(id, "approve", request, idempotencyKey);
    }

    public Project reject(String id, RejectProject request) {
        return reject(id, request, null);
    }

    public Project reject(String id, RejectProject request, String idempotencyKey) {
        return step(id, "reject", request, idempotencyKey);
    }

    // ---- execution ----

    public Project start(String id, StartProject request) {
        return start(id, request, null);
    }

    public Project start(String id, StartProject request, String idempotencyKey) {
        return step(id, "start", request, idempotencyKey);
    }

    public Project midtermCheck(String id, RecordMidtermCheck request) {
        return midtermCheck(id, request, null);
    }

    public Project midtermCheck(String id, RecordMidtermCheck request, String idempotencyKey) {
        return step(id, "midterm-check", request, idempotencyKey);
    }

    public Project accept(String id, AcceptProject request) {
        return accept(id, request, null);
    }

    public Project accept(String id, AcceptProject request, String idempotencyKey) {
        return step(id, "accept", request, idempotencyKey);
    }

    public Project terminate(String id, TerminateProject request) {
        return terminate(id, request, null);
    }

    public Project terminate(String id, TerminateProject request, String idempotencyKey) {
        return step(id, "terminate", request, idempotencyKey);
    }

    // ---- reading ----

    public Project get(String id) {
        return platform.get(BASE + "/" + id, Project.class);
    }

    public Project.History history(String id) {
        return platform.get(BASE + "/" + id + "/history", Project.History.class);
    }

    public Page<Project.Summary> list(Filter filter, int page, int size) {
        return platform.getPage(Query.of().with("county", filter.county()).with("programme", filter.programme())
                .with("status", filter.status()).with("level", filter.level()).with("year", filter.year())
                .page(page, size).on(BASE), Project.Summary.class);
    }

    // ---- programmes ----

    public Page<Project.Programme> programmes(int page, int size) {
        return platform.getPage(Query.of().page(page, size).on(BASE + "/programmes"), Project.Programme.class);
    }

    public Project.Programme programme(String code) {
        return platform.get(BASE + "/programmes/" + code, Project.Programme.class);
    }

    public Project.Programme addProgramme(NewProgramme request) {
        return addProgramme(request, null);
    }

    public Project.Programme addProgramme(NewProgramme request, String idempotencyKey) {
        return platform.post(BASE + "/programmes", request, idempotencyKey, Project.Programme.class);
    }

    // ---- achievement transformations (T12) ----

    public Achievement recordAchievement(RecordTransformation request) {
        return recordAchievement(request, null);
    }

    public Achievement recordAchievement(RecordTransformation request, String idempotencyKey) {
        return platform.post(BASE + "/achievements", request, idempotencyKey, Achievement.class);
    }

    public Achievement withdrawAchievement(String id, WithdrawTransformation request) {
        return withdrawAchievement(id, request, null);
    }

    public Achievement withdrawAchievement(String id, WithdrawTransformation request, String idempotencyKey) {
        return platform.post(BASE + "/achievements/" + id + "/withdraw", request, idempotencyKey, Achievement.class);
    }

    public Achievement achievement(String id) {
        return platform.get(BASE + "/achievements/" + id, Achievement.class);
    }

    /** @param status RECORDED or WITHDRAWN, or null for both */
    public Page<Achievement> achievements(String county, String status, Integer year, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("status", status).with("year", year)
                .page(page, size).on(BASE + "/achievements"), Achievement.class);
    }

    // ---- characteristic industries (T13) ----

    public Industry registerIndustry(RegisterIndustry request) {
        return registerIndustry(request, null);
    }

    public Industry registerIndustry(RegisterIndustry request, String idempotencyKey) {
        return platform.post(BASE + "/industries", request, idempotencyKey, Industry.class);
    }

    public Industry changeIndustryDrivers(String id, ChangeDrivers request) {
        return changeIndustryDrivers(id, request, null);
    }

    public Industry changeIndustryDrivers(String id, ChangeDrivers request, String idempotencyKey) {
        return platform.put(BASE + "/industries/" + id + "/drivers", request, idempotencyKey, Industry.class);
    }

    public Industry recogniseIndustry(String id, Recognise request) {
        return recogniseIndustry(id, request, null);
    }

    public Industry recogniseIndustry(String id, Recognise request, String idempotencyKey) {
        return platform.post(BASE + "/industries/" + id + "/recognise", request, idempotencyKey, Industry.class);
    }

    public Industry revokeIndustryRecognition(String id, RevokeRecognition request) {
        return revokeIndustryRecognition(id, request, null);
    }

    public Industry revokeIndustryRecognition(String id, RevokeRecognition request, String idempotencyKey) {
        return platform.post(BASE + "/industries/" + id + "/revoke-recognition", request, idempotencyKey, Industry.class);
    }

    public Industry industry(String id) {
        return platform.get(BASE + "/industries/" + id, Industry.class);
    }

    /** @param status REGISTERED, RECOGNISED or RECOGNITION_REVOKED, or null for any */
    public Page<Industry> industries(String county, String status, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("status", status).page(page, size)
                .on(BASE + "/industries"), Industry.class);
    }

    private Project step(String id, String step, Object request, String idempotencyKey) {
        return platform.post(BASE + "/" + id + "/" + step, request, idempotencyKey, Project.class);
    }
}
