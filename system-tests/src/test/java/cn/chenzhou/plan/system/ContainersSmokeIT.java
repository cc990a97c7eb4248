package cn.chenzhou.plan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The platform as containers answers through its gateway: the thread of the walking skeleton, via the SDK. */
class ContainersSmokeIT {
    private static PlatformContainers platform;

    @BeforeAll
    static void start() throws Exception {
        platform = new PlatformContainers();
        platform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCountyDraftsAndSubmitsAProjectThroughTheGatewayAndReportingCountsIt() {
        try (PlatformClient county = PlatformClient.builder().gateway(platform.gateway())
                .authorizationServer(platform.authorizationServer())
                .clientCredentials("county-431024", platform.secret("county-431024")).build()) {
            JsonNode drafted = county.post("/api/projects", """
                    {"county":"431024","title":"嘉禾县铸造产业技术升级","programme":"COUNTY_ECONOMY","level":"MUNICIPAL",
                     "applicant":{"name":"嘉禾县铸造科技有限公司","creditCode":"91431024MA4L5EAY5J"},
                     "requestedAmount":"300000.00","period":{"start":"2013-03-01","end":"2014-06-30"},
                     "contact":{"name":"陈刚","phone":"0735-6621234"},"draftedOn":"2013-03-01"}""");
            String id = drafted.get("id").asString();
            county.post("/api/projects/" + id + "/submit", "{\"version\":1,\"submittedOn\":\"2013-03-05\"}");
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    county.get("/api/reports/counties/431024/projects").get("submitted").asLong() == 1);
        }
        assertThat(platform.containers).hasSize(9);
    }
}
