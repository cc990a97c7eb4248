package cn.chenzhou.plan.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.projects.ProjectServiceTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad input, on creation and on every kind of command: a 400 problem+json naming the field, nothing stored,
 * no event. The probe watches the topic for the whole class and must see nothing at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectValidationTest extends ProjectServiceTest {
    private static final String TOMORROW = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    private EventProbe probe;
    private String submitted;
    private String passed;
    private String reviewed;

    @BeforeAll
    void projectsAwaitReviewAndDecisionAndTheTopicIsWatched() {
        submitted = draft(YONGXING);
        ok(act(submitted, "submit", county(YONGXING), SUBMIT));
        passed = draft(YONGXING);
        ok(act(passed, "submit", county(YONGXING), SUBMIT));
        ok(act(passed, "formal-review", admin(), PASS));
        reviewed = expertReviewedProject(YONGXING);
        awaitOutboxDrained();
        probe = new EventProbe(Topics.PROJECTS);
    }

    @AfterAll
    void noEventWasPublished() {
        assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        probe.close();
    }

    private static String with(String field, String json) {
        String body = draftBody(YONGXING);
        return body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\})", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + json));
    }

    private static String without(String field) {
        return draftBody(YONGXING).replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}),?", "")
                .replace(",}", "}");
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                Arguments.of("unknown county", with("county", "\"431099\""), "county"),
                Arguments.of("the city is not a county", with("county", "\"431000\""), "county"),
                Arguments.of("negative amount", with("requestedAmount", "-5"), "requestedAmount"),
                Arguments.of("zero amount", with("requestedAmount", "\"0.00\""), "requestedAmount"),
                Arguments.of("three decimals", with("requestedAmount", "\"1.005\""), "requestedAmount"),
                Arguments.of("three decimals as a number", with("requestedAmount", "1.005"), "requestedAmount"),
                Arguments.of("overflowing amount", with("requestedAmount", "1e30"), "requestedAmount"),
                Arguments.of("amount as a boolean", with("requestedAmount", "true"), "requestedAmount"),
                Arguments.of("missing county", without("county"), "county"),
                Arguments.of("missing title", without("title"), "title"),
                Arguments.of("missing applicant", without("applicant"), "applicant"),
                Arguments.of("missing credit code", with("applicant", "{\"name\":\"永兴县稀贵金属再生利用有限公司\"}"), "applicant.creditCode"),
                Arguments.of("missing period", without("period"), "period"),
                Arguments.of("missing contact", without("contact"), "contact"),
                Arguments.of("missing draft date", without("draftedOn"), "draftedOn"),
                Arguments.of("blank title", with("title", "\"  \""), "title"),
                Arguments.of("oversize title", with("title", "\"" + "长".repeat(201) + "\""), "title"),
                Arguments.of("number for a title", with("title", "123"), "title"),
                Arguments.of("unknown level", with("level", "\"LOCAL\""), "level"),
                Arguments.of("level as a number", with("level", "1"), "level"),
                Arguments.of("date in another format", with("draftedOn", "\"15/06/2012\""), "draftedOn"),
                Arguments.of("period as a string", with("period", "\"2012-2014\""), "period"),
                Arguments.of("unknown field", draftBody(YONGXING).replace("{\"county\"", "{\"budget\":1,\"county\""), "budget"),
                Arguments.of("operator injection in the title", with("title", "{\"$gt\":\"\"}"), "title"),
                Arguments.of("operator injection in the county", with("county", "{\"$gt\":\"\"}"), "county"),
                Arguments.of("operator injection in the programme", with("programme", "{\"$ne\":null}"), "programme"),
                Arguments.of("operator as a field name", draftBody(YONGXING).replace("{\"county\"", "{\"$where\":\"1\",\"county\""), "$where"),
                Arguments.of("programme not in the catalogue", with("programme", "\"MOON_SHOT\""), "programme"),
                Arguments.of("programme not a code", with("programme", "\"星火计划\""), "programme"),
                Arguments.of("credit code with a wrong check character",
                        with("applicant", "{\"name\":\"x\",\"creditCode\":\"91431023MA4L5EAY5J\"}"), "applicant.creditCode"),
                Arguments.of("draft date in the future", with("draftedOn", "\"" + TOMORROW + "\""), "draftedOn"),
                Arguments.of("period ending before it starts", with("period", "{\"start\":\"2013-01-01\",\"end\":\"2012-12-31\"}"), "period.end"),
                Arguments.of("phone number that is none", with("contact", "{\"name\":\"李明\",\"phone\":\"call me\"}"), "contact.phone"),
                Arguments.of("malformed JSON", "{\"county\":\"431023\",", "body"),
                Arguments.of("array instead of object", "[1,2]", "body"),
                // text that would change how it is shown where it ends up: the chassis's rule, one for every service
                Arguments.of("a NUL in the title", with("title", "\"稀贵\\u0000金属\""), "title"),
                Arguments.of("a line break in the title", with("title", "\"稀贵金属\\r\\n回收\""), "title"),
                Arguments.of("a terminal escape in the title", with("title", "\"\\u001b[2J\\u001b[31m稀贵金属\""), "title"),
                Arguments.of("a right-to-left override in the title", with("title", "\"\\u202e属金贵稀\""), "title"),
                Arguments.of("a title of invisible characters only", with("title", "\"\\u3164\\u2800\\u3000\""), "title"),
                Arguments.of("a zero-width title", with("title", "\"\\u200b\\u200b\""), "title"),
                Arguments.of("a lone surrogate in the title", with("title", "\"稀贵\\ud800金属\""), "title"),
                Arguments.of("a bidi override in the applicant's name",
                        with("applicant", "{\"name\":\"\\u202e永兴\",\"creditCode\":\"" + CREDIT_CODE + "\"}"), "applicant.name"),
                Arguments.of("the year 0", with("draftedOn", "\"0000-01-01\""), "draftedOn"),
                Arguments.of("the year -999999999", with("draftedOn", "\"-999999999-01-01\""), "draftedOn"),
                Arguments.of("a period from before 2000", with("period", "{\"start\":\"1999-12-31\",\"end\":\"2014-06-30\"}"), "period.start"),
                Arguments.of("a period beyond 2099", with("period", "{\"start\":\"2013-01-01\",\"end\":\"+10000-01-01\"}"), "period.end"),
                Arguments.of("the title twice", draftBody(YONGXING).replace("{\"county\"", "{\"title\":\"另一个\",\"county\""), "title"),
                Arguments.of("the applicant's name twice",
                        with("applicant", "{\"name\":\"甲\",\"name\":\"乙\",\"creditCode\":\"" + CREDIT_CODE + "\"}"), "applicant.name"),
                Arguments.of("an applicant of another county (its credit code's division)",
                        with("applicant", "{\"name\":\"资兴市某公司\",\"creditCode\":\"" + creditCode(ZIXING) + "\"}"), "applicant.creditCode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void aBadDraftIsA400NamingTheFieldAndStoresNothing(String what, String body, String field) {
        long before = mongo.getCollection("projects").countDocuments();

        Http.Response response = http().post("/api/projects", county(YONGXING), body);

        assertProblemNaming(response, field);
        assertThat(mongo.getCollection("projects").countDocuments()).isEqualTo(before);
    }

    /** The role is checked before the body is read: a caller without it is told 403, whatever it sent. */
    @Test
    void aWrongRoleCommandIsRefusedBeforeItsBodyIsRead() {
        for (String body : List.of("{\"county\":", "{\"county\":\"431099\",\"x\":1}", with("title", "\"\\u202e\""), "")) {
            Http.Response draftedByThePlanOffice = http().post("/api/projects", admin(), body);
            Http.Response approvedByACounty = http().post("/api/projects/" + reviewed + "/approve", county(YONGXING), body);
            for (Http.Response refused : List.of(draftedByThePlanOffice, approvedByACounty)) {
                assertThat(refused.status()).as(body + " → " + refused).isEqualTo(403);
                assertThat(refused.json().get("type").asString()).endsWith(":forbidden");
            }
        }
        assertThat(version(reviewed)).isEqualTo(4);
    }

    static Stream<Arguments> badCommands() {
        return Stream.of(
                Arguments.of("approve", "negative amount", "\"approvedAmount\":-1,\"taskContractNo\":\"C-1\",\"approvedOn\":\"2012-08-01\"", "approvedAmount"),
                Arguments.of("approve", "three decimals", "\"approvedAmount\":\"1.001\",\"taskContractNo\":\"C-1\",\"approvedOn\":\"2012-08-01\"", "approvedAmount"),
                Arguments.of("approve", "more than requested", "\"approvedAmount\":\"600000\",\"taskContractNo\":\"C-1\",\"approvedOn\":\"2012-08-01\"", "approvedAmount"),
                Arguments.of("approve", "missing contract number", "\"approvedAmount\":\"1\",\"approvedOn\":\"2012-08-01\"", "taskContractNo"),
                Arguments.of("approve", "operator injection", "\"approvedAmount\":\"1\",\"taskContractNo\":{\"$gt\":\"\"},\"approvedOn\":\"2012-08-01\"", "taskContractNo"),
                Arguments.of("approve", "unknown field", "\"approvedAmount\":\"1\",\"taskContractNo\":\"C-1\",\"approvedOn\":\"2012-08-01\",\"status\":\"APPROVED\"", "status"),
                Arguments.of("approve", "date in the future", "\"approvedAmount\":\"1\",\"taskContractNo\":\"C-1\",\"approvedOn\":\"" + TOMORROW + "\"", "approvedOn"),
                Arguments.of("approve", "date before the expert review", "\"approvedAmount\":\"1\",\"taskContractNo\":\"C-1\",\"approvedOn\":\"2012-07-09\"", "approvedOn"),
                Arguments.of("reject", "blank reason", "\"reason\":\" \",\"rejectedOn\":\"2012-08-01\"", "reason"),
                Arguments.of("reject", "an escape sequence in the reason", "\"reason\":\"\\u001b[1m不予立项\",\"rejectedOn\":\"2012-08-01\"", "reason"),
                Arguments.of("approve", "a line break in the contract number", "\"approvedAmount\":\"1\",\"taskContractNo\":\"C-1\\nC-2\",\"approvedOn\":\"2012-08-01\"", "taskContractNo"),
                Arguments.of("reject", "reason as a number", "\"reason\":42,\"rejectedOn\":\"2012-08-01\"", "reason"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badCommands")
    void aBadCommandIsA400NamingTheFieldAndChangesNothing(String step, String what, String fields, String field) {
        Http.Response response = act(reviewed, step, admin(), fields);

        assertProblemNaming(response, field);
        assertThat(version(reviewed)).isEqualTo(4);
    }

    static Stream<Arguments> badVersions() {
        return Stream.of(
                Arguments.of("missing version", "{\"reason\":\"x\",\"rejectedOn\":\"2012-08-01\"}", "version"),
                Arguments.of("version as a string", "{\"version\":\"4\",\"reason\":\"x\",\"rejectedOn\":\"2012-08-01\"}", "version"),
                Arguments.of("version zero", "{\"version\":0,\"reason\":\"x\",\"rejectedOn\":\"2012-08-01\"}", "version"),
                Arguments.of("version with a fraction", "{\"version\":4.5,\"reason\":\"x\",\"rejectedOn\":\"2012-08-01\"}", "version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badVersions")
    void aCommandWithoutAProperVersionIsRefused(String what, String body, String field) {
        assertProblemNaming(http().post("/api/projects/" + reviewed + "/reject", admin(), body), field);
        assertThat(version(reviewed)).isEqualTo(4);
    }

    static Stream<Arguments> badExpertReviews() {
        String two = "{\"expert\":\"甲\",\"score\":80,\"opinion\":\"好\"},{\"expert\":\"乙\",\"score\":80,\"opinion\":\"好\"}";
        return Stream.of(
                Arguments.of("two experts only", "\"reviews\":[" + two + "],\"reviewedOn\":\"2012-07-10\"", "reviews"),
                Arguments.of("score above 100", "\"reviews\":[" + two + ",{\"expert\":\"丙\",\"score\":101,\"opinion\":\"好\"}],\"reviewedOn\":\"2012-07-10\"", "reviews[2].score"),
                Arguments.of("score with two decimals", "\"reviews\":[" + two + ",{\"expert\":\"丙\",\"score\":80.25,\"opinion\":\"好\"}],\"reviewedOn\":\"2012-07-10\"", "reviews[2].score"),
                Arguments.of("missing opinion", "\"reviews\":[" + two + ",{\"expert\":\"丙\",\"score\":80}],\"reviewedOn\":\"2012-07-10\"", "reviews[2].opinion"),
                Arguments.of("the same expert twice", "\"reviews\":[" + two + ",{\"expert\":\"甲\",\"score\":70,\"opinion\":\"好\"}],\"reviewedOn\":\"2012-07-10\"", "reviews[2].expert"),
                Arguments.of("formal review returned without a reason", "\"outcome\":\"RETURNED\",\"reviewedOn\":\"2012-06-20\"", "reason"),
                Arguments.of("formal review with an unknown outcome", "\"outcome\":\"MAYBE\",\"reviewedOn\":\"2012-06-20\"", "outcome"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExpertReviews")
    void aBadReviewIsRefusedNamingTheField(String what, String fields, String field) {
        boolean formal = fields.contains("outcome");
        String id = formal ? submitted : passed;
        long version = version(id);

        assertProblemNaming(act(id, formal ? "formal-review" : "expert-review", admin(), fields), field);
        assertThat(version(id)).isEqualTo(version);
    }

    static Stream<Arguments> badListParameters() {
        return Stream.of(
                Arguments.of("?county=431099", "county"),
                Arguments.of("?status=FINISHED", "status"),
                Arguments.of("?level=LOCAL", "level"),
                Arguments.of("?year=twenty", "year"),
                Arguments.of("?year=1999", "year"),
                Arguments.of("?programme=%7B%22$gt%22:%22%22%7D", "programme"),
                Arguments.of("?size=201", "size"),
                Arguments.of("?page=-1", "page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListParameters")
    void aBadListFilterIsA400NamingTheParameter(String query, String field) {
        assertProblemNaming(http().get("/api/projects" + query, admin()), field);
    }

    private static void assertProblemNaming(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:invalid-input");
        assertThat(problem.get("errors").get(0).get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).startsWith(field);
    }
}
