package cn.chenzhou.plan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service describes its API in OpenAPI, for the plan office (through the gateway's combined view). */
class OpenApiTest extends RegistryApiTest {

    @Test
    void theOpenApiDescriptionListsEveryRegistryEndpoint() {
        Http.Response response = http().get("/v3/api-docs", TestTokens.admin());

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        assertThat(paths.propertyNames()).contains(
                "/api/registry/platforms", "/api/registry/platforms/{id}",
                "/api/registry/platforms/{id}/accreditation", "/api/registry/platforms/{id}/revocation",
                "/api/registry/platform-types", "/api/registry/platform-types/{code}",
                "/api/registry/designations", "/api/registry/designations/{id}/grant", "/api/registry/designations/{id}/revocation",
                "/api/registry/alliances", "/api/registry/alliances/{id}/members",
                "/api/registry/enterprises", "/api/registry/enterprises/{id}/reclassification",
                "/api/registry/enterprises/{id}/rd-institutions", "/api/registry/enterprises/{id}/rd-institutions/closure",
                "/api/registry/assessments", "/api/registry/assessments/{id}/revisions",
                "/api/registry/demo-dataset");
    }

    @Test
    void theActorComesFromTheTokenAndIsNoParameterAndEveryOperationHasItsOwnId() {
        JsonNode paths = http().get("/v3/api-docs", TestTokens.admin()).json().get("paths");
        List<JsonNode> operations = paths.valueStream().flatMap(JsonNode::valueStream).toList();

        assertThat(operations).allSatisfy(op -> assertThat(op.path("parameters").valueStream()
                .map(p -> p.get("name").asString())).doesNotContain("actor"));
        List<String> ids = operations.stream().map(op -> op.get("operationId").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates().contains("registerPlatform", "accreditPlatform", "revokePlatform");
    }
}
