package cn.chenzhou.plan.acceptance.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus: {@code badinput/*.json}, one file per class of input, each case a valid request of the
 * authorisation matrix's table (its endpoint and sample body) broken in one way. A case may:
 * <ul>
 *   <li>{@code set} JSON-pointer → value, {@code setRaw} JSON-pointer → raw JSON text in the value's place (what no
 *       JSON writer would write: a lone surrogate escape, a key twice), {@code remove} pointers, {@code pad} a string
 *       field to n characters,
 *       {@code repeat} an array's first element n times, or replace the body with {@code raw} text,
 *       {@code rawBase64} bytes or {@code padRaw} n bytes of white space after it;</li>
 *   <li>change the {@code path}, append a {@code query}, change the {@code method}, set {@code headers} or the
 *       {@code contentType} (null: none), add {@code manyHeaders}, send the body {@code chunked};</li>
 *   <li>be sent by another {@code caller} than one entitled to the endpoint (a {@link
 *       cn.chenzhou.plan.acceptance.security.Caller} name: a wrong role, whose refusal comes before its body is read);</li>
 *   <li>say the status it {@code expect}s (else any 4xx), the {@code field} the problem must name (else the last
 *       field it changed; false: none), and {@code requestIdNotEchoed} (a malformed X-Request-Id must be replaced).</li>
 * </ul>
 * {@code ${pad:n}} is n characters, {@code ${nest:n}} n nested arrays; other {@code ${…}} are the fixture's variables.
 */
record Corpus(String file, String inputClass, String about, List<JsonNode> cases) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Corpus> load() {
        try (Stream<Path> files = Files.list(Path.of(Corpus.class.getResource("/badinput").toURI()))) {
            List<Corpus> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    JsonNode root = JSON.readTree(in);
                    List<JsonNode> cases = new ArrayList<>();
                    root.get("cases").forEach(cases::add);
                    all.add(new Corpus(file.getFileName().toString(), root.get("class").asString(),
                            root.get("about").asString(), cases));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
