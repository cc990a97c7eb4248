package cn.chenzhou.plan.acceptance.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * What a request needs to exist before it is sent — a project of the county in the right state, an allocation, an
 * accredited platform — made through the gateway by the principals entitled to make it, exactly as the bureau would.
 * Each fixture is a set of variables ({@code id}, {@code version}, {@code year}…) that paths and sample bodies use.
 *
 * <p>Years that can be used once (a special-fund year, a county's statistics year, a county's assessment year) come
 * from pools of early years the plan's own data (2012–2014) and the other suites do not use.
 */
public final class Fixtures {
    private static final AtomicInteger FUND_YEARS = new AtomicInteger(2001);
    private static final AtomicInteger STATISTICS_YEARS = new AtomicInteger(2000);
    private static final AtomicInteger ASSESSMENT_YEARS = new AtomicInteger(2000);

    private final PlatformUnderTest platform;
    private final Samples samples;
    private final String county;
    private final Map<String, Map<String, Object>> shared = new ConcurrentHashMap<>();

    public Fixtures(PlatformUnderTest platform, Samples samples, String county) {
        this.platform = platform;
        this.samples = samples;
        this.county = county;
    }

    public String county() {
        return county;
    }

    /** Variables every request has: the county and, for the special fund and matching funds, the suite's fund year. */
    public Map<String, Object> base() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("county", county);
        vars.put("today", Samples.today().toString());
        vars.put("platformType", sharedFixture("platform-type-existing").get("code"));
        return vars;
    }

    /** A fixture of this kind made for one use (a command that changes it). {@code -} is none. */
    public Map<String, Object> fresh(String kind) {
        Map<String, Object> v = base();
        String county = this.county;
        switch (kind) {
            case "-" -> { }
            case "project:DRAFT", "project:SUBMITTED", "project:FORMAL_REVIEW_PASSED", "project:EXPERT_REVIEWED",
                 "project:APPROVED", "project:IN_PROGRESS" -> project(v, kind.substring("project:".length()));
            case "achievement" -> take(v, send("county-" + county, "POST", "/api/projects/achievements", "achievements.record", v));
            case "industry", "industry:DRIVEN", "industry:RECOGNISED" -> {
                v.put("achievementId", send("county-" + county, "POST", "/api/projects/achievements", "achievements.record", base())
                        .get("id").asString());
                take(v, send("county-" + county, "POST", "/api/projects/industries", "industries.register", v));
                if (!kind.equals("industry")) {
                    take(v, send("county-" + county, "PUT", "/api/projects/industries/${id}/drivers", "industries.drivers", v));
                }
                if (kind.equals("industry:RECOGNISED")) {
                    take(v, send("plan-office", "POST", "/api/projects/industries/${id}/recognise", "industries.recognise", v));
                }
            }
            case "fund" -> v.putAll(sharedFixture("fund"));
            case "fund-year:new" -> v.put("year", freeYear(FUND_YEARS, "finance", "/api/funding/special-fund/%d"));
            case "proposal" -> {
                // a budget above the plan's yearly figure, on a year of its own: a year takes one proposal at a time
                v.put("year", freeYear(FUND_YEARS, "finance", "/api/funding/special-fund/%d"));
                send("finance", "POST", "/api/funding/special-fund", "fund.open", v);
                v.put("id", send("finance", "POST", "/api/funding/special-fund/${year}/budget-revisions", "fund.budget-proposal", v)
                        .get("id").asString());
            }
            case "allocation" -> {
                v.putAll(sharedFixture("fund"));
                v.put("id", send("finance", "POST", "/api/funding/special-fund/${year}/allocations", "fund.allocate", v)
                        .get("id").asString());
            }
            case "secured" -> v.put("id", send("finance", "POST", "/api/funding/secured-funds", "secured.secure", v).get("id").asString());
            case "commitment" -> {
                v.putAll(sharedFixture("fund"));
                send("county-" + county, "POST", "/api/funding/matching-funds/commitments", "matching.commit", v);
            }
            case "statistics-year:new" -> v.put("year", statisticsYear());
            case "statistics" -> {
                v.put("year", statisticsYear());
                v.put("revision", send("county-" + county, "POST", "/api/funding/county-statistics", "statistics.file", v)
                        .get("revision").asInt());
            }
            case "platform", "platform:ACCREDITED" -> {
                take(v, send("county-" + county, "POST", "/api/registry/platforms", "platforms.register", v));
                if (kind.equals("platform:ACCREDITED")) {
                    take(v, send("plan-office", "POST", "/api/registry/platforms/${id}/accreditation", "platforms.accredit", v));
                }
            }
            case "platform-type" -> v.put("code", send("plan-office", "POST", "/api/registry/platform-types", "platform-types.add", v)
                    .get("code").asString());
            case "designation", "designation:GRANTED" -> {
                take(v, send("county-" + county, "POST", "/api/registry/designations", "designations.apply", v));
                if (kind.equals("designation:GRANTED")) {
                    take(v, send("plan-office", "POST", "/api/registry/designations/${id}/grant", "designations.grant", v));
                }
            }
            case "alliance" -> take(v, send("county-" + county, "POST", "/api/registry/alliances", "alliances.form", v));
            case "enterprise", "enterprise:RD" -> {
                take(v, send("county-" + county, "POST", "/api/registry/enterprises", "enterprises.register", v));
                if (kind.equals("enterprise:RD")) {
                    take(v, send("county-" + county, "POST", "/api/registry/enterprises/${id}/rd-institutions", "enterprises.establish", v));
                }
            }
            case "assessment-year:new" -> v.put("year", assessmentYear());
            case "assessment" -> {
                v.put("year", assessmentYear());
                JsonNode recorded = send("plan-office", "POST", "/api/registry/assessments", "assessments.record", v);
                v.put("id", recorded.get("id").asString());
                v.put("revision", recorded.get("revision").asInt() + 1);
            }
            case "plan:active" -> v.put("id", get("plan-office", "/api/reports/plans/active").get("id").asString());
            case "plan:new" -> {
                // the plan in force, copied under a new id: a plan the bureau could load
                tools.jackson.databind.node.ObjectNode plan = (tools.jackson.databind.node.ObjectNode) get("plan-office", "/api/reports/plans/active");
                String id = "plan-mx-" + Samples.fill("${uniq}", Map.of()).toLowerCase();
                plan.put("id", id);
                v.put("planId", id);
                v.put("plan", plan);
            }
            case "indicator" -> v.put("code", get("viewer", "/api/reports/indicators").get(0).get("code").asString());
            default -> throw new IllegalArgumentException("no fixture kind " + kind);
        }
        return v;
    }

    /** A fixture of this kind that reads may share (made once). */
    public Map<String, Object> forReading(String kind) {
        return sharedFixture("read:" + kind);
    }

    private synchronized Map<String, Object> sharedFixture(String key) {
        Map<String, Object> existing = shared.get(key);
        if (existing != null) {
            return existing;
        }
        Map<String, Object> made;
        if (key.equals("platform-type-existing")) {
            made = Map.of("code", get("viewer", "/api/registry/platform-types?size=1").get("items").get(0).get("code").asString());
        } else if (key.equals("fund")) {
            // the suite's own special-fund year, opened once, with room for every allocation the suites make
            Map<String, Object> v = new HashMap<>(Map.of("county", county));
            int year = freeYear(FUND_YEARS, "finance", "/api/funding/special-fund/%d");
            v.put("year", year);
            send("finance", "POST", "/api/funding/special-fund", "fund.open", v);
            made = Map.of("year", year);
        } else if (key.startsWith("read:")) {
            made = fresh(key.substring("read:".length()));
        } else {
            throw new IllegalArgumentException(key);
        }
        shared.put(key, made);
        return made;
    }

    private int statisticsYear() {
        return freeYear(STATISTICS_YEARS, "finance", "/api/funding/county-statistics/" + county + "/%d");
    }

    private int assessmentYear() {
        return freeYear(ASSESSMENT_YEARS, "plan-office", "/api/registry/assessments/asm-" + county + "-%d");
    }

    /** The next year of the pool that nobody has used yet (another suite, or an earlier run on a kept platform). */
    private int freeYear(AtomicInteger pool, String reader, String probe) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int year = pool.getAndIncrement();
            Call.Reply reply = Call.of("GET", String.format(probe, year)).bearer(platform.token(reader))
                    .send(platform.http(), platform.gateway());
            if (reply.status() == 404) {
                return year;
            }
        }
        throw new IllegalStateException("no free year left in the pool of " + probe);
    }

    private void project(Map<String, Object> v, String state) {
        String own = "county-" + county;
        take(v, send(own, "POST", "/api/projects", "projects.draft", v));
        String[][] steps = {
                {"SUBMITTED", own, "submit", "projects.submit"},
                {"FORMAL_REVIEW_PASSED", "plan-office", "formal-review", "projects.formal-review"},
                {"EXPERT_REVIEWED", "plan-office", "expert-review", "projects.expert-review"},
                {"APPROVED", "plan-office", "approve", "projects.approve"},
                {"IN_PROGRESS", "plan-office", "start", "projects.start"}};
        for (String[] step : steps) {
            if (state.equals("DRAFT")) {
                return;
            }
            take(v, send(step[1], "POST", "/api/projects/${id}/" + step[2], step[3], v));
            if (state.equals(step[0])) {
                return;
            }
        }
    }

    /** Keeps the id and version of what a command answered. */
    private static void take(Map<String, Object> v, JsonNode answer) {
        if (answer.has("id")) {
            v.put("id", answer.get("id").asString());
        }
        if (answer.has("version")) {
            v.put("version", answer.get("version").asLong());
        }
    }

    /** Sends a sample command as {@code clientId}; it must succeed. */
    public JsonNode send(String clientId, String method, String path, String sample, Map<String, Object> vars) {
        Call call = Call.of(method, Samples.fill(path, vars)).bearer(platform.token(clientId))
                .json(samples.body(sample, vars));
        Call.Reply reply = call.send(platform.http(), platform.gateway());
        if (!reply.is2xx()) {
            throw new IllegalStateException("setup failed: " + clientId + " " + call + " answered " + reply);
        }
        return reply.json();
    }

    public JsonNode get(String clientId, String path) {
        Call.Reply reply = Call.of("GET", path).bearer(platform.token(clientId)).send(platform.http(), platform.gateway());
        if (!reply.is2xx()) {
            throw new IllegalStateException("setup read failed: GET " + path + " answered " + reply);
        }
        return reply.json();
    }
}
