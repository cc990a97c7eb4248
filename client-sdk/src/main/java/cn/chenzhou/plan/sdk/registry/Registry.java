package cn.chenzhou.plan.sdk.registry;

import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.Query;

/**
 * platform-registry-service through the gateway ({@code /api/registry}): innovation platforms and their types
 * (T8a–c), designations (T3–T6, T11, T14), alliances, larger enterprises and their R&D institutions (T7), national
 * assessment results (T1, T2). A county portal registers for its own county; the plan office accredits, grants,
 * revokes and records assessments.
 *
 * <p>Every command has a form taking the caller's own {@code idempotencyKey} (null: a fresh one).
 */
public final class Registry {
    private static final String BASE = "/api/registry";
    private final PlatformClient platform;

    public Registry(PlatformClient platform) {
        this.platform = platform;
    }

    // ---- platforms ----

    public Platform registerPlatform(Platform.Register request) {
        return registerPlatform(request, null);
    }

    public Platform registerPlatform(Platform.Register request, String idempotencyKey) {
        return platform.post(BASE + "/platforms", request, idempotencyKey, Platform.class);
    }

    public Platform accreditPlatform(String id, Platform.Accredit request) {
        return accreditPlatform(id, request, null);
    }

    public Platform accreditPlatform(String id, Platform.Accredit request, String idempotencyKey) {
        return platform.post(BASE + "/platforms/" + id + "/accreditation", request, idempotencyKey, Platform.class);
    }

    public Platform revokePlatform(String id, Platform.Revoke request) {
        return revokePlatform(id, request, null);
    }

    public Platform revokePlatform(String id, Platform.Revoke request, String idempotencyKey) {
        return platform.post(BASE + "/platforms/" + id + "/revocation", request, idempotencyKey, Platform.class);
    }

    public Platform platform(String id) {
        return platform.get(BASE + "/platforms/" + id, Platform.class);
    }

