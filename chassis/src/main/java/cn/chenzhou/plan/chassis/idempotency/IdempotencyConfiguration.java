package cn.chenzhou.plan.chassis.idempotency;

import cn.chenzhou.plan.chassis.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code Idempotency-Key} on every command of every service. */
@AutoConfiguration(after = cn.chenzhou.plan.chassis.outbox.OutboxConfiguration.class)
public class IdempotencyConfiguration {
    /** After Spring Security's filter (order -100), which establishes the principal the key belongs to. */
    static final int ORDER = -90;

    /**
     * The claim's lease outlasts the gateway's 20 s response timeout: a retry sent after the gateway gave up must not
     * take over a claim whose first attempt is still running (both would create the aggregate).
     */
    @Bean
    IdempotencyStore idempotencyStore(MongoTemplate mongo, Clock clock,
                                      @Value("${platform.idempotency.lease:30s}") Duration lease,
                                      @Value("${platform.idempotency.retention:24h}") Duration retention) {
        return new IdempotencyStore(mongo, clock, lease, retention);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService idempotencyHousekeeping(IdempotencyStore store) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-housekeeping");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                store.forgetOld();
            } catch (RuntimeException ignored) {
                // the database may be briefly away; the next round will do it
            }
        }, 10, 10, TimeUnit.MINUTES);
        return executor;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems,
                                                                MeterRegistry meters) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, problems, meters));
        registration.setOrder(ORDER);
        return registration;
    }
}
