package cn.chenzhou.plan.chassis.web;

import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' JSON over HTTP. {@code application/problem+json} is what a refusal is, so only a problem is written
 * as one: Jackson's converter would write any answer as any {@code application/*+json} a client asks for, and a
 * success labelled as a problem is a lie a client may act on. A resource asked for only as problem+json is 406 —
 * before a command is carried out, since the chassis asks {@link #getSupportedMediaTypes(Class)} ahead of the
 * handler. Other {@code +json} types (the actuator's own) are written as before.
 */
final class AnswerJsonConverter extends JacksonJsonHttpMessageConverter {

    AnswerJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> type) {
        return ProblemDetail.class.isAssignableFrom(type) ? super.getSupportedMediaTypes(type) : List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        boolean asProblem = mediaType != null && mediaType.getType().equals("application")
                && mediaType.getSubtype().equals("problem+json");
        return (!asProblem || ProblemDetail.class.isAssignableFrom(valueClass)) && super.canWrite(type, valueClass, mediaType);
    }
}
