package cn.chenzhou.plan.chassis.web;

import cn.chenzhou.plan.chassis.PlanCalendar;
import cn.chenzhou.plan.chassis.security.ActorLogContext;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The web conventions of every service: strict JSON (unknown fields, wrong types, coercions and duplicate keys
 * refused), dates as {@code yyyy-MM-dd} only, money as yuan, one way of paging ({@link PageParameters}), one rule for every text and date a request carries
 * ({@link InputRules}), request ids and the acting principal in every log line, a body-size limit, an {@code Accept} no answer can satisfy refused before
 * anything is done, and problem+json for every refusal — Tomcat's own and the error page included — and for nothing
 * else.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import({ProblemAdvice.class, ProblemErrorController.class})
public class WebConfiguration {

    @Bean
    ValueTypesJsonModule valueTypesJsonModule() {
        return new ValueTypesJsonModule();
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // {"title":"a","title":"b"} is not "b": a key twice in one object is refused, whatever reads it
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                // a date is yyyy-MM-dd: a lenient reader cuts "2013-06-01T08:00:00" to its date, and reads numbers as epoch days
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)));
    }

    /**
     * The JSON the services read and write over HTTP: requests are read with the {@link InputRules} (only here —
     * events and stored documents are read as they are), answers are labelled problem+json only when they are
     * problems ({@link AnswerJsonConverter}). After Spring Boot's own customizer, whose converter it replaces.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer requestInputRulesAndAnswerTypes(JsonMapper mapper) {
        JsonMapper http = mapper.rebuild().addModule(new InputRulesModule()).build();
        return builder -> builder.withJsonConverter(new AnswerJsonConverter(http));
    }

    @Bean
    WebMvcConfigurer negotiationAndDateParameters(ObjectProvider<RequestMappingHandlerAdapter> adapter,
                                                  @Qualifier("mvcContentNegotiationManager")
                                                  ObjectProvider<ContentNegotiationManager> negotiation) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptableAnswerInterceptor(
                        SingletonSupplier.of(adapter::getObject), SingletonSupplier.of(negotiation::getObject)));
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new IsoDateParameters());
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PageParametersResolver());
            }
        };
    }

    @Bean
    ProblemReportValve.Installer tomcatErrorReportAsProblemJson() {
        return new ProblemReportValve.Installer();
    }

    /** "Today" for {@code @PastOrPresent} and {@link EffectiveDate} is today in Chenzhou. */
    @Bean
    ValidationConfigurationCustomizer planCalendarForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(PlanCalendar.ZONE));
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper mapper) {
        return new ProblemWriter(mapper);
    }

    /** Inside Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}), so that the request's trace is known. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** After Spring Security's filters: the principal is known only once they have validated the token. */
    @Bean
    FilterRegistrationBean<ActorLogContext> actorLogContext() {
        FilterRegistrationBean<ActorLogContext> registration = new FilterRegistrationBean<>(new ActorLogContext());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(@Value("${platform.web.max-body-bytes}") long max,
                                                                    ProblemWriter writer) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(max, writer));
        // after the request id's filter, so that its refusals carry the request and trace ids
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
