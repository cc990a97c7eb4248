package cn.chenzhou.plan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.TestTokens;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway refuses itself, and how: always problem+json with the right status, before anything reaches a
 * service — a command without a token (401, not a CSRF refusal), a cookie-session change without its CSRF token,
 * oversize headers, URIs and declared bodies, paths the firewall rejects, requests Netty's decoder or Spring's adapter
 * cannot read (which they answered with an empty 400) — and a keep-alive connection that keeps answering whatever
 * came before on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRefusalsTest {
    private static final DownstreamService PROJECTS = new DownstreamService(freePort());
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PROJECTS.start();
        registry.add("PROJECT_SERVICE_URL", PROJECTS::url);
        registry.add("REGISTRY_SERVICE_URL", PROJECTS::url);
        registry.add("platform.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
        registry.add("client.gateway.secret", () -> "test-secret-not-used-for-api-calls");
    }

    @AfterAll
    static void stopDownstream() {
        PROJECTS.stop();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void nothingReachedTheServiceYet() {
        PROJECTS.lastAuthorization.set("untouched");
    }

    private HttpResponse<String> send(String method, String path, UnaryOperator<HttpRequest.Builder> more) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"))
                .header("Content-Type", "application/json");
        return HTTP.send(more.apply(b).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aCommandWithoutATokenIsToldToAuthenticateNotRefusedForCsrf(String method) throws Exception {
        HttpResponse<String> response = send(method, "/api/projects/p-1", b -> b);

        JsonNode problem = problem(response, 401);
        assertThat(problem.get("type").asString()).endsWith(":unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @Test
    void aCommandWithAnotherSchemeAndNoSessionIsToldToAuthenticate() throws Exception {
        HttpResponse<String> response = send("POST", "/api/projects", b -> b.header("Authorization", "Basic ZmluYW5jZTpmaW5hbmNl"));
        problem(response, 401);
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @Test
    void aChangeMadeWithTheSessionCookieNeedsTheCsrfToken() throws Exception {
        HttpResponse<String> signIn = send("GET", "/oauth2/authorization/platform", b -> b.header("Accept", "text/html"));
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();

        HttpResponse<String> response = send("POST", "/api/projects", b -> b.header("Cookie", session));

        assertThat(problem(response, 403).get("type").asString()).endsWith(":csrf-token-invalid");
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @Test
    void aCommandWithABearerTokenNeedsNoCsrfTokenEvenBesideACookie() throws Exception {
        String token = TestTokens.admin();
        HttpResponse<String> response = send("POST", "/api/projects", b -> b.header("Authorization", "Bearer " + token)
                .header("Cookie", "SESSION=whatever"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("Bearer " + token);
    }

    /**
     * A request answered off the event loop (here: one without a token, whose session is created on another thread),
     * followed on the same connection by one that is buffered behind it and answered at once, used to leave the
     * connection unread: the third request never got an answer (Reactor Netty 1.3.6). Sent pipelined, so that the
     * second request is always buffered.
     */
    @Test
    void everyRequestOnAKeepAliveConnectionIsAnsweredWhateverCameBefore() throws Exception {
        String anonymous = "GET /api/projects/p-1 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";
        String badToken = "GET /api/projects/p-1 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + TestTokens.signedByAnotherKey() + "\r\n\r\n";
        String valid = "GET /api/projects/p-1 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + TestTokens.admin() + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int round = 0; round < 10; round++) {
                out.write((anonymous + badToken).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(RawHttp.readStatus(in)).isEqualTo(401);
                assertThat(RawHttp.readStatus(in)).isEqualTo(401);
                out.write(valid.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(RawHttp.readStatus(in)).as("round %d: the request after them", round).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {10_000, 20_000})
    void headersOverTheLimitAre431ProblemJson(int size) throws Exception {
        HttpResponse<String> response = send("POST", "/api/projects", b -> b.header("Authorization", "Bearer " + TestTokens.admin())
                .header("X-Padding", "x".repeat(size)));
        assertThat(problem(response, 431).get("type").asString()).endsWith(":headers-too-large");
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @Test
    void anOversizeTokenIs431ProblemJson() throws Exception {
        HttpResponse<String> response = send("GET", "/api/projects", b -> b.header("Authorization", "Bearer " + "a".repeat(9_000)));
        problem(response, 431);
    }

    @Test
    void tooManyHeadersAre431ProblemJson() throws Exception {
        HttpResponse<String> response = send("GET", "/api/projects", b -> {
            b.header("Authorization", "Bearer " + TestTokens.admin());
            for (int i = 0; i < 200; i++) {
                b.header("X-Extra-" + i, "v" + i);
            }
            return b;
        });
        assertThat(problem(response, 431).get("type").asString()).endsWith(":too-many-headers");
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @Test
    void headersWithinTheLimitsReachTheService() throws Exception {
        String token = TestTokens.admin();
        HttpResponse<String> response = send("GET", "/api/projects/p-1", b -> {
            b.header("Authorization", "Bearer " + token).header("X-Padding", "x".repeat(5_000));
            for (int i = 0; i < 40; i++) {
                b.header("X-Extra-" + i, "v" + i);
            }
            return b;
        });
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void anOverlongUriIs414ProblemJson() throws Exception {
        HttpResponse<String> response = send("GET", "/api/projects/" + "x".repeat(10_000),
                b -> b.header("Authorization", "Bearer " + TestTokens.admin()));
        assertThat(problem(response, 414).get("type").asString()).endsWith(":uri-too-long");
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413ProblemJsonAndIsNotForwarded() throws Exception {
        String body = "{\"title\":\"" + "x".repeat(1_300_000) + "\"}";
        HttpResponse<String> response = send("POST", "/api/projects", b -> b.header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode problem = problem(response, 413);
        assertThat(problem.get("type").asString()).endsWith(":body-too-large");
        assertThat(problem.get("limit").asLong()).isEqualTo(65_536);
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/projects/..%2F..%2Factuator%2Fenv", "/api/registry/platforms/plt-%00",
            "/api/registry/enterprises/ent-%5C..%5C", "/api/registry/designations/dsg-1;jsessionid=abc"})
    void aPathTheFirewallRejectsIs400ProblemJson(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, b -> b.header("Authorization", "Bearer " + TestTokens.admin()));
        assertThat(problem(response, 400).get("type").asString()).endsWith(":rejected-request");
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    /** Request targets java.net.URI refuses, so Spring's Netty adapter cannot make a request of them. */
    static Stream<String> requestTargetsThatAreNotUris() {
        return Stream.of("/api/projects?q=a|b", "/api/projects/%zz", "/api/projects/{id}", "/api/projects?q=\"x\"",
                "/api/projects/a^b", "/api/projects/a`b", "/api/projects/a\\b", "/api/projects?q=<x>", "/api/projects%",
                "/api/projects/[x]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestTargetsThatAreNotUris")
    void aRequestTargetThatIsNotAUriIs400ProblemJson(String target) throws Exception {
        String answer = rawAnswer("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.admin() + "\r\nConnection: close\r\n\r\n");
        assertRawProblem(answer, 400);
        assertThat(answer).doesNotContain(target);
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    /** Requests Netty's HTTP decoder cannot read; it answered each with an empty 400. */
    static Stream<String> requestsTheDecoderCannotRead() {
        return Stream.of(
                "GET /api/projects HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n",
                "POST /api/projects HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
                "POST /api/projects HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx",
                "POST /api/projects HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "GET /api/projects HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n",
                "HELLO\r\n\r\n");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("requestsTheDecoderCannotRead")
    void aRequestTheDecoderCannotReadIs400ProblemJson(String request) throws Exception {
        assertRawProblem(rawAnswer(request), 400);
        assertThat(PROJECTS.lastAuthorization.get()).isEqualTo("untouched");
    }

    /** Sends a request as bytes on a connection of its own and reads the answer until the gateway closes it. */
    private String rawAnswer(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRawProblem(String answer, int status) {
        assertThat(answer).contains("\r\n\r\n");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).startsWith("http/1.1 " + status).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(head).contains("x-request-id: " + problem.get("requestId").asString());
    }

    @Test
    void aPercentEncodedTargetStillReachesTheService() throws Exception {
        HttpResponse<String> response = send("GET", "/api/projects/%E6%B0%B8?q=a%7Cb", b -> b.header("Authorization", "Bearer " + TestTokens.admin()));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough HTTP/1.1 to read one answer off a kept-alive connection. */
    private static final class RawHttp {
        static int readStatus(InputStream in) throws IOException {
            String statusLine = line(in);
            long length = 0;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                    in.readNBytes(size);
                    line(in);
                }
                line(in);
            } else {
                in.readNBytes((int) length);
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
