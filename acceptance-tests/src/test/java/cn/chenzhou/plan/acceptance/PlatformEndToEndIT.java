package cn.chenzhou.plan.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end on the shared platform: a county portal gets a token, drafts and submits a
 * project through the gateway, and the county's count in reporting's read model shows it.
 */
class PlatformEndToEndIT {
    private static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.shared();
    }

    @Test
    void withoutATokenTheGatewayAnswers401ProblemJsonAndItsHealthAnswersOnItsLoopbackManagementPort() throws Exception {
        RunningPlatform.Reply denied = platform.get("/api/projects/anything", null);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + platform.managementPort("gateway") + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void aProjectSubmittedThroughTheGatewayShowsInItsCountysCount() throws Exception {
        String county = "431081";
        String token = platform.token("county-" + county);
        long before = platform.get("/api/reports/counties/" + county + "/projects", token).json().get("submitted").asLong();
        RunningPlatform.Reply drafted = platform.post("/api/projects", token, """
                {"county":"431081","title":"东江湖重金属污染防治技术开发与应用","programme":"LIVELIHOOD",
                 "level":"MUNICIPAL","applicant":{"name":"资兴市东江湖环境科技有限公司","creditCode":"91431081MA4L5EAY54"},
                 "requestedAmount":800000,"period":{"start":"2013-04-01","end":"2014-12-31"},
                 "contact":{"name":"王芳","phone":"0735-3321234"},"draftedOn":"2013-04-01"}""");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        RunningPlatform.Reply submitted = platform.post("/api/projects/" + id + "/submit", token,
                "{\"version\":1,\"submittedOn\":\"2013-04-02\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        assertThat(platform.get("/api/projects/" + id, token).json().get("status").asString()).isEqualTo("SUBMITTED");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                platform.get("/api/reports/counties/" + county + "/projects", platform.token("county-" + county))
                        .json().get("submitted").asLong() == before + 1);

        String admin = platform.token("plan-office");
        var byCounty = platform.get("/api/reports/projects/by-county", admin).json();
        assertThat(byCounty.size()).isEqualTo(11);
    }
}
