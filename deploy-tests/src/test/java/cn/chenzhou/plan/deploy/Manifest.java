package cn.chenzhou.plan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One document of a YAML file under deploy/, as a JSON tree, with the file it came from (for messages). */
record Manifest(Path source, ObjectNode tree) {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<Manifest> read(Path file) {
        List<Manifest> documents = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalStateException(file + ": a document that is not a mapping: " + document);
                }
                documents.add(new Manifest(file, (ObjectNode) document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
        return documents;
    }

    String kind() {
        return tree.path("kind").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    Manifest copy() {
        return new Manifest(source, tree.deepCopy());
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + source.getFileName() + ")";
    }
}
