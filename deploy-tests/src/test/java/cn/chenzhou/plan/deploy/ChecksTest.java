package cn.chenzhou.plan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each check of {@link ManifestsTest} finds the defect it is there for: the project's own project-service Deployment,
 * with one defect put in, fails the check, and passes it as written.
 */
class ChecksTest {

    private static Manifest deployment() {
        return Manifest.read(ManifestsTest.DEPLOY.resolve("base/project-service.yaml")).stream()
                .filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow();
    }

    private static ObjectNode container(Manifest m) {
        return (ObjectNode) m.tree().path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static List<String> findings(Function<Workloads, List<String>> check, Consumer<Manifest> defect) {
        Manifest m = deployment().copy();
        defect.accept(m);
        return check.apply(Workloads.of(List.of(m)));
    }

    @Test
    void theDeploymentAsWrittenPassesEveryCheck() {
        Workloads workloads = Workloads.of(List.of(deployment()));
        assertThat(Checks.unknownFields(workloads)).isEmpty();
        assertThat(Checks.probes(workloads)).isEmpty();
        assertThat(Checks.nonRoot(workloads)).isEmpty();
        assertThat(Checks.imageTags(workloads)).isEmpty();
        assertThat(Checks.resources(workloads)).isEmpty();
        assertThat(Checks.serviceLinks(workloads)).isEmpty();
    }

    /** project-service's pod as a one-shot Job: what a set-up step in the manifests would look like. */
    private static Manifest job() {
        Manifest m = deployment().copy();
        m.tree().put("apiVersion", "batch/v1").put("kind", "Job");
        ObjectNode spec = (ObjectNode) m.tree().get("spec");
        spec.remove(List.of("replicas", "revisionHistoryLimit", "selector", "strategy"));
        ((ObjectNode) spec.path("template").path("spec")).put("restartPolicy", "OnFailure");
        container(m).remove(List.of("livenessProbe", "readinessProbe", "startupProbe", "ports"));
        return m;
    }

    @Test
    void aJobIsHeldToTheSameRulesButNeedsNoProbes() {
        Workloads workloads = Workloads.of(List.of(job()));
        assertThat(Checks.unknownFields(workloads)).isEmpty();
        assertThat(Checks.probes(workloads)).isEmpty();
        assertThat(Checks.nonRoot(workloads)).isEmpty();
        assertThat(Checks.resources(workloads)).isEmpty();
        assertThat(Checks.serviceLinks(workloads)).isEmpty();

        Manifest root = job();
        ((ObjectNode) container(root).path("securityContext")).put("readOnlyRootFilesystem", false);
        assertThat(Checks.nonRoot(Workloads.of(List.of(root))))
                .containsExactly("Job project-service container project-service: the root file system is writable");
        Manifest unlimited = job();
        ((ObjectNode) container(unlimited).path("resources")).remove("limits");
        assertThat(Checks.resources(Workloads.of(List.of(unlimited)))).hasSize(2);
        Manifest linked = job();
        ((ObjectNode) linked.tree().path("spec").path("template").path("spec")).remove("enableServiceLinks");
        assertThat(Checks.serviceLinks(Workloads.of(List.of(linked)))).singleElement().asString().startsWith("Job project-service");
    }

    @Test
    void aMisspelledFieldIsAnUnknownField() {
        assertThat(findings(Checks::unknownFields, m -> container(m).set("readinesProbe", container(m).get("readinessProbe"))))
                .singleElement().asString().contains("unknown field", "readinesProbe");
        assertThat(findings(Checks::unknownFields, m -> ((ObjectNode) m.tree().get("spec")).put("replica", 2)))
                .singleElement().asString().contains("replica");
    }

    @Test
    void aValueOfTheWrongTypeDoesNotFitTheModel() {
        Manifest m = deployment().copy();
        ((ObjectNode) m.tree().get("spec")).put("replicas", "two");
        assertThatThrownBy(() -> Workloads.of(List.of(m))).hasMessageContaining("does not fit the Kubernetes model");
    }

    @Test
    void aKindNeitherKubernetesNorAnOperatorsIsUnknown() {
        Manifest m = deployment().copy();
        m.tree().put("apiVersion", "example.org/v1").put("kind", "Widget");
        assertThat(Checks.unknownFields(Workloads.of(List.of(m)))).singleElement().asString().contains("is unknown");
    }

    @Test
    void aMissingLivenessOrReadinessProbeIsFound() {
        assertThat(findings(Checks::probes, m -> container(m).remove("readinessProbe")))
                .containsExactly("Deployment project-service container project-service: no readiness probe");
        assertThat(findings(Checks::probes, m -> container(m).remove("livenessProbe")))
                .containsExactly("Deployment project-service container project-service: no liveness probe");
        assertThat(findings(Checks::probes, m -> ((ObjectNode) container(m).path("readinessProbe").path("httpGet"))
                .put("port", "metrics"))).singleElement().asString().contains("not one the container declares");
    }

    @Test
    void aContainerThatMayRunAsRootIsFound() {
        assertThat(findings(Checks::nonRoot, m -> {
            ((ObjectNode) m.tree().path("spec").path("template").path("spec").path("securityContext")).remove("runAsNonRoot");
            ((ObjectNode) container(m).path("securityContext")).remove("runAsNonRoot");
        })).singleElement().asString().contains("may run as root");
        assertThat(findings(Checks::nonRoot, m -> ((ObjectNode) container(m).path("securityContext")).put("runAsUser", 0)))
                .singleElement().asString().contains("runs as user 0");
        assertThat(findings(Checks::nonRoot, m -> ((ObjectNode) container(m).path("securityContext"))
                .put("allowPrivilegeEscalation", true))).singleElement().asString().contains("privilege escalation");
        assertThat(findings(Checks::nonRoot, m -> ((ObjectNode) container(m).path("securityContext")).remove("capabilities")))
                .singleElement().asString().contains("capabilities");
        assertThat(findings(Checks::nonRoot, m -> ((ObjectNode) container(m).path("securityContext"))
                .put("readOnlyRootFilesystem", false))).singleElement().asString().contains("writable");
    }

    @Test
    void anImageWithoutATagOrWithLatestIsFound() {
        assertThat(findings(Checks::imageTags, m -> container(m).put("image", "registry.example.org:5000/chenzhou-plan/project-service")))
                .singleElement().asString().contains("names no fixed tag");
        assertThat(findings(Checks::imageTags, m -> container(m).put("image", "chenzhou-plan/project-service:latest")))
                .singleElement().asString().contains("names no fixed tag");
        assertThat(findings(Checks::imageTags, m -> container(m).put("image", "chenzhou-plan/project-service@sha256:"
                + "0".repeat(64)))).isEmpty();
    }

    @Test
    void missingRequestsOrLimitsAndServiceLinksAreFound() {
        assertThat(findings(Checks::resources, m -> ((ObjectNode) container(m).path("resources")).remove("limits")))
                .containsExactly("Deployment project-service container project-service: no cpu limit",
                        "Deployment project-service container project-service: no memory limit");
        assertThat(findings(Checks::serviceLinks, m -> ((ObjectNode) m.tree().path("spec").path("template").path("spec"))
                .remove("enableServiceLinks"))).singleElement().asString().contains("enableServiceLinks");
    }
}
