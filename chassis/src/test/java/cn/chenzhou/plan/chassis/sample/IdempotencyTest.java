package cn.chenzhou.plan.chassis.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.idempotency.CommandKey;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.Money;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A client retrying a command with the same Idempotency-Key gets the same answer, and the command has one effect. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=widget-service")
class IdempotencyTest {
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chassis_idempotency_test");
        TestInfrastructure.createTopics(WidgetApplication.TOPIC, cn.chenzhou.plan.contracts.Topics.deadLetterOf(WidgetApplication.TOPIC));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Aggregates aggregates;

    @Autowired
    MeterRegistry meters;

    private double commands(String outcome) {
        var counter = meters.find("platform.idempotency.commands").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Http.Response post(String path, String key, String body) {
        Http http = Http.local(port);
        return http.send(http.builder(path, TestTokens.admin()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String widget(String id, String name) {
        return "{\"id\":\"" + id + "\",\"county\":\"431023\",\"name\":\"" + name + "\",\"price\":12}";
    }

    private long widgets(String id) {
        return mongo.getCollection("widgets").countDocuments(new Document("_id", id));
    }

    @Test
    void aRetriedCreateGetsTheSameAnswerAndCreatesOnce() {
        String id = "w-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        double replayedBefore = commands("replayed");
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            Http.Response first = post("/widgets", key, widget(id, "first"));
            Http.Response retry = post("/widgets", key, widget(id, "first"));
            assertThat(commands("replayed")).as("replays counted for the operator").isEqualTo(replayedBefore + 1);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(first.header("Idempotent-Replayed")).isNull();
            assertThat(widgets(id)).isEqualTo(1);
            assertThat(probe.drain(Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        double reusedBefore = commands("key_reused");
        assertThat(post("/widgets", key, widget("w-" + UUID.randomUUID(), "a")).status()).isEqualTo(201);
        Http.Response other = post("/widgets", key, widget("w-" + UUID.randomUUID(), "b"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith(":idempotency-key-reused");
        assertThat(commands("key_reused")).isEqualTo(reusedBefore + 1);
    }

    @Test
    void aRefusalIsRememberedToo() {
        String key = UUID.randomUUID().toString();
        String bad = "{\"id\":\"x\",\"county\":\"999999\",\"name\":\"n\",\"price\":1}";
        Http.Response first = post("/widgets", key, bad);
        Http.Response retry = post("/widgets", key, bad);
        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void tenRacingCopiesOfOneCommandHaveOneEffect() throws Exception {
        String id = "w-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> post("/widgets", key, widget(id, "racer"))));
            }
            // one carries the command out; each other copy is told it is under way or gets the same answer replayed —
            // never the store's "already exists", which is what racing copies would get without the key
            int carriedOut = 0;
            for (Future<Http.Response> answer : answers) {
                Http.Response r = answer.get();
                if (r.status() == 201 && !"true".equals(r.header("Idempotent-Replayed"))) {
                    carriedOut++;
                } else if (r.status() == 409) {
                    assertThat(r.json().get("type").asString()).as(r.toString()).endsWith(":idempotency-key-in-progress");
                } else {
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                }
            }
            assertThat(carriedOut).isEqualTo(1);
            assertThat(widgets(id)).isEqualTo(1);
            assertThat(probe.drain(Duration.ofSeconds(2))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterACrashBetweenTheWriteAndTheAnswerIsNotAppliedAgain() {
        String id = "w-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String recordId = sha256("plan-office\n" + key);
        // the first attempt wrote the widget (its key recorded in the same write) and died before answering:
        CommandKey.runAs(recordId, () -> aggregates.collection("widgets", WidgetApplication.Widget.class).insert(id,
                new WidgetApplication.Widget(id, "431023", "crashed", Money.ofYuan(12)),
                List.of(new PendingEvent(WidgetApplication.CREATED, id, "431023",
                        new WidgetApplication.WidgetCreated(id, "crashed", 1200))), "plan-office"));
        // …leaving its claim of the key in progress, with an expired lease (the fingerprint of the same request)
        mongo.getCollection("idempotency_keys").insertOne(new Document("_id", recordId)
                .append("fingerprint", sha256("POST /widgets?null\n" + widget(id, "crashed"))).append("state", "IN_PROGRESS")
                .append("createdAt", Date.from(Instant.now().minusSeconds(120)))
                .append("leaseUntil", Date.from(Instant.now().minusSeconds(60))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.getCollection("widgets").find(new Document("_id", id)).first().getList("_outbox", Document.class).isEmpty());

        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            Http.Response retry = post("/widgets", key, widget(id, "crashed"));
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.json().get("type").asString()).endsWith(":command-already-applied");
            assertThat(retry.json().get("id").asString()).isEqualTo(id);
            assertThat(widgets(id)).isEqualTo(1);
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aCommandMayCreateSeveralAggregatesOfOneKindAndItsRetryCreatesNone() {
        var widgets = aggregates.collection("widgets", WidgetApplication.Widget.class);
        String key = sha256("plan-office\n" + UUID.randomUUID());
        String first = "w-" + UUID.randomUUID();
        String second = "w-" + UUID.randomUUID();
        CommandKey.runAs(key, () -> {
            widgets.insert(first, new WidgetApplication.Widget(first, "431023", "a", Money.ofYuan(1)), List.of(), "plan-office");
            widgets.insert(second, new WidgetApplication.Widget(second, "431023", "b", Money.ofYuan(1)), List.of(), "plan-office");
        });
        assertThat(widgets(first)).isEqualTo(1);
        assertThat(widgets(second)).isEqualTo(1);
        String again = "w-" + UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandKey.runAs(key, () -> widgets.insert(again,
                        new WidgetApplication.Widget(again, "431023", "c", Money.ofYuan(1)), List.of(), "plan-office")))
                .isInstanceOf(cn.chenzhou.plan.chassis.idempotency.CommandAlreadyAppliedException.class);
        assertThat(widgets(again)).isZero();
    }

    @Test
    void aRetriedUpdateIsAppliedOnce() {
        String id = "w-" + UUID.randomUUID();
        assertThat(post("/widgets", UUID.randomUUID().toString(), widget(id, "a")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.getCollection("widgets").find(new Document("_id", id)).first().getList("_outbox", Document.class).isEmpty());
        String key = UUID.randomUUID().toString();
        Http http = Http.local(port);
        try (EventProbe probe = new EventProbe(WidgetApplication.TOPIC)) {
            for (int i = 0; i < 3; i++) {
                Http.Response r = http.send(http.builder("/widgets/" + id + "/name?version=1", TestTokens.admin())
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"renamed\"}")));
                assertThat(r.status()).isEqualTo(200);
            }
            assertThat(probe.drain(Duration.ofSeconds(2))).hasSize(1);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
