package cn.chenzhou.plan.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The size limits of a request, enforced by the gateway itself so that a refusal is problem+json like every other:
 * an over-long URI is a 414, too many or too large headers a 431, a body whose declared length is over the services'
 * limit a 413 (a chunked body is measured by the service as it reads it). Refusing a declared-too-large body here,
 * before it is forwarded, matters: a service answers 413 and closes the connection without reading the rest, and
 * the gateway, still writing it, would see a broken connection and answer 503. Reactor Netty's decoder would refuse such requests
 * before any filter runs, with an empty body; its own limits are set well above these
 * ({@code server.max-http-request-header-size}, {@code server.netty.max-initial-line-length}) so that it lets them
 * through to here.
 *
 * <p>The limits keep what the gateway forwards — with the few headers it adds — within what the services' Tomcat
 * accepts (16 KB for the request line and headers together, 100 headers), so a service never refuses a request the
 * gateway let through.
 */
@Component
class RequestLimitsFilter implements WebFilter, Ordered {
    private final int maxUriLength;
    private final int maxHeaders;
    private final long maxHeaderBytes;
    private final long maxBodyBytes;

    RequestLimitsFilter(@Value("${platform.request-limits.max-uri-length}") int maxUriLength,
                        @Value("${platform.request-limits.max-headers}") int maxHeaders,
                        @Value("${platform.request-limits.max-header-size}") DataSize maxHeaderSize,
                        @Value("${platform.request-limits.max-body-size}") DataSize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaders = maxHeaders;
        this.maxHeaderBytes = maxHeaderSize.toBytes();
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        String rawQuery = request.getURI().getRawQuery();
        int uriLength = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (uriLength > maxUriLength) {
            return Problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long",
                    "the request's path and query are " + uriLength + " characters; the limit is " + maxUriLength,
                    Map.of("limit", maxUriLength));
        }
        HttpHeaders headers = request.getHeaders();
        int count = 0;
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                count++;
                // as on the wire: "Name: value" and a line end
                bytes += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        if (count > maxHeaders) {
            return Problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "too-many-headers",
                    "the request has " + count + " header fields; the limit is " + maxHeaders, Map.of("limit", maxHeaders));
        }
        if (bytes > maxHeaderBytes) {
            return Problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "the request's headers are " + bytes + " bytes; the limit is " + maxHeaderBytes,
                    Map.of("limit", maxHeaderBytes));
        }
        long declaredBody = headers.getContentLength();
        if (declaredBody > maxBodyBytes) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "the request body is " + declaredBody + " bytes; the limit is " + maxBodyBytes,
                    Map.of("limit", maxBodyBytes));
        }
        return chain.filter(exchange);
    }

    /** Right after the request id is given, before security, routing or anything else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
