package cn.chenzhou.plan.gateway;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway decides which requests are traced, not their callers: a caller's W3C trace is continued (its trace id
 * kept, so its own records and ours match), but the sampled flag it sends is not obeyed — otherwise any client could
 * have every request of its own recorded and exported whatever the platform's rate ({@code
 * management.tracing.sampling.probability}). The services behind the gateway follow the gateway's decision.
 */
@Configuration(proxyBeanMethods = false)
class TraceSampling {

    /** Replaces Boot's parent-based sampler: the same ratio for a new trace and for one a caller started. */
    @Bean
    Sampler otelSampler(@Value("${management.tracing.sampling.probability}") double probability) {
        Sampler ratio = Sampler.traceIdRatioBased(probability);
        return Sampler.parentBasedBuilder(ratio)
                .setRemoteParentSampled(ratio)
                .setRemoteParentNotSampled(ratio)
                .build();
    }
}
