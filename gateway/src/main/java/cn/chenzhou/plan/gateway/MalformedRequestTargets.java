package cn.chenzhou.plan.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A request target that is not a URI ({@code /api/projects?q=a|b}, {@code /api/projects/%zz}, a raw {@code {}}) is
 * refused by Spring's Netty adapter before any filter runs — with an empty 400. This answers it first, in the same
 * problem+json as every other refusal (naming the position, never echoing the target), through Spring Boot's own
 * hook for Netty routes.
 *
 * <p>The check is the adapter's own (java.net.URI, which Spring's host handling never trips), and is made only for a
 * target with a character outside the plain URI set, so an ordinary request costs one scan of its target.
 */
@Component
class MalformedRequestTargets implements NettyRouteProvider {
    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> problem(request) != null, (request, response) -> refuse(problem(request), response));
    }

    /** Why Spring cannot make a URI of this request's target (as it does, with java.net.URI), or null if it can. */
    static String problem(HttpServerRequest request) {
        String target = request.uri();
        if (plain(target)) {
            return null;
        }
        String origin = "http://localhost";
        try {
            new URI(target.startsWith("/") ? origin + target : target);
            return null;
        } catch (URISyntaxException e) {
            int index = target.startsWith("/") ? e.getIndex() - origin.length() : e.getIndex();
            return e.getReason() + (index >= 0 ? " at index " + index : "");
        }
    }

    private static Mono<Void> refuse(String problem, HttpServerResponse response) {
        String requestId = UUID.randomUUID().toString();
        String body = Problems.json(HttpStatus.BAD_REQUEST, "bad-request",
                "the request target is not a valid URI (" + problem + "): percent-encode it", requestId, Map.of());
        return response.status(HttpResponseStatus.BAD_REQUEST)
                .header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(RequestIdFilter.HEADER, requestId)
                .header(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .sendString(Mono.just(body)).then();
    }

    /** Letters, digits and the characters RFC 3986 allows unencoded, with every {@code %} followed by two hex digits. */
    private static boolean plain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
