package cn.chenzhou.plan.acceptance.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.acceptance.security.BadTokens;
import cn.chenzhou.plan.acceptance.security.Call;
import cn.chenzhou.plan.acceptance.security.Call.Reply;
import cn.chenzhou.plan.acceptance.security.Caller;
import cn.chenzhou.plan.acceptance.security.Fixtures;
import cn.chenzhou.plan.acceptance.security.MatrixTable;
import cn.chenzhou.plan.acceptance.security.MatrixTable.Row;
import cn.chenzhou.plan.acceptance.security.PlatformUnderTest;
import cn.chenzhou.plan.acceptance.security.Samples;
import cn.chenzhou.plan.acceptance.security.TopicWatch;
import cn.chenzhou.plan.stack.BusCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9's bad-input corpus ({@code badinput/*.json}): hundreds of malformed requests across every endpoint that
 * takes input, sent through the gateway by a principal entitled to the endpoint. Every one must be answered with a
 * 4xx {@code application/problem+json} (the gateway's or the service's) naming the field where there is one — never a
 * 5xx — and none may store anything or send an event.
 *
 * <p>First every endpoint's unbroken request is sent once (on a fixture of its own) and must succeed: so each refusal
 * below is the work of the one thing its case broke. Then, watched by a bare consumer on the owners' topics, the
 * corpus is sent against one fixture per endpoint; the fixtures are re-read, a marker command per service flushes
 * the outboxes, and nothing but the markers may have been published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {
    /** The corpus works in a county of its own, so its fixtures and lists do not meet the matrix's. */
    static final String COUNTY = "431024";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PAD = Pattern.compile("\\$\\{pad:(\\d+)}");
    private static final Pattern NEST = Pattern.compile("\\$\\{nest:(\\d+)}");
    private static final List<Caller> ENTITLED = List.of(Caller.OWN_COUNTY, Caller.ADMIN, Caller.FINANCE, Caller.VIEWER);

    private PlatformUnderTest platform;
    private Samples samples;
    private Fixtures fixtures;
    private Map<String, Row> rows;

    /** A case sent, its answer, and — for a case marked as a defect, sent on a fixture of its own — whether it stored something. */
    record Sent(Corpus corpus, JsonNode spec, Row row, Caller caller, Call call, Reply reply, Boolean stored) {
        String name() {
            return spec.get("name").asString();
        }

        String defect() {
            return spec.has("defect") ? spec.get("defect").asString() : null;
        }
    }

    private List<Corpus> corpora;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Reply> controls = new LinkedHashMap<>();
    private final Map<String, Snapshot> before = new LinkedHashMap<>();
    private final Map<String, Snapshot> after = new LinkedHashMap<>();
    private final Set<String> markers = new HashSet<>();
    private List<TopicWatch.Seen> duringCorpus = List.of();

    record Snapshot(String path, int status, JsonNode body) {
    }

    @BeforeAll
    void sendTheCorpus() throws Exception {
        platform = PlatformUnderTest.get();
        samples = new Samples();
        fixtures = new Fixtures(platform, samples, COUNTY);
        rows = MatrixTable.load().stream().collect(Collectors.toMap(Row::endpoint, Function.identity()));
        corpora = Corpus.load();
        new BadTokens(platform); // the signing key is readable: the same platform as the matrix's

        Set<String> endpoints = new LinkedHashSet<>();
        corpora.forEach(c -> c.cases().forEach(spec -> endpoints.add(spec.get("endpoint").asString())));
        Map<String, Map<String, Object>> fixtureOf = new LinkedHashMap<>();
        for (String endpoint : endpoints) {
            Row row = rows.get(endpoint);
            if (row == null) {
                throw new IllegalStateException("corpus names an endpoint the matrix does not have: " + endpoint);
            }
            Map<String, Object> control = row.isWrite() ? fixtures.fresh(row.fixture()) : fixtures.forReading(row.fixture());
            Caller caller = entitled(row);
            Call call = Call.of(row.method(), Samples.fill(row.path(), control)).bearer(token(caller));
            if (!row.body().equals("-")) {
                call = call.json(samples.body(row.body(), control));
            }
            controls.put(endpoint, call.send(platform.http(), platform.gateway()));
            fixtureOf.put(endpoint, row.isWrite() ? fixtures.fresh(row.fixture()) : control);
        }
        for (String endpoint : endpoints) {
            Row row = rows.get(endpoint);
            if (row.isWrite()) {
                before.put(endpoint, snapshot(row, fixtureOf.get(endpoint)));
            }
        }

        try (TopicWatch watch = new TopicWatch(platform.kafkaClient(BusCredentials.ADMIN), TopicWatch.OWNER_TOPICS)) {
            for (Corpus corpus : corpora) {
                for (JsonNode spec : corpus.cases()) {
                    if (spec.has("defect")) {
                        continue;
                    }
                    Row row = rows.get(spec.get("endpoint").asString());
                    Caller caller = caller(spec, row);
                    Call call = build(spec, row, caller, fixtureOf.get(row.endpoint()));
                    sent.add(new Sent(corpus, spec, row, caller, call, call.send(platform.http(), platform.gateway()), null));
                }
            }
            for (String endpoint : endpoints) {
                Row row = rows.get(endpoint);
                if (row.isWrite()) {
                    after.put(endpoint, snapshot(row, fixtureOf.get(endpoint)));
                }
            }
            markers.add(fixtures.send("county-" + COUNTY, "POST", "/api/projects", "projects.draft", fixtures.base()).get("id").asString());
            markers.add(fixtures.send("finance", "POST", "/api/funding/secured-funds", "secured.secure", fixtures.base()).get("id").asString());
            markers.add(fixtures.send("county-" + COUNTY, "POST", "/api/registry/enterprises", "enterprises.register", fixtures.base()).get("id").asString());
            duringCorpus = watch.readUntil(seen -> seen.stream().map(TopicWatch.Seen::subject).collect(Collectors.toSet())
                    .containsAll(markers), Duration.ofSeconds(60), Duration.ofSeconds(2));
        }

        // the cases that reveal a defect, apart: each on a fixture of its own, so that what it stored shows
        for (Corpus corpus : corpora) {
            for (JsonNode spec : corpus.cases()) {
                if (!spec.has("defect")) {
                    continue;
                }
                Row row = rows.get(spec.get("endpoint").asString());
                Caller caller = caller(spec, row);
                Map<String, Object> own = row.isWrite() ? fixtures.fresh(row.fixture()) : fixtureOf.get(row.endpoint());
                Snapshot was = row.isWrite() ? snapshot(row, own) : null;
                Call call = build(spec, row, caller, own);
                Reply reply = call.send(platform.http(), platform.gateway());
                Boolean stored = row.isWrite() ? !was.equals(snapshot(row, own)) : Boolean.FALSE;
                sent.add(new Sent(corpus, spec, row, caller, call, reply, stored));
            }
        }
    }

    /** Who sends a case: the principal it names ({@code caller}: a wrong role, say), else one entitled to the endpoint. */
    private static Caller caller(JsonNode spec, Row row) {
        return spec.has("caller") ? Caller.valueOf(spec.get("caller").asString()) : entitled(row);
    }

    private static Caller entitled(Row row) {
        return ENTITLED.stream().filter(c -> row.succeeding().contains(c)).findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody may call " + row.endpoint()));
    }

    private String token(Caller caller) {
        return platform.token(caller.clientId(COUNTY, COUNTY));
    }

    /** The request a case describes: its endpoint's valid request, broken as the case says. */
    private Call build(JsonNode spec, Row row, Caller caller, Map<String, Object> vars) {
        String path = spec.has("path") ? expand(spec.get("path").asString(), vars, 'x') : Samples.fill(row.path(), vars);
        if (spec.has("query")) {
            path += (path.contains("?") ? "&" : "?") + spec.get("query").asString();
        }
        String method = spec.has("method") ? spec.get("method").asString() : row.method();
        Call call = Call.of(method, path).bearer(token(caller));

        byte[] body = null;
        if (spec.has("raw")) {
            body = expand(spec.get("raw").asString(), vars, 'x').getBytes(StandardCharsets.UTF_8);
        } else if (spec.has("rawBase64")) {
            body = Base64.getDecoder().decode(spec.get("rawBase64").asString());
        } else if (!row.body().equals("-") && !spec.has("method")) {
            ObjectNode json = samples.body(row.body(), vars);
            if (spec.has("set")) {
                spec.get("set").properties().forEach(e -> put(json, e.getKey(), Samples.fill(e.getValue(), vars)));
            }
            if (spec.has("remove")) {
                spec.get("remove").forEach(p -> remove(json, p.asString()));
            }
            if (spec.has("pad")) {
                spec.get("pad").properties().forEach(e -> put(json, e.getKey(),
                        JsonNodeFactory.instance.stringNode("x".repeat(e.getValue().asInt()))));
            }
            // raw JSON text in place of a value: what a JSON writer would not write (a lone surrogate, a key twice)
            Map<String, String> raw = new LinkedHashMap<>();
            if (spec.has("setRaw")) {
                spec.get("setRaw").properties().forEach(e -> {
                    String placeholder = "@@raw" + raw.size() + "@@";
                    raw.put("\"" + placeholder + "\"", expand(e.getValue().asString(), vars, 'x'));
                    put(json, e.getKey(), JsonNodeFactory.instance.stringNode(placeholder));
                });
            }
            if (spec.has("repeat")) {
                spec.get("repeat").properties().forEach(e -> {
                    ArrayNode array = (ArrayNode) json.at(e.getKey());
                    JsonNode first = array.get(0);
                    while (array.size() < e.getValue().asInt()) {
                        array.add(first.deepCopy());
                    }
                });
            }
            String text = JSON.writeValueAsString(json);
            for (Map.Entry<String, String> r : raw.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            body = text.getBytes(StandardCharsets.UTF_8);
            if (spec.has("padRaw")) {
                byte[] padded = new byte[body.length + spec.get("padRaw").asInt()];
                System.arraycopy(body, 0, padded, 0, body.length);
                java.util.Arrays.fill(padded, body.length, padded.length, (byte) ' ');
                body = padded;
            }
        }
        if (body != null) {
            call = call.body(body).header("Content-Type", "application/json");
        }
        if (spec.has("contentType")) {
            call = call.withoutHeader("Content-Type");
            if (!spec.get("contentType").isNull()) {
                call = call.header("Content-Type", spec.get("contentType").asString());
            }
        }
        if (spec.has("headers")) {
            for (var e : spec.get("headers").properties()) {
                call = call.withoutHeader(e.getKey()).header(e.getKey(), expand(e.getValue().asString(), vars, 'a'));
            }
        }
        if (spec.has("manyHeaders")) {
            for (int i = 0; i < spec.get("manyHeaders").asInt(); i++) {
                call = call.header("X-Extra-" + i, "v" + i);
            }
        }
        return call.chunked(spec.path("chunked").asBoolean(false));
    }

    private static String expand(String text, Map<String, Object> vars, char padding) {
        Matcher pad = PAD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (pad.find()) {
            pad.appendReplacement(out, String.valueOf(padding).repeat(Integer.parseInt(pad.group(1))));
        }
        pad.appendTail(out);
        Matcher nest = NEST.matcher(out.toString());
        out = new StringBuilder();
        while (nest.find()) {
            int depth = Integer.parseInt(nest.group(1));
            nest.appendReplacement(out, "[".repeat(depth) + "]".repeat(depth));
        }
        nest.appendTail(out);
        return Samples.fill(out.toString(), vars);
    }

    private static void put(ObjectNode root, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("no place " + pointer + " in " + root);
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        } else {
            throw new IllegalArgumentException("no place " + pointer + " in " + root);
        }
    }

    private Snapshot snapshot(Row row, Map<String, Object> vars) {
        String path = Samples.fill(row.state(), vars);
        String reader = row.service().equals("funding") ? "finance" : "plan-office";
        Reply reply = Call.of("GET", path).bearer(platform.token(reader)).send(platform.http(), platform.gateway());
        JsonNode body = reply.body().isEmpty() ? null : reply.json();
        if (body instanceof ObjectNode o) {
            o.remove("requestId");
            o.remove("traceId");
        }
        return new Snapshot(path, reply.status(), body);
    }

    /** The field a 400 must name: the case's {@code field}, else the last field the case changed. */
    static String expectedField(JsonNode spec) {
        if (spec.has("field")) {
            return spec.get("field").isString() ? spec.get("field").asString() : null;
        }
        for (String change : List.of("set", "setRaw", "remove", "pad")) {
            if (spec.has(change)) {
                String pointer = change.equals("remove") ? spec.get(change).get(0).asString()
                        : spec.get(change).propertyNames().iterator().next();
                String[] segments = pointer.split("/");
                for (int i = segments.length - 1; i > 0; i--) {
                    if (!segments[i].matches("\\d+")) {
                        return segments[i];
                    }
                }
            }
        }
        return null;
    }

    /** Why the answer is not a proper refusal, or null if it is. */
    static String problem(Sent s) {
        Reply r = s.reply();
        JsonNode spec = s.spec();
        if (Boolean.TRUE.equals(s.stored())) {
            return "it was stored (answered " + r.status() + ")";
        }
        if (r.status() < 0) {
            return "no answer";
        }
        if (r.status() >= 500) {
            return "a 5xx";
        }
        if (spec.has("expect") ? r.status() != spec.get("expect").asInt() : r.status() < 400 || r.status() > 499) {
            return "expected " + (spec.has("expect") ? spec.get("expect").asInt() : "a 4xx");
        }
        if (!r.isProblem()) {
            return "not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = r.json();
        } catch (RuntimeException e) {
            return "problem+json that is not JSON";
        }
        if (problem.path("status").asInt() != r.status()) {
            return "the problem's status is not the answer's";
        }
        String field = expectedField(spec);
        if (r.status() == 400 && field != null && !r.body().contains(field)) {
            return "the problem does not name the field " + field;
        }
        if (spec.path("requestIdNotEchoed").asBoolean(false)) {
            String given = s.call().headers().stream().filter(h -> h.getKey().equals("X-Request-Id"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            if (given.equals(r.header("X-Request-Id")) || r.body().contains(given)) {
                return "the malformed X-Request-Id was echoed";
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointsUnbrokenRequestIsAccepted() {
        return controls.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " as sampled is accepted",
                () -> assertThat(e.getValue().is2xx()).as("%s answered %s", e.getKey(), e.getValue()).isTrue()));
    }

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestIsRefusedWithA4xxProblem() {
        return corpora.stream().map(corpus -> DynamicContainer.dynamicContainer(corpus.inputClass() + " (" + corpus.file() + ")",
                sent.stream().filter(s -> s.corpus() == corpus).map(s -> DynamicTest.dynamicTest(
                        s.row().endpoint() + ": " + s.name(), () -> {
                            String problem = problem(s);
                            if (s.defect() != null) {
                                if (problem == null) {
                                    org.junit.jupiter.api.Assertions.fail("marked as a defect but refused properly — remove the mark: " + s.defect());
                                }
                                // a known defect, still there: reported as skipped, with what is wrong
                                Assumptions.abort("defect: " + s.defect() + " — " + problem + "; got " + s.reply());
                            }
                            assertThat(problem).as("%s\n  request: %s\n  answer:  %s", s.name(), s.call(), s.reply()).isNull();
                        }))));
    }

    @TestFactory
    Stream<DynamicTest> aMalformedCommandStoresNothing() {
        return before.keySet().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint + ": state unchanged by its malformed requests", () -> {
            Snapshot was = before.get(endpoint);
            Snapshot is = after.get(endpoint);
            assertThat(is.status()).as("GET %s", was.path()).isEqualTo(was.status());
            assertThat(is.body()).as("GET %s after the malformed requests", was.path()).isEqualTo(was.body());
        }));
    }

    @Test
    void aMalformedCommandSendsNoEvent() {
        assertThat(duringCorpus.stream().map(TopicWatch.Seen::subject)).as("the markers' events arrived").containsAll(markers);
        assertThat(duringCorpus.stream().filter(s -> !markers.contains(s.subject())).toList())
                .as("events published while only malformed requests (and the markers) were sent").isEmpty();
    }

    @AfterAll
    void printCountsByClass() {
        StringBuilder out = new StringBuilder("\n=== Bad-input corpus: ").append(sent.size()).append(" malformed requests, ")
                .append(sent.stream().filter(s -> problem(s) == null).count()).append(" refused properly (4xx problem+json), ")
                .append(sent.stream().filter(s -> s.reply().status() >= 500).count()).append(" 5xx, ")
                .append(sent.stream().filter(s -> s.defect() != null && problem(s) != null).count()).append(" known defects ===\n");
        out.append(String.format("%-38s %5s %7s %4s %8s  %s%n", "class of input", "cases", "refused", "5xx", "defects", "statuses"));
        for (Corpus corpus : corpora) {
            List<Sent> mine = sent.stream().filter(s -> s.corpus() == corpus).toList();
            Map<Integer, Long> statuses = mine.stream().collect(Collectors.groupingBy(s -> s.reply().status(), TreeMap::new, Collectors.counting()));
            out.append(String.format("%-38s %5d %7d %4d %8d  %s%n", corpus.inputClass(), mine.size(),
                    mine.stream().filter(s -> problem(s) == null).count(),
                    mine.stream().filter(s -> s.reply().status() >= 500).count(),
                    mine.stream().filter(s -> s.defect() != null && problem(s) != null).count(), statuses));
        }
        duringCorpus.stream().filter(s -> !markers.contains(s.subject()))
                .forEach(e -> out.append("  UNEXPECTED EVENT ").append(e).append('\n'));
        out.append("endpoints: ").append(controls.size()).append(", state unchanged on ")
                .append(before.keySet().stream().filter(k -> before.get(k).equals(after.get(k))).count()).append(" of ")
                .append(before.size()).append(" commands; events other than the markers: ")
                .append(duringCorpus.stream().filter(s -> !markers.contains(s.subject())).count()).append('\n');
        controls.forEach((endpoint, reply) -> {
            if (!reply.is2xx()) {
                out.append("  CONTROL REFUSED ").append(endpoint).append(": ").append(reply).append('\n');
            }
        });
        sent.stream().filter(s -> problem(s) != null).forEach(s -> out.append(s.defect() != null ? "  KNOWN DEFECT " : "  NOT REFUSED PROPERLY ")
                .append(s.corpus().inputClass()).append(" / ").append(s.row().endpoint()).append(": ").append(s.name())
                .append(" — ").append(problem(s)).append("\n    request: ").append(s.call()).append("\n    answer:  ")
                .append(s.reply()).append('\n'));
        out.append("every case (status, problem type, class / endpoint: case):\n");
        sent.forEach(s -> out.append(String.format("  %3d %-28s %s / %s: %s%n", s.reply().status(),
                s.reply().isProblem() ? s.reply().json().path("type").asString().replace("urn:cn.chenzhou.plan:problem:", "") : "-",
                s.corpus().inputClass(), s.row().endpoint(), s.name())));
        System.out.println(out);
    }
}
