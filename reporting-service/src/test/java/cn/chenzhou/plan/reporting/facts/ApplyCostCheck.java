package cn.chenzhou.plan.reporting.facts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.facts.model.FactBook;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the suite: prints the cost of decoding and applying one event, without Kafka. Run it with
 * {@code mvn -pl reporting-service test -Dtest=ApplyCostCheck -Dreporting.throughput=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ApplyCostCheck {
    @Test
    void printsTheCostOfDecodingAndApplyingAnEvent() {
        assumeTrue(Boolean.getBoolean("reporting.throughput"), "throughput check: run with -Dreporting.throughput=true");
        JsonMapper json = JsonMapper.builder().build();
        EventDecoder decoder = new EventDecoder(json);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        int n = 300_000;
        List<String> counties = County.codes();
        for (int i = 0; i < n; i++) {
            String id = "d-" + (i % 100_000);
            String county = counties.get(i % counties.size());
            byte[] data = json.writeValueAsBytes(new DesignationGranted(id, county, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL",
                    "示范单位 " + id, null, "doc-" + i, "2013-0" + (1 + i % 9) + "-15"));
            ProducerRecord<String, byte[]> p = KafkaMessageFactory.<String>createWriter(cn.chenzhou.plan.contracts.Topics.REGISTRY, id).writeBinary(CloudEventBuilder.v1()
                    .withId("e" + i).withSource(URI.create("/platform-registry-service")).withType(RegistryEvents.DESIGNATION_GRANTED.type())
                    .withSubject(id).withTime(OffsetDateTime.now()).withExtension("county", county).withExtension("actor", "a")
                    .withExtension("sequence", 1 + i / 100_000).withData(data).build());
            records.add(new ConsumerRecord<>(cn.chenzhou.plan.contracts.Topics.REGISTRY, 0, i, 0L, TimestampType.CREATE_TIME, 0, 0, id, data, p.headers(), Optional.empty()));
        }
        for (int round = 0; round < 5; round++) {
            FactBook book = new FactBook();
            long t0 = System.nanoTime();
            List<DecodedEvent> decoded = new ArrayList<>(n);
            for (ConsumerRecord<String, byte[]> r : records) {
                decoded.add(decoder.decode(r));
            }
            long t1 = System.nanoTime();
            for (DecodedEvent e : decoded) {
                book.apply(e.aggregate(), e.sequence(), e.data());
            }
            long t2 = System.nanoTime();
            System.out.printf("APPLYCOST round %d: decode %.2f µs/event, apply %.2f µs/event%n", round,
                    (t1 - t0) / 1000.0 / n, (t2 - t1) / 1000.0 / n);
        }
    }
}
