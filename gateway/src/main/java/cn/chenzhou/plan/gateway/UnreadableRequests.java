package cn.chenzhou.plan.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests the gateway cannot read are refused in the same problem+json as every other refusal, not with the empty
 * 400 that Reactor Netty and Spring's adapter send before any filter runs: a request line or header Netty's decoder
 * cannot parse (a header name with a space, a control character, two Content-Lengths, Content-Length beside
 * Transfer-Encoding, a line that is no request), and a request target java.net.URI refuses ({@code ?q=a|b},
 * {@code /%zz}, a raw {@code {}}) — Spring builds each request's URI with it and answers an empty 400 when it fails.
 * Nothing of the request is echoed; the connection is closed, since the rest of it cannot be trusted to frame.
 *
 * <p>A handler right after Netty's HTTP codec, put there through Spring Boot's hook for the Netty server. The URI
 * check is the adapter's own, made only for a target with a character outside the plain URI set.
 */
@Component
class UnreadableRequests implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "platform.unreadableRequests", new Refuser());
            }
        });
    }

    /** Why the request cannot be read, as a status and a detail; null if it can. */
    static Refusal refusalOf(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(HttpStatus.URI_TOO_LONG, "uri-too-long", "the request line is too long");
            }
            if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                return new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "the request's headers are too large");
            }
            return new Refusal(HttpStatus.BAD_REQUEST, "bad-request",
                    "the request line or headers are malformed (" + cause.getClass().getSimpleName() + ")");
        }
        String problem = targetProblem(request.uri());
        return problem == null ? null : new Refusal(HttpStatus.BAD_REQUEST, "bad-request",
                "the request target is not a valid URI (" + problem + "): percent-encode it");
    }

    /** Why java.net.URI refuses the target (as Spring will), or null if it takes it. */
    static String targetProblem(String target) {
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

    /** Letters, digits and the characters RFC 3986 allows unencoded, with every {@code %} followed by two hex digits. */
    private static boolean plain(String text) {
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

    record Refusal(HttpStatus status, String type, String detail) {
    }

    /** Answers an unreadable request itself and closes; passes every other message on. */
    private static final class Refuser extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            Refusal refusal = message instanceof HttpRequest request ? refusalOf(request) : null;
            if (refusal == null) {
                context.fireChannelRead(message);
                return;
            }
            ReferenceCountUtil.release(message);
            String requestId = UUID.randomUUID().toString();
            byte[] body = Problems.json(refusal.status(), refusal.type(), refusal.detail(), requestId, null, Map.of())
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(refusal.status().value()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(RequestIdFilter.HEADER, requestId)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
