package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
    void kafkaKeepsItsRecordsAndUsersAcrossARestartOnTheSameDirectory() throws Exception {
        int port = FreePorts.next();
        int controller = FreePorts.next();
        BusCredentials users = BusCredentials.generated();
        try (EmbeddedKafka kafka = new EmbeddedKafka(port, controller, dir.resolve("kafka"), "127.0.0.1", "localhost", users).start()) {
            try (Admin admin = Admin.create(kafka.client(BusCredentials.ADMIN))) {
                admin.createTopics(List.of(new NewTopic("restart.test", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = producer(kafka.client(BusCredentials.ADMIN))) {
                producer.send(new ProducerRecord<>("restart.test", "k", "before")).get();
            }
        }
        try (EmbeddedKafka kafka = new EmbeddedKafka(port, controller, dir.resolve("kafka"), "127.0.0.1", "localhost", users).start();
             KafkaProducer<String, String> producer = producer(kafka.client(BusCredentials.ADMIN))) {
            producer.send(new ProducerRecord<>("restart.test", "k", "after")).get();
            assertThat(readAll(kafka.client(BusCredentials.ADMIN), "restart.test", 2)).containsExactly("before", "after");
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

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(Map<String, Object> client, String topic, int expected) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "t");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
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
