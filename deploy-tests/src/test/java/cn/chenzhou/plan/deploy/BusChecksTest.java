package cn.chenzhou.plan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each check of {@link BusChecks} finds the defect it is there for: an overlay as rendered, with one defect put in,
 * fails the check, and passes it as written.
 */
class BusChecksTest {

    private static List<Manifest> overlay(String name) {
        return Kustomization.render(ManifestsTest.DEPLOY.resolve("overlays/" + name));
    }

    private static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst().orElseThrow();
    }

    private static ObjectNode podSpec(Manifest m) {
        return (ObjectNode) m.tree().path("spec").path("template").path("spec");
    }

    private static ObjectNode named(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText().equals(name)) {
                return (ObjectNode) item;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }

    private static ObjectNode container(Manifest m) {
        return (ObjectNode) podSpec(m).path("containers").get(0);
    }

    private static List<String> busSetUp(String overlay, Consumer<List<Manifest>> defect) {
        List<Manifest> manifests = new ArrayList<>(overlay(overlay));
        defect.accept(manifests);
        return BusChecks.busSetUp(Workloads.of(manifests));
    }

    @Test
    void theOverlaysAsWrittenPass() {
        for (String overlay : List.of("embedded", "operators")) {
            Workloads workloads = Workloads.of(overlay(overlay));
            assertThat(BusChecks.busSetUp(workloads)).as(overlay).isEmpty();
            assertThat(BusChecks.kafkaCredentials(workloads)).as(overlay).isEmpty();
        }
    }

    @Test
    void aSecretsFileOnAWritableMountOrNoneIsFound() {
        assertThat(busSetUp("embedded", m -> named(container(find(m, "Job", "kafka-setup")).path("volumeMounts"), "secrets")
                .remove("readOnly")))
                .containsExactly("Job kafka-setup container kafka-setup: the secrets file's volume is not mounted read-only");
        assertThat(busSetUp("embedded", m -> named(container(find(m, "StatefulSet", "kafka")).path("env"), "PLATFORM_SECRETS_FILE")
                .put("value", "/tmp/platform-secrets.properties")))
                .singleElement().asString().contains("StatefulSet kafka", "is not on a Secret volume");
    }

    @Test
    void aBusThatReadsTheAuthorizationServersSecretIsFound() {
        assertThat(busSetUp("embedded", m -> ((ObjectNode) named(podSpec(find(m, "Job", "kafka-setup")).path("volumes"), "secrets")
                .path("secret")).put("secretName", "auth-server-secrets")))
                .anySatisfy(f -> assertThat(f).contains("read different secrets files"))
                .anySatisfy(f -> assertThat(f).isEqualTo("Deployment auth-server reads the bus's Secret auth-server-secrets"));
    }

    @Test
    void aSetUpThatMissesTheBrokerOrIsNoJobIsFound() {
        assertThat(busSetUp("embedded", m -> named(container(find(m, "Job", "kafka-setup")).path("env"), "KAFKA_BOOTSTRAP_SERVERS")
                .put("value", "mongo:27017")))
                .containsExactly("Job kafka-setup: mongo:27017 is no Service port of the broker's");
        assertThat(busSetUp("embedded", m -> m.removeIf(r -> r.kind().equals("Job"))))
                .singleElement().asString().contains("nothing creates the topics");
        assertThat(busSetUp("embedded", m -> m.removeIf(r -> r.kind().equals("StatefulSet") && r.name().equals("kafka"))))
                .anySatisfy(f -> assertThat(f).startsWith("no Kafka broker"));
        assertThat(busSetUp("operators", m -> m.removeIf(r -> r.kind().equals("KafkaTopic") && r.name().equals("funding-events-dlt"))))
                .containsExactly("no KafkaTopic funding.events.dlt");
    }

    @Test
    void aServiceWithoutItsOwnKafkaPasswordIsFound() {
        List<Manifest> manifests = overlay("embedded");
        ((ObjectNode) named(container(find(manifests, "Deployment", "funding-service")).path("env"), "KAFKA_PASSWORD")
                .path("valueFrom").path("secretKeyRef")).put("name", "reporting-service");
        assertThat(BusChecks.kafkaCredentials(Workloads.of(manifests)))
                .singleElement().asString().contains("reads the Kafka password of");
        manifests = overlay("embedded");
        ArrayNode env = (ArrayNode) container(find(manifests, "Deployment", "project-service")).path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().startsWith("KAFKA_")) {
                env.remove(i);
            }
        }
        assertThat(BusChecks.kafkaCredentials(Workloads.of(manifests))).containsExactly(
                "Deployment project-service: KAFKA_USERNAME is not project-service",
                "Deployment project-service: KAFKA_PASSWORD does not come from a Secret");
    }
}
