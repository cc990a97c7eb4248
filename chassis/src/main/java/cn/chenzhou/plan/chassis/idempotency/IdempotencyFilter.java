package cn.chenzhou.plan.chassis.idempotency;

import cn.chenzhou.plan.chassis.web.BodySizeLimitFilter;
import cn.chenzhou.plan.chassis.web.FieldProblem;
import cn.chenzhou.plan.chassis.web.ProblemWriter;
import cn.chenzhou.plan.chassis.web.Problems;
import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on every command (POST, PUT, PATCH, DELETE): the same key from the same
 * principal gets the same answer and has one effect, so a client may retry a write whose answer it never saw.
 *
 * <ul>
 *   <li>first request: claims the key, runs the command, stores its answer (2xx and 4xx; a 5xx releases the claim);</li>
 *   <li>a retry with the same request: the stored answer, marked {@code Idempotent-Replayed: true};</li>
 *   <li>the same key with a different request: 422; while the first is still running: 409 with {@code Retry-After};</li>
 *   <li>after a crash mid-command the claim expires; the retry runs again, and the aggregates it touches — which
 *       record the key in the same atomic write as the change ({@link CommandKey}) — refuse to apply it twice.</li>
 * </ul>
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final Map<IdempotencyStore.Outcome, Counter> outcomes = new EnumMap<>(IdempotencyStore.Outcome.class);

    /**
     * @param meters counts the commands by what their key made of them, {@code platform_idempotency_commands_total}
     *               with {@code outcome} = {@code claimed} (run), {@code replayed} (the stored answer), {@code
     *               in_progress}, {@code key_reused} (a different request)
     */
    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, MeterRegistry meters) {
        this.store = store;
        this.problems = problems;
        for (IdempotencyStore.Outcome outcome : IdempotencyStore.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("platform.idempotency.commands").tag("outcome", switch (outcome) {
                case REPLAY -> "replayed";
                case DIFFERENT_REQUEST -> "key_reused";
                case IN_PROGRESS -> "in_progress";
                case CLAIMED -> "claimed";
            }).description("commands with an Idempotency-Key, by what the key made of them").register(meters));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMANDS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!ACCEPTABLE.matcher(key).matches()) {
            problems.write(response, Problems.invalid(List.of(new FieldProblem(HEADER,
                    "must be 1 to 100 characters of letters, digits and . _ : -"))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodySizeLimitFilter.BodyTooLargeException e) {
            problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", e.getMessage()));
            return;
        }
        String recordId = sha256(authentication.getName() + "\n" + key);
        String fingerprint = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                + "\n" + new String(body, StandardCharsets.UTF_8));

        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(recordId, fingerprint);
        } catch (MongoException storeFailed) {
            response.setHeader("Retry-After", "1");
            problems.write(response, Problems.storeUnavailable());
            return;
        }
        outcomes.get(claim.outcome()).increment();
        switch (claim.outcome()) {
            case REPLAY -> replay(claim.record(), response);
            case DIFFERENT_REQUEST -> problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "this Idempotency-Key was already used for a different request"));
            case IN_PROGRESS -> {
                response.setHeader("Retry-After", "1");
                problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                        "a request with this Idempotency-Key is still being processed; retry shortly"));
            }
            case CLAIMED -> run(recordId, claim.retry(), body, request, response, chain);
        }
    }

    private void run(String recordId, boolean retry, byte[] body, HttpServletRequest request, HttpServletResponse response,
                     FilterChain chain) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        CommandKey.set(recordId, retry);
        boolean completed = false;
        try {
            chain.doFilter(new ReplayableRequest(request, body), captured);
            completed = true;
        } finally {
            CommandKey.clear();
            int status = captured.getStatus();
            try {
                if (completed && status < 500) {
                    store.complete(recordId, status, captured.getContentType(), captured.getHeader("Location"),
                            new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                } else {
                    store.release(recordId);
                }
            } catch (MongoException storeFailed) {
                // the command's own answer stands (its change was stored, or not, on its own); a retry finds the
                // aggregate holding the key, or the claim expired
                log.warn("could not record the answer to Idempotency-Key {}: {}", recordId, storeFailed.toString());
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Record record, HttpServletResponse response) throws IOException {
        response.setStatus(record.status());
        response.setHeader(REPLAYED, "true");
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader("Location", record.location());
        }
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(record.body().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once (to fingerprint it) and served again to the handler. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
