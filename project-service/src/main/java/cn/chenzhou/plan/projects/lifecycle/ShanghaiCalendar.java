package cn.chenzhou.plan.projects.lifecycle;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's dates are calendar dates in Asia/Shanghai, whatever zone the JVM runs in: "today", for the
 * {@code @PastOrPresent} behind {@link EffectiveDate}, is today in Chenzhou.
 */
@Configuration(proxyBeanMethods = false)
class ShanghaiCalendar {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    ValidationConfigurationCustomizer shanghaiValidationClock() {
        return configuration -> configuration.clockProvider(() -> Clock.system(ZONE));
    }
}
