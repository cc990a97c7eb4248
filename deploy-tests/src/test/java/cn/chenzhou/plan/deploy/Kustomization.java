package cn.chenzhou.plan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization under deploy/ as {@code kubectl kustomize} would, for the part of Kustomize the project
 * uses: resources (files and directories), components, strategic-merge patches by file, image names and tags,
 * a namespace, common labels and secrets generated from literals without a name hash. A kustomization that uses
 * anything else fails the rendering, so that what the tests check is what a cluster would get.
 *
 * <p>Strategic merge here: mappings merge key by key; a list of mappings that all have a {@code name} (containers,
 * env, volumes, volume mounts, ports) merges item by item on that name, the patch's items first; any other value
 * replaces the original. {@link KustomizeAgreementTest} compares the result with Kustomize's own where kubectl is.
 */
final class Kustomization {
    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "components", "patches", "images", "secretGenerator", "generatorOptions");

    private Kustomization() {
    }

    static List<Manifest> render(Path directory) {
        ObjectNode k = kustomization(directory);
        List<Manifest> out = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            out.addAll(Files.isDirectory(path) ? render(path) : Manifest.read(path));
        }
        out.addAll(generatedSecrets(directory, k));
        for (JsonNode component : k.path("components")) {
            Path path = directory.resolve(component.asText()).normalize();
            ObjectNode c = kustomization(path);
            require("Component".equals(c.path("kind").asText()), path + " is not a Kustomize Component");
            for (JsonNode resource : c.path("resources")) {
                out.addAll(Manifest.read(path.resolve(resource.asText())));
            }
            applyPatches(path, c, out);
        }
        applyPatches(directory, k, out);
        applyImages(k, out);
        applyLabels(k, out);
        if (k.hasNonNull("namespace")) {
            out.forEach(m -> m.tree().with("metadata").put("namespace", k.get("namespace").asText()));
        }
        return out;
    }

    private static ObjectNode kustomization(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        require(Files.isRegularFile(file), directory + " has no kustomization.yaml");
        List<Manifest> documents = Manifest.read(file);
        require(documents.size() == 1, file + " must hold one document");
        ObjectNode k = documents.get(0).tree();
        k.fieldNames().forEachRemaining(field -> require(KNOWN.contains(field),
                file + ": '" + field + "' is a Kustomize feature these tests do not render; teach Kustomization.java"));
        return k;
    }

    private static void applyPatches(Path directory, ObjectNode k, List<Manifest> resources) {
        for (JsonNode patch : k.path("patches")) {
            require(patch.has("path") && patch.size() == 1, directory + ": only patches by path are rendered: " + patch);
            for (Manifest p : Manifest.read(directory.resolve(patch.get("path").asText()))) {
                Manifest target = resources.stream()
                        .filter(r -> r.kind().equals(p.kind()) && r.name().equals(p.name())).findFirst()
                        .orElseThrow(() -> new IllegalStateException(p + " patches nothing: no " + p.kind() + " " + p.name()));
                merge(target.tree(), p.tree());
            }
        }
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode original = target.get(field.getKey());
            JsonNode change = field.getValue();
            if (original instanceof ObjectNode o && change instanceof ObjectNode c) {
                merge(o, c);
            } else if (original instanceof ArrayNode o && change instanceof ArrayNode c && named(o) && named(c)) {
                target.set(field.getKey(), mergeByName(o, c));
            } else {
                target.set(field.getKey(), change.deepCopy());
            }
        }
    }

    /** As Kustomize does: the patch's items first (merged into the original item of the same name), then the rest. */
    private static ArrayNode mergeByName(ArrayNode original, ArrayNode patch) {
        ArrayNode merged = Manifest.YAML.createArrayNode();
        Set<String> patched = new java.util.HashSet<>();
        for (JsonNode item : patch) {
            String name = item.get("name").asText();
            patched.add(name);
            ObjectNode result = (ObjectNode) item.deepCopy();
            for (JsonNode existing : original) {
                if (existing.get("name").asText().equals(name)) {
                    result = ((ObjectNode) existing).deepCopy();
                    merge(result, (ObjectNode) item);
                }
            }
            merged.add(result);
        }
        for (JsonNode existing : original) {
            if (!patched.contains(existing.get("name").asText())) {
                merged.add(existing);
            }
        }
        return merged;
    }

    private static boolean named(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    private static void applyImages(ObjectNode k, List<Manifest> resources) {
        for (JsonNode image : k.path("images")) {
            String name = image.get("name").asText();
            for (Manifest m : resources) {
                for (JsonNode container : m.tree().path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asText();
                    int colon = current.lastIndexOf(':');
                    String currentName = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                    String currentTag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
                    if (currentName.equals(name)) {
                        String newName = image.path("newName").asText(currentName);
                        String newTag = image.has("newTag") ? image.get("newTag").asText() : currentTag;
                        ((ObjectNode) container).put("image", newTag == null ? newName : newName + ":" + newTag);
                    }
                }
            }
        }
    }

    private static void applyLabels(ObjectNode k, List<Manifest> resources) {
        for (JsonNode entry : k.path("labels")) {
            require(!entry.path("includeSelectors").asBoolean(false) && !entry.path("includeTemplates").asBoolean(false),
                    "only labels on metadata are rendered: " + entry);
            entry.path("pairs").fields().forEachRemaining(pair -> resources.forEach(
                    m -> m.tree().with("metadata").with("labels").set(pair.getKey(), pair.getValue())));
        }
    }

    private static List<Manifest> generatedSecrets(Path directory, ObjectNode k) {
        List<Manifest> secrets = new ArrayList<>();
        if (!k.has("secretGenerator")) {
            return secrets;
        }
        require(k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false),
                directory + ": generated names with a hash suffix are not rendered (set disableNameSuffixHash)");
        for (JsonNode generator : k.get("secretGenerator")) {
            require(generator.size() == 2 && generator.has("literals"), "only secrets from literals are rendered: " + generator);
            ObjectNode secret = Manifest.YAML.createObjectNode();
            secret.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
            secret.putObject("metadata").put("name", generator.get("name").asText());
            ObjectNode data = secret.putObject("data");
            for (JsonNode literal : generator.get("literals")) {
                String[] pair = literal.asText().split("=", 2);
                data.put(pair[0], Base64.getEncoder().encodeToString(pair[1].getBytes(StandardCharsets.UTF_8)));
            }
            secrets.add(new Manifest(directory.resolve("kustomization.yaml"), secret));
        }
        return secrets;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
