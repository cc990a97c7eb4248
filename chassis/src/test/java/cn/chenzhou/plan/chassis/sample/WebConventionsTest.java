package cn.chenzhou.plan.chassis.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every service answers to bad input and bad tokens: problem+json naming the field, nothing stored, no event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=widget-service")
class WebConventionsTest {
    private static EventProbe probe;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chassis_web_test");
        TestInfrastructure.createTopics(WidgetApplication.TOPIC, cn.chenzhou.plan.contracts.Topics.deadLetterOf(WidgetApplication.TOPIC));
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void watch() {
        probe = new EventProbe(WidgetApplication.TOPIC);
    }

    @AfterAll
    static void nothingWasPublished() {
        assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        probe.close();
    }

    static Stream<Arguments> badBodies() {
        String ok = "\"id\":\"w1\",\"county\":\"431023\",\"name\":\"n\"";
        return Stream.of(
                Arguments.of("unknown field", "{" + ok + ",\"price\":1,\"colour\":\"red\"}", "colour"),
                Arguments.of("operator injection in a string field", "{\"id\":{\"$gt\":\"\"},\"county\":\"431023\",\"name\":\"n\",\"price\":1}", "id"),
                Arguments.of("operator as a field name", "{" + ok + ",\"price\":1,\"$where\":\"1\"}", "$where"),
                Arguments.of("number for a string", "{\"id\":123,\"county\":\"431023\",\"name\":\"n\",\"price\":1}", "id"),
                Arguments.of("boolean for an amount", "{" + ok + ",\"price\":true}", "price"),
                Arguments.of("three decimals", "{" + ok + ",\"price\":\"1.005\"}", "price"),
                Arguments.of("three decimals as a number", "{" + ok + ",\"price\":1.005}", "price"),
                Arguments.of("overflowing amount", "{" + ok + ",\"price\":1e30}", "price"),
                Arguments.of("huge digits", "{" + ok + ",\"price\":\"99999999999999999999\"}", "price"),
                Arguments.of("negative amount", "{" + ok + ",\"price\":-5}", "price"),
                Arguments.of("zero amount", "{" + ok + ",\"price\":0}", "price"),
                Arguments.of("missing amount", "{" + ok + "}", "price"),
                Arguments.of("unknown county", "{\"id\":\"w1\",\"county\":\"431099\",\"name\":\"n\",\"price\":1}", "county"),
                Arguments.of("blank name", "{\"id\":\"w1\",\"county\":\"431023\",\"name\":\" \",\"price\":1}", "name"),
                Arguments.of("malformed JSON", "{\"id\":\"w1\",", "body"),
                Arguments.of("trailing garbage", "{" + ok + ",\"price\":1} x", "body"),
                Arguments.of("array instead of object", "[1,2]", "body"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsABadRequestNamingTheFieldAndStoresNothing(String what, String body, String field) {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:invalid-input");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).startsWith(field);
        assertThat(problem.get("requestId")).isNotNull();
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"id\":\"w1\",\"county\":\"431023\",\"price\":1,\"name\":\"" + "x".repeat(70_000) + "\"}";
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(), huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWrongMediaTypeIsRefused() {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets", TestTokens.admin())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Each made when it is sent: a token that expired 30 s ago must not have aged while the service started. */
    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("no token", (Supplier<String>) () -> null),
                Arguments.of("expired", (Supplier<String>) TestTokens::expired),
                Arguments.of("expired 30 s ago", (Supplier<String>) () -> TestTokens.expiredAgo(Duration.ofSeconds(30))),
                Arguments.of("signed by another key", (Supplier<String>) TestTokens::signedByAnotherKey),
                Arguments.of("alg none", (Supplier<String>) TestTokens::unsigned),
                Arguments.of("garbage", (Supplier<String>) () -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void withoutAValidTokenTheAnswerIs401ProblemJson(String what, Supplier<String> token) {
        Http.Response response = Http.local(port).post("/widgets", token.get(),
                "{\"id\":\"w1\",\"county\":\"431023\",\"name\":\"n\",\"price\":1}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    @Test
    void aViewerMayNotWrite() {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.viewer(),
                "{\"id\":\"w1\",\"county\":\"431023\",\"name\":\"n\",\"price\":1}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).endsWith(":forbidden");
    }

    static Stream<Arguments> bodiesAViewerMightSend() {
        return Stream.of(
                Arguments.of("a valid body", "{\"id\":\"w1\",\"county\":\"431023\",\"name\":\"n\",\"price\":1}"),
                Arguments.of("fields that break their rules", "{\"id\":\"\",\"county\":\"999999\",\"name\":\"n\",\"price\":-1}"),
                Arguments.of("an unknown field", "{\"id\":\"w1\",\"county\":\"431023\",\"name\":\"n\",\"price\":1,\"x\":1}"),
                Arguments.of("malformed JSON", "{\"id\":"),
                Arguments.of("no body at all", ""));
    }

    /** The role is checked before the body is read: the answer tells a caller without the role nothing about its input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesAViewerMightSend")
    void aWrongRoleCommandIsRefused403WhateverItsBody(String what, String body) {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.viewer(), body);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith(":forbidden");
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    static Stream<Arguments> notADate() {
        return Stream.of(
                Arguments.of("a local date-time", "\"2013-06-01T08:00:00\""),
                Arguments.of("an instant", "\"2013-06-01T00:00:00Z\""),
                Arguments.of("a date-time with an offset", "\"2013-06-01T00:00:00+08:00\""),
                Arguments.of("a date with an offset", "\"2013-06-01+08:00\""),
                Arguments.of("epoch days", "15857"),
                Arguments.of("digits only", "\"20130601\""),
                Arguments.of("no leading zeros", "\"2013-6-1\""),
                Arguments.of("the 30th of February", "\"2013-02-30\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notADate")
    void aDateIsYearMonthDayAndNothingElse(String what, String madeOn) {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(),
                "{\"id\":\"w-dated\",\"county\":\"431023\",\"name\":\"n\",\"price\":1,\"madeOn\":" + madeOn + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("madeOn");
        assertThat(response.json().get("detail").asString()).contains("yyyy-MM-dd");
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    @Test
    void aDateIsReadAsWritten() {
        assertThat(json.readValue("\"2013-06-01\"", LocalDate.class)).isEqualTo(LocalDate.of(2013, 6, 1));
        assertThat(json.writeValueAsString(LocalDate.of(2013, 6, 1))).isEqualTo("\"2013-06-01\"");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"iso, 2013-06-01T08:00:00", "iso, 2013-06-01+08:00", "iso, 2013-06-01Z", "plain, 6/1/13",
            "plain, 2013-06-01T00:00:00Z", "plain, 20130601"})
    void aDateParameterIsYearMonthDayAndNothingElse(String parameter, String value) {
        Http.Response response = Http.local(port).get("/widgets/dates?" + parameter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8), TestTokens.viewer());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }

    @Test
    void dateParametersAreReadAsWritten() {
        Http.Response response = Http.local(port).get("/widgets/dates?iso=2013-06-01&plain=2014-12-31", TestTokens.viewer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("iso").asString()).isEqualTo("2013-06-01");
        assertThat(response.json().get("plain").asString()).isEqualTo("2014-12-31");
    }

    @ParameterizedTest(name = "Accept: {0} on {1}")
    @org.junit.jupiter.params.provider.CsvSource({"application/xml,/widgets", "text/plain,/widgets", "text/csv,/widgets",
            "text/html,/widgets", "application/xml,/widgets/answered", "text/html,/widgets/answered"})
    void aCommandWhoseAnswerTheClientWouldNotAcceptIsRefusedBeforeAnythingIsDone(String accept, String path) {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder(path, TestTokens.admin())
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"w-accept\",\"county\":\"431023\",\"name\":\"n\",\"price\":1}")));

        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith(":not-acceptable");
        assertThat(response.json().get("detail").asString()).contains("application/json");
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"*/*", "application/*", "application/json", "application/json, application/problem+json",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml, application/json"})
    void anAnswerTheClientAcceptsIsGiven(String accept) {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets/dates?iso=2013-06-01", TestTokens.viewer())
                .header("Accept", accept).GET());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("iso").asString()).isEqualTo("2013-06-01");
    }

    @Test
    void withoutAcceptAnyAnswerWillDo() {
        Http.Response response = Http.local(port).get("/widgets/dates", TestTokens.viewer());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
    }

    /** problem+json is what a refusal is: a success is never labelled as one, even when a client asks for it. */
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/problem+json", "application/problem+json;charset=UTF-8"})
    void aSuccessIsNeverAnsweredAsAProblem(String accept) {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets/dates?iso=2013-06-01", TestTokens.viewer())
                .header("Accept", accept).GET());
        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith(":not-acceptable");
    }

    /** The servlet container's error page is problem+json too; asked for directly it is no resource. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"with a token, true", "without a token, false"})
    void theErrorPageIsProblemJson(String what, boolean withToken) {
        Http.Response response = Http.local(port).get("/error", withToken ? TestTokens.viewer() : null);
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    static Stream<Arguments> textThatBreaksTheRule() {
        return Stream.of(
                Arguments.of("a NUL", "name", "\"wid\\u0000get\""),
                Arguments.of("a line break in a single-line field", "name", "\"wid\\r\\nget\""),
                Arguments.of("a tab in a single-line field", "name", "\"wid\\tget\""),
                Arguments.of("a terminal escape sequence", "name", "\"\\u001b[31mred\\u001b[0m\""),
                Arguments.of("DEL", "name", "\"wid\\u007fget\""),
                Arguments.of("a C1 control", "name", "\"wid\\u0085get\""),
                Arguments.of("a right-to-left override", "name", "\"\\u202egdiw\""),
                Arguments.of("a bidi isolate", "name", "\"\\u2066widget\\u2069\""),
                Arguments.of("a zero-width space", "name", "\"wid\\u200bget\""),
                Arguments.of("a byte-order mark", "name", "\"\\ufeffwidget\""),
                Arguments.of("a line separator", "name", "\"wid\\u2028get\""),
                Arguments.of("a noncharacter", "name", "\"wid\\uffffget\""),
                Arguments.of("a lone high surrogate", "name", "\"wid\\ud800get\""),
                Arguments.of("a lone low surrogate at the end", "name", "\"widget\\udc00\""),
                Arguments.of("Hangul fillers only", "name", "\"\\u3164\\u3164\""),
                Arguments.of("a blank Braille pattern only", "name", "\"\\u2800\""),
                Arguments.of("ideographic spaces only", "name", "\"\\u3000\\u3000\""),
                Arguments.of("a combining mark only", "name", "\"\\u0301\""),
                Arguments.of("an empty id", "id", "\"\""),
                Arguments.of("a bidi override in a multi-line field", "note", "\"line one\\n\\u202eline two\""),
                Arguments.of("a lone carriage return in a multi-line field", "note", "\"line one\\rline two\""),
                Arguments.of("a NUL in a multi-line field", "note", "\"line one\\u0000\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textThatBreaksTheRule")
    void textThatWouldChangeHowItIsShownIsRefused(String what, String field, String value) {
        String body = "{\"id\":\"w-text\",\"county\":\"431023\",\"name\":\"n\",\"price\":1}"
                .replace("\"" + field + "\":\"" + (field.equals("id") ? "w-text" : "n") + "\"", "\"" + field + "\":" + value);
        if (field.equals("note")) {
            body = body.replace("}", ",\"note\":" + value + "}");
        }
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(), body);

        assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    /**
     * Line breaks in a multi-line field, ideographic spaces, emoji and right-to-left scripts pass the text rule: the
     * only refusal is the zero price, sent so that nothing is stored (bean validation runs after the body is read).
     */
    @Test
    void aMultiLineFieldMayHoldLinesAndTextMayBeInAnyScript() {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(),
                "{\"id\":\"w-lines\",\"county\":\"431023\",\"name\":\"永兴县\u3000稀贵金属 😀 עברית\",\"price\":0,"
                        + "\"note\":\"第一行\\n第二行\\r\\n\\tthird line\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors")).hasSize(1);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("price");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000-01-01", "-999999999-01-01", "+10000-01-01", "1999-12-31", "2100-01-01"})
    void aDateOutsideThePlausibleRangeIsRefused(String madeOn) {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(),
                "{\"id\":\"w-dated\",\"county\":\"431023\",\"name\":\"n\",\"price\":1,\"madeOn\":\"" + madeOn + "\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("madeOn");
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();

        Http.Response parameter = Http.local(port).get("/widgets/dates?plain=" + URLEncoder.encode(madeOn, StandardCharsets.UTF_8),
                TestTokens.viewer());
        assertThat(parameter.status()).as(parameter.toString()).isEqualTo(400);
        assertThat(parameter.json().get("errors").get(0).get("field").asString()).isEqualTo("plain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the id twice|{\"id\":\"w-dup\",\"id\":\"w-other\",\"county\":\"431023\",\"name\":\"n\",\"price\":1}|id",
            "the price twice|{\"id\":\"w-dup\",\"county\":\"431023\",\"name\":\"n\",\"price\":1,\"price\":2}|price"})
    void aKeyTwiceInOneObjectIsRefusedNamingIt(String what, String body, String field) {
        Http.Response response = Http.local(port).post("/widgets", TestTokens.admin(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(mongo.getCollection("widgets").countDocuments()).isZero();
    }

    @Test
    void aReadWhoseAnswerTheClientWouldNotAcceptIs406ProblemJson() {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets/dates", TestTokens.viewer())
                .header("Accept", "application/xml").GET());
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/csv", "*/*", "application/json"})
    void aDownloadIsAnsweredAsItAlwaysWas(String accept) {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets/export.csv", TestTokens.viewer())
                .header("Accept", accept).GET());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.body()).startsWith("id,name");
    }

    @Test
    void tooManyHeadersAreRefusedByTomcatWithProblemJsonNotItsHtmlPage() {
        Http http = Http.local(port);
        HttpRequest.Builder request = http.builder("/widgets/dates", TestTokens.viewer()).GET();
        for (int i = 0; i < 200; i++) {
            request.header("X-Extra-" + i, "v" + i);
        }
        Http.Response response = http.send(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:cn.chenzhou.plan:problem:bad-request");
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void headersOverTheSizeLimitAreRefusedWithProblemJson() {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets/dates", TestTokens.viewer())
                .header("X-Padding", "x".repeat(20_000)).GET());

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
    }

    @Test
    void aRequestIdIsKeptAndReturned() {
        Http http = Http.local(port);
        Http.Response response = http.send(http.builder("/widgets/dates", TestTokens.viewer())
                .header("X-Request-Id", "abc-123").GET());
        assertThat(response.header("X-Request-Id")).isEqualTo("abc-123");
    }

    @Test
    void healthAndMetricsAnswerOnTheLoopbackManagementPortOnlyAndTheApiPortServesNeither() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        Http management = new Http("http://127.0.0.1:" + managementPort);
        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(200);
        // bound to loopback: not reachable on any other address of this machine
        java.net.InetAddress other = otherAddress();
        if (other != null) {
            assertThatThrownBy(() -> new java.net.Socket(other, managementPort).close()).isInstanceOf(java.io.IOException.class);
        }

        Http api = Http.local(port);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", TestTokens.county("431023")).status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", TestTokens.admin()).status()).isEqualTo(404);
    }

    @Test
    void theApiDescriptionIsThePlanOfficesAndNamesTheConfiguredServerWhateverTheRequestSays() {
        Http api = Http.local(port);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
        assertThat(api.get("/v3/api-docs", TestTokens.county("431023")).status()).isEqualTo(403);
        assertThat(api.get("/v3/api-docs", TestTokens.viewer()).status()).isEqualTo(403);

        Http.Response forged = api.send(api.builder("/v3/api-docs", TestTokens.admin())
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443").header("Forwarded", "host=evil.example;proto=https").GET());
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().get("servers").get(0).get("url").asString()).isEqualTo("http://localhost:8080");
        assertThat(forged.body()).doesNotContain("evil.example");
    }

    /** A non-loopback address of this machine, if it has one. */
    private static java.net.InetAddress otherAddress() throws java.net.SocketException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .findFirst().orElse(null);
    }
}
