package cn.chenzhou.plan.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem+json written by the gateway itself, in the same shape the services use. */
final class Problems {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TYPE_PREFIX = cn.chenzhou.plan.contracts.ProblemTypes.PREFIX;

    private Problems() {
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String detail) {
        return write(response, status, type, detail, Map.of());
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String detail,
                            Map<String, Object> extra) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        String requestId = response.getHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extra);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
