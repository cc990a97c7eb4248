package cn.chenzhou.plan.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem+json written by the gateway itself, in the same shape the services use. */
final class Problems {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TYPE_PREFIX = cn.chenzhou.plan.contracts.ProblemTypes.PREFIX;

    private Problems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        return write(exchange, status, type, detail, Map.of());
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
                            Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        String body = json(status, type, detail, response.getHeaders().getFirst(RequestIdFilter.HEADER),
                RequestIdFilter.traceId(exchange), extra);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * The problem's JSON, also for answers written where there is no Spring response (see {@link UnreadableRequests});
     * {@code requestId} and {@code traceId} are left out when null.
     */
    static String json(HttpStatus status, String type, String detail, String requestId, String traceId,
                       Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        body.putAll(extra);
        return JSON.writeValueAsString(body);
    }
}
