package cn.chenzhou.plan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad input, on every endpoint: a 400 problem+json naming the field and the reason; nothing stored, no event.
 * One probe watches the whole class; it must have seen nothing by the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationTest extends RegistryApiTest {
    private static final String FUTURE = today().plusDays(2).toString();
    private static final String GOOD_CODE = TestData.creditCode("431023");
    private static final String BAD_CODE = TestData.withWrongCheckCharacter(GOOD_CODE);

    private final Map<String, String> ids = new java.util.HashMap<>();
    private EventProbe probe;

    @BeforeAll
    void registrationsToActOnAndAProbe() {
        String code = TestData.creditCode(YONGXING);
        ids.put("{platform}", created("/api/registry/platforms", """
                {"county":"431023","name":"验证用平台","type":"KEY_LABORATORY","level":"MUNICIPAL",
                 "host":{"name":"验证用单位","creditCode":"%s"},"registeredOn":"2012-06-15"}""".formatted(code)));
        ids.put("{designation}", created("/api/registry/designations", """
                {"county":"431023","kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL",
                 "holder":{"name":"验证用企业","creditCode":"%s"},"appliedOn":"2012-07-01"}""".formatted(code)));
        ids.put("{alliance}", created("/api/registry/alliances", """
                {"county":"431023","name":"验证用联盟%d","field":"f","formedOn":"2012-09-18",
                 "members":[{"organisation":{"name":"甲"}}]}""".formatted(System.nanoTime())));
        ids.put("{enterprise}", created("/api/registry/enterprises", """
                {"county":"431023","name":"验证用企业","creditCode":"%s","larger":true,"registeredOn":"2012-05-01"}""".formatted(code)));
        http().post("/api/registry/enterprises/" + ids.get("{enterprise}") + "/rd-institutions", TestTokens.admin(), """
                {"name":"中心","kind":"RD_CENTRE","establishedOn":"2012-08-01"}""");
        ids.put("{assessment}", created("/api/registry/assessments", """
                {"county":"431023","year":2012,"result":"PASSED","documentNo":"d","effectiveOn":"2013-03-01"}"""));
        probe = probe();
    }

    private String created(String path, String body) {
        Http.Response response = http().post(path, TestTokens.admin(), body);
        if (response.status() == 409) {
            return response.json().get("existingId").asString();
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    @AfterAll
    void nothingWasPublished() {
        try {
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        } finally {
            probe.close();
        }
    }

    static Stream<Arguments> badRequests() {
        String platform = """
                {"county":"431023","name":"n","type":"KEY_LABORATORY","level":"MUNICIPAL",
                 "host":{"name":"h","creditCode":"%s"},"registeredOn":"2012-06-15"}""".formatted(GOOD_CODE);
        String designation = """
                {"county":"431023","kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL",
                 "holder":{"name":"h","creditCode":"%s"},"appliedOn":"2012-07-01"}""".formatted(GOOD_CODE);
        String alliance = """
                {"county":"431023","name":"n","field":"f","formedOn":"2012-09-18","members":[{"organisation":{"name":"甲"}}]}""";
        String enterprise = """
                {"county":"431023","name":"n","creditCode":"%s","larger":true,"registeredOn":"2012-05-01"}""".formatted(GOOD_CODE);
        String assessment = """
                {"county":"431023","year":2011,"result":"PASSED","documentNo":"d","effectiveOn":"2012-03-01"}""";
        List<Arguments> cases = new ArrayList<>(List.of(
                post("platform: missing county", "/api/registry/platforms", platform.replace("\"county\":\"431023\",", ""), "county"),
                post("platform: unknown county", "/api/registry/platforms", platform.replace("431023", "431099"), "county"),
                post("platform: the city is no county", "/api/registry/platforms", platform.replace("431023", "431000"), "county"),
                post("platform: county as a number", "/api/registry/platforms", platform.replace("\"431023\"", "431023"), "county"),
                post("platform: blank name", "/api/registry/platforms", platform.replace("\"name\":\"n\"", "\"name\":\"  \""), "name"),
                post("platform: oversize name", "/api/registry/platforms", platform.replace("\"name\":\"n\"", "\"name\":\"" + "名".repeat(201) + "\""), "name"),
                post("platform: operator injection as the name", "/api/registry/platforms", platform.replace("\"name\":\"n\"", "\"name\":{\"$gt\":\"\"}"), "name"),
                post("platform: malformed type code", "/api/registry/platforms", platform.replace("KEY_LABORATORY", "key lab"), "type"),
                post("platform: unknown type", "/api/registry/platforms", platform.replace("KEY_LABORATORY", "TIME_MACHINE"), "type"),
                post("platform: unknown level", "/api/registry/platforms", platform.replace("MUNICIPAL", "REGIONAL"), "level"),
                post("platform: missing host", "/api/registry/platforms", platform.replaceAll("\"host\":\\{[^}]*},", ""), "host"),
                post("platform: wrong check character", "/api/registry/platforms", platform.replace(GOOD_CODE, BAD_CODE), "host.creditCode"),
                post("platform: host without credit code", "/api/registry/platforms", platform.replace(",\"creditCode\":\"" + GOOD_CODE + "\"", ""), "host.creditCode"),
                post("platform: not an ISO date", "/api/registry/platforms", platform.replace("2012-06-15", "2012-6-15"), "registeredOn"),
                post("platform: registered in the future", "/api/registry/platforms", platform.replace("2012-06-15", FUTURE), "registeredOn"),
                post("platform: implausibly early", "/api/registry/platforms", platform.replace("2012-06-15", "1900-01-01"), "registeredOn"),
                post("platform: unknown field", "/api/registry/platforms", platform.replace("{\"county\"", "{\"status\":\"ACCREDITED\",\"county\""), "status"),
                post("platform: operator as a field name", "/api/registry/platforms", platform.replace("{\"county\"", "{\"$where\":\"1\",\"county\""), "$where"),
                post("platform: malformed JSON", "/api/registry/platforms", "{\"county\":", "body"),
                post("platform: empty body", "/api/registry/platforms", "", "body"),
                post("platform: array instead of object", "/api/registry/platforms", "[1]", "body"),
                post("accreditation: missing level", "/api/registry/platforms/{platform}/accreditation",
                        "{\"accreditingBody\":\"b\",\"documentNo\":\"d\",\"accreditedOn\":\"2013-01-01\"}", "level"),
                post("accreditation: blank accrediting body", "/api/registry/platforms/{platform}/accreditation",
                        "{\"level\":\"MUNICIPAL\",\"accreditingBody\":\"\",\"documentNo\":\"d\",\"accreditedOn\":\"2013-01-01\"}", "accreditingBody"),
                post("accreditation: in the future", "/api/registry/platforms/{platform}/accreditation",
                        "{\"level\":\"MUNICIPAL\",\"accreditingBody\":\"b\",\"documentNo\":\"d\",\"accreditedOn\":\"" + FUTURE + "\"}", "accreditedOn"),
                post("accreditation: before the registration", "/api/registry/platforms/{platform}/accreditation",
                        "{\"level\":\"MUNICIPAL\",\"accreditingBody\":\"b\",\"documentNo\":\"d\",\"accreditedOn\":\"2012-06-14\"}", "accreditedOn"),
                post("revocation: blank reason", "/api/registry/platforms/{platform}/revocation",
                        "{\"reason\":\" \",\"revokedOn\":\"2013-01-01\"}", "reason"),
                post("revocation: missing date", "/api/registry/platforms/{platform}/revocation", "{\"reason\":\"r\"}", "revokedOn"),
                post("designation: unknown kind", "/api/registry/designations", designation.replace("HIGH_TECH_ENTERPRISE", "PARK"), "kind"),
                post("designation: blank holder name", "/api/registry/designations", designation.replace("\"name\":\"h\"", "\"name\":\"\""), "holder.name"),
                post("designation: wrong holder credit code", "/api/registry/designations", designation.replace(GOOD_CODE, BAD_CODE), "holder.creditCode"),
                post("designation: high-tech enterprise without credit code", "/api/registry/designations",
                        designation.replace(",\"creditCode\":\"" + GOOD_CODE + "\"", ""), "holder.creditCode"),
                post("designation: applied in the future", "/api/registry/designations", designation.replace("2012-07-01", FUTURE), "appliedOn"),
                post("designation: grant without a date", "/api/registry/designations",
                        designation.replace("\"appliedOn\"", "\"grant\":{\"documentNo\":\"d\"},\"appliedOn\""), "grant.grantedOn"),
                post("grant: before the application", "/api/registry/designations/{designation}/grant",
                        "{\"documentNo\":\"d\",\"grantedOn\":\"2012-06-30\"}", "grantedOn"),
                post("grant: missing document", "/api/registry/designations/{designation}/grant", "{\"grantedOn\":\"2012-08-01\"}", "documentNo"),
                post("alliance: no founding member", "/api/registry/alliances", alliance.replace("[{\"organisation\":{\"name\":\"甲\"}}]", "[]"), "members"),
                post("alliance: a member without a name", "/api/registry/alliances", alliance.replace("\"name\":\"甲\"", "\"name\":\"\""), "members[0].organisation.name"),
                post("alliance: a member from an unknown county", "/api/registry/alliances",
                        alliance.replace("{\"name\":\"甲\"}}", "{\"name\":\"甲\"},\"county\":\"110101\"}"), "members[0].county"),
                post("alliance: formed in the future", "/api/registry/alliances", alliance.replace("2012-09-18", FUTURE), "formedOn"),
                post("join: missing date", "/api/registry/alliances/{alliance}/members", "{\"organisation\":{\"name\":\"乙\"}}", "joinedOn"),
                post("join: before the formation", "/api/registry/alliances/{alliance}/members",
                        "{\"organisation\":{\"name\":\"乙\"},\"joinedOn\":\"2012-09-17\"}", "joinedOn"),
                post("enterprise: wrong credit code", "/api/registry/enterprises", enterprise.replace(GOOD_CODE, BAD_CODE), "creditCode"),
                post("enterprise: short credit code", "/api/registry/enterprises", enterprise.replace(GOOD_CODE, "91431023"), "creditCode"),
                post("enterprise: larger as a string", "/api/registry/enterprises", enterprise.replace("true", "\"yes\""), "larger"),
                post("enterprise: larger as a number", "/api/registry/enterprises", enterprise.replace("true", "1"), "larger"),
                post("enterprise: missing larger", "/api/registry/enterprises", enterprise.replace("\"larger\":true,", ""), "larger"),
                post("institution: unknown kind", "/api/registry/enterprises/{enterprise}/rd-institutions",
                        "{\"name\":\"n\",\"kind\":\"LAB\",\"establishedOn\":\"2013-01-01\"}", "kind"),
                post("closure: before the establishment", "/api/registry/enterprises/{enterprise}/rd-institutions/closure",
                        "{\"reason\":\"r\",\"closedOn\":\"2012-07-31\"}", "closedOn"),
                post("reclassification: in the future", "/api/registry/enterprises/{enterprise}/reclassification",
                        "{\"larger\":false,\"effectiveOn\":\"" + FUTURE + "\"}", "effectiveOn"),
                post("assessment: year as a string", "/api/registry/assessments", assessment.replace("2011", "\"2011\""), "year"),
                post("assessment: year as a fraction", "/api/registry/assessments", assessment.replace("2011", "2011.5"), "year"),
                post("assessment: year too early", "/api/registry/assessments", assessment.replace("2011", "1989"), "year"),
                post("assessment: unknown result", "/api/registry/assessments", assessment.replace("PASSED", "GOOD"), "result"),
                post("assessment: effective before the year", "/api/registry/assessments", assessment.replace("2012-03-01", "2010-12-31"), "effectiveOn"),
                post("assessment: effective in the future", "/api/registry/assessments", assessment.replace("2012-03-01", FUTURE), "effectiveOn"),
                post("revision: the first revision is the record", "/api/registry/assessments/{assessment}/revisions",
                        "{\"revision\":1,\"result\":\"ADVANCED\",\"documentNo\":\"d\",\"effectiveOn\":\"2013-04-01\",\"reason\":\"r\"}", "revision"),
                post("revision: missing reason", "/api/registry/assessments/{assessment}/revisions",
                        "{\"revision\":2,\"result\":\"ADVANCED\",\"documentNo\":\"d\",\"effectiveOn\":\"2013-04-01\"}", "reason"),
                post("platform type: lower-case code", "/api/registry/platform-types",
                        "{\"code\":\"lab\",\"name\":\"实验室\",\"englishName\":\"lab\"}", "code"),
                get("list: page size zero", "/api/registry/platforms?size=0", "size"),
                get("list: page size too large", "/api/registry/designations?size=201", "size"),
                get("list: negative page", "/api/registry/alliances?page=-1", "page"),
                get("list: unknown county", "/api/registry/enterprises?county=110101", "county"),
                get("list: unknown level", "/api/registry/platforms?level=REGIONAL", "level"),
                get("list: unknown status", "/api/registry/designations?status=PENDING", "status"),
                get("list: year not a number", "/api/registry/assessments?year=abc", "year"),
                get("list: operator injection as a type", "/api/registry/platforms?type=%7B%22%24gt%22%3A%22%22%7D", "type"),
                get("list: malformed credit code", "/api/registry/enterprises?creditCode=123", "creditCode")));
        return cases.stream();
    }

    private static Arguments post(String name, String path, String body, String field) {
        return Arguments.of(name, path, body, field);
    }

    private static Arguments get(String name, String path, String field) {
        return Arguments.of(name, path, null, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsABadRequestNamingTheFieldAndChangesNothing(String what, String pathTemplate, String body, String field) {
        String path = pathTemplate;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        long before = storedState();

        Http.Response response = body == null ? http().get(path, TestTokens.admin()) : http().post(path, TestTokens.admin(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:invalid-input");
        assertThat(problem.get("errors").get(0).get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("reason").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).startsWith(field);
        assertThat(storedState()).as("nothing stored").isEqualTo(before);
    }

    /** Changes whenever anything is stored: every document's revision, summed with the number of documents. */
    private long storedState() {
        long state = mongo.getCollection("platform_types").countDocuments();
        for (String collection : COLLECTIONS) {
            for (Document d : mongo.getCollection(collection).find()) {
                state += 1 + ((Number) d.get("_version")).longValue();
            }
        }
        return state;
    }
}
