package cn.chenzhou.plan.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description (the plan office's) reads well: every operation has a summary. */
class ApiDescriptionTest extends ProjectServiceTest {

    @Test
    void everyOperationIsDescribedAndTheCallerIsNotAParameter() {
        Http.Response response = http().get("/v3/api-docs", TestTokens.admin());
        assertThat(response.status()).isEqualTo(200);
        JsonNode api = response.json();
        JsonNode paths = api.get("paths");
        assertThat(paths.propertyNames()).contains("/api/projects", "/api/projects/{id}", "/api/projects/{id}/history",
                "/api/projects/{id}/submit", "/api/projects/{id}/formal-review", "/api/projects/{id}/expert-review",
                "/api/projects/{id}/approve", "/api/projects/{id}/reject", "/api/projects/{id}/start",
                "/api/projects/{id}/midterm-check", "/api/projects/{id}/accept", "/api/projects/{id}/terminate",
                "/api/projects/programmes", "/api/projects/achievements", "/api/projects/achievements/{id}/withdraw",
                "/api/projects/industries", "/api/projects/industries/{id}/drivers",
                "/api/projects/industries/{id}/recognise", "/api/projects/industries/{id}/revoke-recognition");
        paths.propertyStream().forEach(path -> path.getValue().propertyStream().forEach(op -> {
            assertThat(op.getValue().get("summary")).as(op.getKey() + " " + path.getKey()).isNotNull();
            JsonNode parameters = op.getValue().get("parameters");
            if (parameters != null) {
                assertThat(parameters.valueStream().map(p -> p.get("name").asString())).doesNotContain("actor");
            }
        }));
        assertThat(paths.get("/api/projects/{id}/approve").get("post").get("summary").asString()).contains("立项");
        assertThat(api.get("components").get("schemas").get("Approve").get("properties").get("approvedAmount")
                .get("type").asString()).isEqualTo("string");
        assertThat(api.get("components").get("securitySchemes").get("bearer")).isNotNull();
    }
}
