package cn.chenzhou.plan.chassis.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Refuses a request whose {@code Accept} no answer of its handler could satisfy — with 406, <em>before</em> the
 * handler runs. Spring MVC negotiates a handler's answer only after the handler returned, unless the mapping declares
 * {@code produces}: a command would be carried out (stored, its event sent) and then answered 406, so the client
 * believes it failed and retries. This asks the question Spring would ask afterwards (which media types the message
 * converters can write the handler's declared body type as) before the handler runs.
 *
 * <p>Left to Spring: mappings that declare {@code produces} (already negotiated while mapping), handlers whose answer
 * is not written by message converters (views, SSE emitters, streams), body-less answers, and bodies whose type the
 * signature does not tell ({@code Object}, {@code ResponseEntity<?>}). Downloads built as {@code byte[]} answer any
 * {@code Accept}, as before (their converter writes every media type).
 */
final class AcceptableAnswerInterceptor implements HandlerInterceptor {
    private static final List<MediaType> ANY = List.of();
    private final Supplier<RequestMappingHandlerAdapter> adapter;
    private final Supplier<ContentNegotiationManager> negotiation;
    private final Map<Method, List<MediaType>> producible = new ConcurrentHashMap<>();

    AcceptableAnswerInterceptor(Supplier<RequestMappingHandlerAdapter> adapter, Supplier<ContentNegotiationManager> negotiation) {
        this.adapter = adapter;
        this.negotiation = negotiation;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return true;
        }
        List<MediaType> answers = producible.computeIfAbsent(method.getMethod(), m -> producibleBy(method));
        if (answers.isEmpty()) {
            return true;
        }
        List<MediaType> accepted = negotiation.get().resolveMediaTypes(new ServletWebRequest(request));
        for (MediaType acceptable : accepted) {
            for (MediaType answer : answers) {
                if (acceptable.isCompatibleWith(answer)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(answers);
    }

    /** The media types the handler's answer can be written as; empty when that is not for this check to say. */
    private List<MediaType> producibleBy(HandlerMethod method) {
        MethodParameter returnType = method.getReturnType();
        HandlerMethodReturnValueHandler writer = adapter.get().getReturnValueHandlers().stream()
                .filter(h -> h.supportsReturnType(returnType)).findFirst().orElse(null);
        // Spring 7 hands a ResponseEntity to a ResponseEntityReturnValueHandler, which writes its body with the message
        // converters unless the body is streamed or emitted
        boolean entity = HttpEntity.class.isAssignableFrom(returnType.getParameterType());
        if (!entity && !(writer instanceof AbstractMessageConverterMethodProcessor)) {
            return ANY;
        }
        ResolvableType declared = ResolvableType.forMethodParameter(returnType);
        Class<?> body = entity ? declared.as(HttpEntity.class).getGeneric(0).resolve() : declared.resolve();
        if (body == null || body == Object.class || body == Void.class || body == void.class
                || ResponseBodyEmitter.class.isAssignableFrom(body) || StreamingResponseBody.class.isAssignableFrom(body)) {
            return ANY;
        }
        List<MediaType> types = new ArrayList<>();
        for (HttpMessageConverter<?> converter : adapter.get().getMessageConverters()) {
            if (converter.canWrite(body, null)) {
                types.addAll(converter.getSupportedMediaTypes(body));
            }
        }
        return types.isEmpty() || types.stream().anyMatch(t -> t.equals(MediaType.ALL)) ? ANY : List.copyOf(types);
    }
}
