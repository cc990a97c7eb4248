package cn.chenzhou.plan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tests check what {@link Kustomization} renders; this one checks that it is what Kustomize itself renders
 * ({@code kubectl kustomize}, resource by resource), where kubectl is installed. Without kubectl it is skipped, saying
 * so, and the other tests still check the base and the overlays' patches as rendered here.
 */
class KustomizeAgreementTest {

    @ParameterizedTest
    @MethodSource("cn.chenzhou.plan.deploy.ManifestsTest#kustomizations")
    void rendersAsKubectlKustomizeDoes(Path kustomization) throws Exception {
        Path output = Files.createTempFile("kustomize", ".yaml");
        try {
            Process kubectl;
            try {
                kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                Assumptions.abort("SKIPPED: kubectl is not installed here (" + e.getMessage() + ")");
                return;
            }
            assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(kubectl.exitValue()).as("kubectl kustomize " + kustomization).isZero();

            Map<String, JsonNode> kustomize = byName(Manifest.read(output));
            Map<String, JsonNode> here = byName(Kustomization.render(kustomization));
            assertThat(here.keySet()).isEqualTo(kustomize.keySet());
            here.forEach((name, tree) -> assertThat(tree).as(name).isEqualTo(kustomize.get(name)));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Map<String, JsonNode> byName(List<Manifest> manifests) {
        return manifests.stream().collect(Collectors.toMap(m -> m.kind() + "/" + m.name(), Manifest::tree,
                (a, b) -> {
                    throw new AssertionError("two resources of one kind and name: " + a);
                }, java.util.TreeMap::new));
    }
}
