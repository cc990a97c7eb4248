package cn.chenzhou.plan.chassis.web;

import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a list endpoint take {@link PageParameters}: reads {@code page} (default 0) and {@code size} (default
 * {@value PageParameters#DEFAULT_SIZE}) from the query, and refuses — 400, naming the parameter — anything but one
 * plain whole number within the bounds. Digits are checked before any number is made of them, so no value
 * (a 20-digit page, a sign, a blank) reaches an {@code int} that could overflow.
 */
final class PageParametersResolver implements HandlerMethodArgumentResolver {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageParameters.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        int page = read(request, "page", 0, PageParameters.MAX_PAGE, 0);
        int size = read(request, "size", 1, PageParameters.MAX_SIZE, PageParameters.DEFAULT_SIZE);
        return new PageParameters(page, size);
    }

    private static int read(NativeWebRequest request, String name, int min, int max, int absent) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return absent;
        }
        String range = "must be a whole number from " + min + " to " + max;
        if (values.length != 1) {
            throw ApiException.invalidField(name, range + ", given once");
        }
        String value = values[0].strip();
        if (!DIGITS.matcher(value).matches()) {
            throw ApiException.invalidField(name, range);
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw ApiException.invalidField(name, range);
        }
        return number;
    }
}
