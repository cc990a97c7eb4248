package cn.chenzhou.plan.stack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What a Kafka client tries against the bus — produce, read, create and delete a topic — each answered with what
 * stopped it (the broker's refusal, or a timeout for a client it never let in), or null when it was allowed.
 */
public final class BusAttempts {
    private BusAttempts() {
    }

    /** The client's settings with short timeouts, so that a refused or never-admitted client answers in seconds. */
    public static Map<String, Object> impatient(Map<String, Object> config) {
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 5000);
        config.put("max.block.ms", 5000);
        config.put("delivery.timeout.ms", 5000);
        config.put("linger.ms", 0);
        return config;
    }

    public static Throwable produce(Map<String, Object> client, String topic) {
        return produce(client, new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)));
    }

    public static Throwable produce(Map<String, Object> client, ProducerRecord<byte[], byte[]> record) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    public static Throwable read(Map<String, Object> client, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // a client that cannot even connect times out here instead of polling nothing forever
            consumer.position(partition, Duration.ofSeconds(5));
            consumer.poll(Duration.ofSeconds(1));
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    public static Throwable create(Map<String, Object> client, String topic) {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    public static Throwable delete(Map<String, Object> client, String topic) {
        try (Admin admin = Admin.create(client)) {
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }
}
