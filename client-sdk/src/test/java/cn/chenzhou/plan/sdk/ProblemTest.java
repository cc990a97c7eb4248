package cn.chenzhou.plan.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProblemTest {
    private final JsonMapper json = SdkJson.mapper();

    @Test
    void aRefusalNamesItsFieldsItsTypeAndItsExtensions() {
        Problem p = Problem.parse(409, "Conflict", """
                {"type":"urn:cn.chenzhou.plan:problem:over-budget","title":"Conflict","status":409,
                 "detail":"the 2013 special fund has 100000.00 left","requestId":"req-1",
                 "remaining":"100000.00","year":2013}""", "header-id", json);
        assertThat(p.shortType()).isEqualTo("over-budget");
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.requestId()).isEqualTo("req-1");
        assertThat(p.extension("remaining")).isEqualTo("100000.00");
        assertThat(p.extension("year")).isEqualTo("2013");
        assertThat(p.extensions()).doesNotContainKeys("type", "detail", "requestId");
        assertThat(PlatformApiException.of(p)).isInstanceOf(PlatformApiException.Conflict.class)
                .hasMessageContaining("over-budget").hasMessageContaining("req-1");
    }

    @Test
    void invalidInputListsEveryFieldWithItsReason() {
        Problem p = Problem.parse(400, "Bad Request", """
                {"type":"urn:cn.chenzhou.plan:problem:invalid-input","status":400,"detail":"county: must be …",
                 "errors":[{"field":"county","reason":"must be one of the 11 county codes"},
                           {"field":"requestedAmount","reason":"must be more than zero"}]}""", null, json);
        assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("county", "requestedAmount");
        assertThat(PlatformApiException.of(p)).isInstanceOf(PlatformApiException.InvalidInput.class);
    }

    @Test
    void aBodyThatIsNoProblemStillBecomesOneWithTheStatusAndTheRequestIdOfTheHeader() {
        Problem html = Problem.parse(502, "Bad Gateway", "<html>bad gateway</html>", "req-9", json);
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.detail()).contains("bad gateway");
        assertThat(html.requestId()).isEqualTo("req-9");
        assertThat(PlatformApiException.of(html)).isInstanceOf(PlatformApiException.Unavailable.class);

        Problem empty = Problem.parse(404, "Not Found", "", null, json);
        assertThat(empty.detail()).isEqualTo("Not Found");
        assertThat(PlatformApiException.of(empty)).isInstanceOf(PlatformApiException.NotFound.class);
        assertThat(empty.shortType()).isEqualTo("blank");
    }

    @Test
    void eachStatusHasTheExceptionACallerHandles() {
        assertThat(PlatformApiException.of(Problem.local("x", "t", 401, "d"))).isInstanceOf(PlatformApiException.Unauthenticated.class);
        assertThat(PlatformApiException.of(Problem.local("x", "t", 403, "d"))).isInstanceOf(PlatformApiException.Forbidden.class);
        assertThat(PlatformApiException.of(Problem.local("x", "t", 422, "d"))).isInstanceOf(PlatformApiException.InvalidInput.class);
        assertThat(PlatformApiException.of(Problem.local("x", "t", 429, "d"))).isInstanceOf(PlatformApiException.RateLimited.class);
        assertThat(PlatformApiException.of(Problem.local("x", "t", 503, "d"))).isInstanceOf(PlatformApiException.Unavailable.class);
        assertThat(PlatformApiException.of(Problem.local("x", "t", 500, "d")).getClass()).isEqualTo(PlatformApiException.class);
    }
}
