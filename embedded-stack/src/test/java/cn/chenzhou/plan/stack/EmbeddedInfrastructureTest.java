package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void kafkaKeepsItsRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        int port = FreePorts.next();
        int controller = FreePorts.next();
        try (EmbeddedKafka kafka = new EmbeddedKafka(port, controller, dir.resolve("kafka"), "localhost").start();
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>("restart.test", "k", "before")).get();
        }
        try (EmbeddedKafka kafka = new EmbeddedKafka(port, controller, dir.resolve("kafka"), "localhost").start();
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>("restart.test", "k", "after")).get();
            assertThat(readAll(kafka.bootstrapServers(), "restart.test", 2)).containsExactly("before", "after");
        }
    }

    @Test
    void mongoOnH2KeepsDocumentsAcrossACleanRestart() {
        int port = FreePorts.next();
        Path file = dir.resolve("mongo/platform");
        try (EmbeddedMongo mongo = new EmbeddedMongo("localhost", port, file).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("d").getCollection("c").insertOne(new Document("_id", "a").append("n", 1));
        }
        try (EmbeddedMongo mongo = new EmbeddedMongo("localhost", port, file).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("d").getCollection("c").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "t",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
