package cn.chenzhou.plan.chassis.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A date in a path or query parameter is {@code yyyy-MM-dd} and nothing else. Spring reads
 * {@code @DateTimeFormat(iso = DATE)} with {@link DateTimeFormatter#ISO_DATE}, which also takes an offset
 * ({@code 2013-06-01+08:00}), and an unannotated date with the locale's short style ({@code 6/1/13}); both are
 * refused here with the same 400 as any other malformed parameter. A parameter that names its own pattern or style
 * keeps it. A date outside {@link InputRules}' range is refused as in a body.
 */
final class IsoDateParameters implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, LocalDate.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        DateTimeFormat format = targetType.getAnnotation(DateTimeFormat.class);
        return format == null || (format.iso() == DateTimeFormat.ISO.DATE && format.pattern().isEmpty()
                && format.style().equals("SS") && format.fallbackPatterns().length == 0);
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String text = (String) source;
        // an empty parameter is an absent one, as Spring's own date parsing treats it
        if (text == null || text.isEmpty()) {
            return null;
        }
        LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        String problem = InputRules.dateProblem(date);
        if (problem != null) {
            throw new OutOfRange(problem);
        }
        return date;
    }

    /** A well-formed date outside the range; the refusal says so rather than "not a date". */
    static final class OutOfRange extends IllegalArgumentException {
        OutOfRange(String reason) {
            super(reason);
        }
    }
}
