package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAlliance;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAllianceJoin;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoAssessment;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoDesignation;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoEnterprise;
import cn.chenzhou.plan.sdk.demo.DemoDataset.DemoPlatform;
import cn.chenzhou.plan.sdk.demo.DemoDataset.Joining;
import cn.chenzhou.plan.sdk.registry.Alliance;
import cn.chenzhou.plan.sdk.registry.Assessment;
import cn.chenzhou.plan.sdk.registry.Designation;
import cn.chenzhou.plan.sdk.registry.Enterprise;
import cn.chenzhou.plan.sdk.registry.Organisation;
import cn.chenzhou.plan.sdk.registry.Platform;
import cn.chenzhou.plan.sdk.registry.Registry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry part of the demo: platforms, designations, enterprises, alliances and assessments. What the platform
 * already holds (from an earlier or interrupted load) is found first by its natural key and only the missing steps
 * are sent; the counties register, the plan office accredits, grants, revokes and records.
 */
final class RegistryLoad {
    private final LoadContext ctx;
    private Map<String, Platform> platforms;
    private Map<String, Designation> designations;
    private Map<String, Enterprise> enterprises;
    private Map<String, Alliance> alliances;
    private Map<String, Assessment> assessments;

    RegistryLoad(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** Reads what the registry holds already (as the plan office, which sees every county). */
    void takeInventory() {
        Registry registry = ctx.planOffice().registry();
        platforms = index(Page.all(n -> registry.platforms(null, null, null, null, null, n, Page.MAX_SIZE)),
                p -> p.county() + "|" + p.name() + "|" + p.type());
        designations = index(Page.all(n -> registry.designations(null, null, null, null, n, Page.MAX_SIZE)),
                d -> designationKey(d.county(), d.kind(), d.level(), d.holder().name()));
        enterprises = index(Page.all(n -> registry.enterprises(null, null, null, null, n, Page.MAX_SIZE)), Enterprise::creditCode);
        alliances = index(Page.all(n -> registry.alliances(null, null, n, Page.MAX_SIZE)), Alliance::name);
        assessments = index(Page.all(n -> registry.assessments(null, null, null, n, Page.MAX_SIZE)),
                a -> a.county() + "|" + a.year());
    }

    void referenceData() {
        if (ctx.planOffice().registry().loadDemoDataset().loaded() > 0) {
            ctx.applied();
        } else {
            ctx.skipped();
        }
    }

    /** Everything of one county, in the order it happened to each item. */
    void county(String county) {
        ctx.data.platforms().stream().filter(p -> p.county().equals(county)).forEach(this::platform);
        ctx.data.designations().stream().filter(d -> d.county().equals(county)).forEach(this::designation);
        ctx.data.enterprises().stream().filter(e -> e.county().equals(county)).forEach(this::enterprise);
        ctx.data.alliances().stream().filter(a -> a.county().equals(county)).forEach(this::alliance);
        ctx.data.assessments().stream().filter(a -> a.county().equals(county)).forEach(this::assessment);
    }

    private void platform(DemoPlatform d) {
        Platform p = platforms.get(d.county() + "|" + d.name() + "|" + d.type());
        Registry office = ctx.planOffice().registry();
        if (p == null) {
            p = ctx.apply(() -> ctx.county(d.county()).registry().registerPlatform(new Platform.Register(d.county(),
                    d.name(), d.type(), d.level(), d.host(), d.registeredOn()), ctx.key("plt", d.ref(), "register")));
        } else {
            ctx.skipped();
        }
        String id = p.id();
        if (d.accreditation() != null) {
            if (p.accreditations().isEmpty()) {
                var a = d.accreditation();
                p = ctx.applyOrFind(() -> office.accreditPlatform(id, new Platform.Accredit(a.level(), a.body(),
                        a.documentNo(), a.on()), ctx.key("plt", d.ref(), "accredit")), () -> office.platform(id));
            } else {
                ctx.skipped();
            }
        }
        if (d.revocation() != null) {
            if (!"REVOKED".equals(p.status())) {
                ctx.applyOrFind(() -> office.revokePlatform(id, new Platform.Revoke(d.revocation().reason(),
                        d.revocation().on()), ctx.key("plt", d.ref(), "revoke")), () -> office.platform(id));
            } else {
                ctx.skipped();
            }
        }
    }

    private void designation(DemoDesignation d) {
        Designation found = designations.get(designationKey(d.county(), d.kind(), d.level(), d.holder().name()));
        Registry office = ctx.planOffice().registry();
        Designation current = found;
        if (current == null) {
            current = ctx.county(d.county()).registry().applyForDesignation(new Designation.Apply(d.county(), d.kind(),
                    d.level(), d.holder(), d.appliedOn(), null), ctx.key("dsg", d.ref(), "apply"));
            ctx.applied();
        } else {
            ctx.skipped();
        }
        String id = current.id();
        if (d.grant() != null) {
            if (current.grant() == null && !"REVOKED".equals(current.status())) {
                current = ctx.applyOrFind(() -> office.grantDesignation(id, new Designation.Grant(d.grant().documentNo(),
                        d.grant().on()), ctx.key("dsg", d.ref(), "grant")), () -> office.designation(id));
            } else {
                ctx.skipped();
            }
        }
        if (d.revocation() != null) {
            if (!"REVOKED".equals(current.status())) {
                ctx.applyOrFind(() -> office.revokeDesignation(id, new Designation.Revoke(d.revocation().reason(),
                        d.revocation().on()), ctx.key("dsg", d.ref(), "revoke")), () -> office.designation(id));
            } else {
                ctx.skipped();
            }
        }
    }

    private void enterprise(DemoEnterprise d) {
        Registry registry = ctx.county(d.county()).registry();
        Enterprise e = enterprises.get(d.creditCode());
        String ref = d.creditCode();
        if (e == null) {
            e = ctx.apply(() -> registry.registerEnterprise(new Enterprise.Register(d.county(), d.name(),
                    d.creditCode(), d.larger(), d.registeredOn()), ctx.key("ent", ref, "register")));
        } else {
            ctx.skipped();
        }
        String id = e.id();
        if (d.reclassification() != null) {
            if (e.larger() != d.reclassification().larger()) {
                e = ctx.applyOrFind(() -> registry.reclassifyEnterprise(id, new Enterprise.Reclassify(
                        d.reclassification().larger(), d.reclassification().on()), ctx.key("ent", ref, "reclassify")),
                        () -> registry.enterprise(id));
            } else {
                ctx.skipped();
            }
        }
        if (d.rdInstitution() != null) {
            if (e.rdInstitutions().isEmpty()) {
                var r = d.rdInstitution();
                e = ctx.applyOrFind(() -> registry.establishRdInstitution(id, new Enterprise.EstablishRdInstitution(
                        r.name(), r.kind(), r.on()), ctx.key("ent", ref, "rd")), () -> registry.enterprise(id));
            } else {
                ctx.skipped();
            }
        }
        if (d.closure() != null) {
            if (e.rdInstitution() != null) {
                ctx.applyOrFind(() -> registry.closeRdInstitution(id, new Enterprise.CloseRdInstitution(
                        d.closure().reason(), d.closure().on()), ctx.key("ent", ref, "close")), () -> registry.enterprise(id));
            } else {
                ctx.skipped();
            }
        }
    }

    private void alliance(DemoAlliance d) {
        Registry registry = ctx.county(d.county()).registry();
        Alliance a = alliances.get(d.name());
        if (a == null) {
            a = ctx.apply(() -> registry.formAlliance(new Alliance.Form(d.county(), d.name(), d.field(), d.formedOn(),
                    d.members().stream().map(m -> new Alliance.Founder(m.organisation(), m.county())).toList()),
                    ctx.key("all", d.ref(), "form")));
        } else {
            ctx.skipped();
        }
        join(registry, a, d.ref(), d.joins());
    }

    /** Organisations joining the alliances the registry's own demo dataset formed, by their county portals. */
    void joinReferenceAlliances() {
        for (DemoAllianceJoin j : ctx.data.allianceJoins()) {
            Alliance a = ctx.planOffice().registry().alliance(j.alliance());
            join(ctx.county(a.county()).registry(), a, j.alliance(), j.joins());
        }
    }

    private void join(Registry registry, Alliance alliance, String ref, java.util.List<Joining> joins) {
        for (int i = 0; i < joins.size(); i++) {
            Joining j = joins.get(i);
            if (isMember(alliance, j.organisation())) {
                ctx.skipped();
                continue;
            }
            String id = alliance.id();
            alliance = ctx.applyOrFind(() -> registry.joinAlliance(id, new Alliance.Join(j.organisation(), j.county(),
                    j.on()), ctx.key("all", ref, "join", memberKey(j.organisation()))), () -> registry.alliance(id));
        }
    }

    private static String memberKey(Organisation o) {
        return o.creditCode() != null ? o.creditCode() : "n" + Integer.toHexString(o.name().hashCode());
    }

    private static boolean isMember(Alliance alliance, Organisation organisation) {
        return alliance.members().stream().map(Alliance.Member::organisation).anyMatch(o ->
                organisation.creditCode() != null ? organisation.creditCode().equals(o.creditCode())
                        : organisation.name().equals(o.name()));
    }

    private void assessment(DemoAssessment d) {
        Registry office = ctx.planOffice().registry();
        Assessment a = assessments.get(d.county() + "|" + d.year());
        String ref = d.county() + "-" + d.year();
        if (a == null) {
            a = ctx.apply(() -> office.recordAssessment(new Assessment.RecordResult(d.county(), d.year(), d.result(),
                    d.documentNo(), d.effectiveOn()), ctx.key("asm", ref, "record")));
        } else {
            ctx.skipped();
        }
        if (d.correction() != null) {
            if (a.revision() == 1) {
                var c = d.correction();
                String id = a.id();
                ctx.applyOrFind(() -> office.reviseAssessment(id, new Assessment.Revise(2, c.result(), c.documentNo(),
                        c.on(), c.reason()), ctx.key("asm", ref, "revise")), () -> office.assessment(id));
            } else {
                ctx.skipped();
            }
        }
    }

    static String designationKey(String county, Designation.Kind kind, cn.chenzhou.plan.sdk.Level level, String holder) {
        return county + "|" + kind + "|" + level + "|" + holder;
    }

    private static <T> Map<String, T> index(java.util.List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}