    /** Filters may be null; {@code status} REGISTERED, ACCREDITED or REVOKED. */
    public Page<Platform> platforms(String county, String type, Level level, String status, String hostCreditCode,
                                    int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("type", type).with("level", level)
                .with("status", status).with("hostCreditCode", hostCreditCode).page(page, size)
                .on(BASE + "/platforms"), Platform.class);
    }

    // ---- platform types ----

    public Page<Platform.Type> platformTypes(int page, int size) {
        return platform.getPage(Query.of().page(page, size).on(BASE + "/platform-types"), Platform.Type.class);
    }

    public Platform.Type platformType(String code) {
        return platform.get(BASE + "/platform-types/" + code, Platform.Type.class);
    }

    public Platform.Type addPlatformType(Platform.Type request) {
        return addPlatformType(request, null);
    }

    public Platform.Type addPlatformType(Platform.Type request, String idempotencyKey) {
        return platform.post(BASE + "/platform-types", request, idempotencyKey, Platform.Type.class);
    }

    public Platform.Type renamePlatformType(String code, Platform.RenameType request) {
        return renamePlatformType(code, request, null);
    }

    public Platform.Type renamePlatformType(String code, Platform.RenameType request, String idempotencyKey) {
        return platform.put(BASE + "/platform-types/" + code, request, idempotencyKey, Platform.Type.class);
    }

    // ---- designations ----

    public Designation applyForDesignation(Designation.Apply request) {
        return applyForDesignation(request, null);
    }

    public Designation applyForDesignation(Designation.Apply request, String idempotencyKey) {
        return platform.post(BASE + "/designations", request, idempotencyKey, Designation.class);
    }

    public Designation grantDesignation(String id, Designation.Grant request) {
        return grantDesignation(id, request, null);
    }

    public Designation grantDesignation(String id, Designation.Grant request, String idempotencyKey) {
        return platform.post(BASE + "/designations/" + id + "/grant", request, idempotencyKey, Designation.class);
    }

    public Designation revokeDesignation(String id, Designation.Revoke request) {
        return revokeDesignation(id, request, null);
    }

    public Designation revokeDesignation(String id, Designation.Revoke request, String idempotencyKey) {
        return platform.post(BASE + "/designations/" + id + "/revocation", request, idempotencyKey, Designation.class);
    }

    public Designation designation(String id) {
        return platform.get(BASE + "/designations/" + id, Designation.class);
    }

    /** Filters may be null; {@code status} APPLIED, GRANTED or REVOKED. */
    public Page<Designation> designations(String county, Designation.Kind kind, Level level, String status,
                                          int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("kind", kind).with("level", level)
                .with("status", status).page(page, size).on(BASE + "/designations"), Designation.class);
    }

    // ---- alliances ----

    public Alliance formAlliance(Alliance.Form request) {
        return formAlliance(request, null);
    }

    public Alliance formAlliance(Alliance.Form request, String idempotencyKey) {
        return platform.post(BASE + "/alliances", request, idempotencyKey, Alliance.class);
    }

    public Alliance joinAlliance(String id, Alliance.Join request) {
        return joinAlliance(id, request, null);
    }

    public Alliance joinAlliance(String id, Alliance.Join request, String idempotencyKey) {
        return platform.post(BASE + "/alliances/" + id + "/members", request, idempotencyKey, Alliance.class);
    }

    public Alliance alliance(String id) {
        return platform.get(BASE + "/alliances/" + id, Alliance.class);
    }

    public Page<Alliance> alliances(String county, Integer year, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("year", year).page(page, size)
                .on(BASE + "/alliances"), Alliance.class);
    }

    // ---- enterprises and their R&D institutions (T7) ----

    public Enterprise registerEnterprise(Enterprise.Register request) {
        return registerEnterprise(request, null);
    }

    public Enterprise registerEnterprise(Enterprise.Register request, String idempotencyKey) {
        return platform.post(BASE + "/enterprises", request, idempotencyKey, Enterprise.class);
    }

    public Enterprise reclassifyEnterprise(String id, Enterprise.Reclassify request) {
        return reclassifyEnterprise(id, request, null);
    }

    public Enterprise reclassifyEnterprise(String id, Enterprise.Reclassify request, String idempotencyKey) {
        return platform.post(BASE + "/enterprises/" + id + "/reclassification", request, idempotencyKey, Enterprise.class);
    }

    public Enterprise establishRdInstitution(String id, Enterprise.EstablishRdInstitution request) {
        return establishRdInstitution(id, request, null);
    }

    public Enterprise establishRdInstitution(String id, Enterprise.EstablishRdInstitution request, String idempotencyKey) {
        return platform.post(BASE + "/enterprises/" + id + "/rd-institutions", request, idempotencyKey, Enterprise.class);
    }

    public Enterprise closeRdInstitution(String id, Enterprise.CloseRdInstitution request) {
        return closeRdInstitution(id, request, null);
    }

    public Enterprise closeRdInstitution(String id, Enterprise.CloseRdInstitution request, String idempotencyKey) {
        return platform.post(BASE + "/enterprises/" + id + "/rd-institutions/closure", request, idempotencyKey,
                Enterprise.class);
    }

    public Enterprise enterprise(String id) {
        return platform.get(BASE + "/enterprises/" + id, Enterprise.class);
    }

    /** Filters may be null. */
    public Page<Enterprise> enterprises(String county, Boolean larger, Boolean hasRdInstitution, String creditCode,
                                        int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("larger", larger)
                .with("hasRdInstitution", hasRdInstitution).with("creditCode", creditCode).page(page, size)
                .on(BASE + "/enterprises"), Enterprise.class);
    }

    // ---- national S&T progress assessment (T1, T2) ----

    public Assessment recordAssessment(Assessment.RecordResult request) {
        return recordAssessment(request, null);
    }

    public Assessment recordAssessment(Assessment.RecordResult request, String idempotencyKey) {
        return platform.post(BASE + "/assessments", request, idempotencyKey, Assessment.class);
    }

    public Assessment reviseAssessment(String id, Assessment.Revise request) {
        return reviseAssessment(id, request, null);
    }

    public Assessment reviseAssessment(String id, Assessment.Revise request, String idempotencyKey) {
        return platform.post(BASE + "/assessments/" + id + "/revisions", request, idempotencyKey, Assessment.class);
    }

    public Assessment assessment(String id) {
        return platform.get(BASE + "/assessments/" + id, Assessment.class);
    }

    public Page<Assessment> assessments(String county, Integer year, Assessment.Result result, int page, int size) {
        return platform.getPage(Query.of().with("county", county).with("year", year).with("result", result)
                .page(page, size).on(BASE + "/assessments"), Assessment.class);
    }

    // ---- the registry's own demo dataset (the entities the source document names) ----

    /**
     * Plan office; idempotent by nature: each item has its fixed id and natural key, what is there already is left as
     * it is. Sent without an Idempotency-Key: the command creates several designations and alliances at once, and
     * the chassis refuses a keyed command's second insert into one collection (409 {@code command-already-applied}).
     */
    public DemoDatasetReport loadDemoDataset() {
        return platform.postIdempotentByNature(BASE + "/demo-dataset", null, DemoDatasetReport.class);
    }
}
