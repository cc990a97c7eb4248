package cn.chenzhou.plan.reporting.facts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the suite (run with -Dtest=FreshnessCheck -Dreporting.throughput=true; *Check classes are not in the
 * default run): how long from an event acknowledged by the broker to the read
 * model answering with it, at about 100 events a second. Prints p50 / p99; asserts nothing about time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class FreshnessCheck {
    private static final String PREFIX = "it-freshness";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_freshness_check");
        EventFeed.register(registry, PREFIX);
    }

    @Autowired
    FactsReadModel facts;

    @Test
    void anEventIsInTheReadModelWithinMillisecondsOfItsPublication() throws Exception {
        assumeTrue(Boolean.getBoolean("reporting.throughput"), "freshness check: run with -Dreporting.throughput=true");
        int n = 500;
        long[] micros = new long[n];
        try (EventFeed feed = new EventFeed(PREFIX)) {
            for (int i = 0; i < n; i++) {
                String id = "fresh-" + i;
                long start = System.nanoTime();
                feed.publish(RegistryEvents.DESIGNATION_GRANTED, id, "431023", new DesignationGranted(id, "431023",
                        "HIGH_TECH_ENTERPRISE", "NATIONAL", "企业 " + i, null, "doc", "2013-05-05"));
                String key = feed.topic(RegistryEvents.DESIGNATION_GRANTED) + "/" + id;
                while (facts.read(b -> b.sequenceOf(key)) < 1) {
                    Thread.sleep(0, 200_000);
                }
                micros[i] = (System.nanoTime() - start) / 1000;
                long pause = 10_000 - micros[i];
                if (pause > 0) {
                    Thread.sleep(pause / 1000);
                }
            }
        }
        Arrays.sort(micros);
        System.out.printf("FRESHNESS n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", n, micros[n / 2] / 1000.0,
                micros[(int) (n * 0.99)] / 1000.0, micros[n - 1] / 1000.0);
    }
}
