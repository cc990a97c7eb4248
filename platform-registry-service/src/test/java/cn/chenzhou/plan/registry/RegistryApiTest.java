package cn.chenzhou.plan.registry;

import cn.chenzhou.plan.chassis.testing.Outboxes;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry service as it runs — its HTTP server, security, the real Kafka broker and MongoDB-wire server — shared
 * by every API test class (one Spring context, one database). Tests use fresh credit codes, so they never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistryApiTest {
    protected static final String YONGXING = "431023";
    protected static final String BEIHU = "431002";
    protected static final String ZIXING = "431081";
    protected static final String SUXIAN = "431003";
    protected static final List<String> COLLECTIONS = List.of("platforms", "designations", "alliances", "enterprises", "assessments");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registry_api_test");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected Http http() {
        return Http.local(port);
    }

    /** Today in Asia/Shanghai, as the service sees it. */
    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** Waits until every event stored so far has been relayed, so a probe created next sees only what follows. */
    protected void awaitRelayed() {
        Outboxes.awaitEmpty(mongo);
    }

    /** A probe on {@code registry.events} that sees only the events of what the test does next. */
    protected EventProbe probe() {
        awaitRelayed();
        return new EventProbe(Topics.REGISTRY);
    }

    /** A refusal as a client reads it, less what names the request itself (its id and its path). */
    protected static JsonNode problemOf(Http.Response response) {
        ObjectNode problem = (ObjectNode) response.json();
        problem.remove("requestId");
        problem.remove("traceId");
        problem.remove("instance");
        return problem;
    }

    protected long stored(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    protected static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> events, String key) {
        return events.stream().filter(e -> key.equals(e.key())).toList();
    }

    protected static String type(ConsumerRecord<String, byte[]> event) {
        return EventProbe.header(event, "ce_type");
    }

    protected static JsonNode data(ConsumerRecord<String, byte[]> event) {
        return JSON.readTree(new String(event.value(), StandardCharsets.UTF_8));
    }

    protected static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    /** Sends the same request from {@code n} threads at the same moment; returns their responses. */
    protected static List<Http.Response> race(int n, Callable<Http.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Http.Response> responses = new java.util.ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
