package cn.chenzhou.plan.stack;

import static cn.chenzhou.plan.stack.testing.BusAttempts.create;
import static cn.chenzhou.plan.stack.testing.BusAttempts.delete;
import static cn.chenzhou.plan.stack.testing.BusAttempts.impatient;
import static cn.chenzhou.plan.stack.testing.BusAttempts.produce;
import static cn.chenzhou.plan.stack.testing.BusAttempts.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as the platform runs it, tried as an attacker on the same machine would: without credentials, with a wrong
 * password, and with one service's credentials against what only another service or the administrator may do.
 */
class EventBusLockTest {
    private static final String PROJECTS = "project-service";
    private static final String FUNDING = "funding-service";
    private static final String REPORTING = "reporting-service";

    @TempDir
    Path dir;

    private static Map<String, Object> as(String user) {
        Map<String, Object> config = new HashMap<>(SharedInfrastructure.kafkaCredentials()
                .client(user, SharedInfrastructure.kafkaBootstrapServers()));
        return impatient(config);
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordGetsNothing() {
        Map<String, Object> anonymous = impatient(new HashMap<>(Map.of("bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers())));
        assertThat(produce(anonymous, Topics.FUNDING)).isNotNull();
        assertThat(read(anonymous, Topics.FUNDING)).isNotNull();
        assertThat(create(anonymous, "anonymous.topic")).isNotNull();
        assertThat(delete(anonymous, Topics.FUNDING)).isNotNull();

        Map<String, Object> guessed = as(FUNDING);
        guessed.put("sasl.jaas.config", BusCredentials.scramLogin(FUNDING, "guessed"));
        assertThat(produce(guessed, Topics.FUNDING)).isInstanceOf(SaslAuthenticationException.class);
        assertThat(create(guessed, "guessed.topic")).isInstanceOf(SaslAuthenticationException.class);
        assertThat(topicsAsAdministrator()).contains(Topics.FUNDING).doesNotContain("anonymous.topic", "guessed.topic");
    }

    @Test
    void eachServiceWritesItsOwnTopicOnly() {
        Topics.OWNERS.forEach((topic, owner) -> {
            assertThat(produce(as(owner), topic)).as(owner + " writes " + topic).isNull();
            Topics.OWNERS.keySet().stream().filter(t -> !t.equals(topic)).forEach(other ->
                    assertThat(produce(as(owner), other)).as(owner + " writes " + other)
                            .isInstanceOf(TopicAuthorizationException.class));
        });
        assertThat(produce(as(PROJECTS), Topics.deadLetterOf(Topics.FUNDING))).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void onlyReportingReadsTheEventTopicsAndOnlyItSetsPoisonAside() {
        for (String topic : Topics.EVENT_TOPICS) {
            assertThat(read(as(REPORTING), topic)).as("reporting reads " + topic).isNull();
            assertThat(produce(as(REPORTING), Topics.deadLetterOf(topic))).as("reporting dead-letters " + topic).isNull();
            assertThat(produce(as(REPORTING), topic)).as("reporting writes " + topic).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(read(as(FUNDING), Topics.PROJECTS)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(read(as(PROJECTS), Topics.FUNDING)).isInstanceOf(TopicAuthorizationException.class);
        // an owner does not read even its own topic: nothing of the platform needs it to
        assertThat(read(as(FUNDING), Topics.FUNDING)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void noServiceCreatesOrDeletesATopic() {
        for (String service : BusCredentials.services()) {
            assertThat(create(as(service), service + ".own-topic")).as(service + " creates").isInstanceOf(AuthorizationException.class);
            assertThat(delete(as(service), Topics.PROJECTS)).as(service + " deletes").isInstanceOf(AuthorizationException.class);
        }
        assertThat(topicsAsAdministrator()).containsAll(Topics.OWNERS.keySet())
                .noneMatch(t -> t.endsWith(".own-topic"));
    }

    @Test
    void aDirectoryFormattedBeforeTheLockGetsItsUsersAndKeepsItsEvents() throws Exception {
        int port = FreePorts.next();
        int controller = FreePorts.next();
        Path logDir = dir.resolve("kafka");
        try (EmbeddedKafka kafka = new EmbeddedKafka(port, controller, logDir, "127.0.0.1", "localhost", BusCredentials.generated()).start()) {
            BusSetup.apply(kafka.client(BusCredentials.ADMIN), kafka.credentials(), new BusSettings(1, (short) 1, (short) 1));
            assertThat(produce(impatient(kafka.client(BusCredentials.ADMIN)), Topics.PROJECTS)).isNull();
        }
        // as a directory of an earlier version looks: formatted, events kept, none of today's credentials in it
        java.nio.file.Files.delete(logDir.resolve("platform-credentials"));
        BusCredentials today = BusCredentials.generated();
        try (EmbeddedKafka kafka = new EmbeddedKafka(port, controller, logDir, "127.0.0.1", "localhost", today).start();
             Admin admin = Admin.create(impatient(kafka.client(BusCredentials.ADMIN)))) {
            var end = admin.listOffsets(Map.of(new TopicPartition(Topics.PROJECTS, 0),
                    org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS);
            assertThat(end.get(new TopicPartition(Topics.PROJECTS, 0)).offset()).isEqualTo(1);
        }
    }

    /** The topics carry the in-sync copies the settings name, as a topic's own setting, not the broker's default. */
    @Test
    void theTopicsCarryTheirMinimumOfInSyncCopies() throws Exception {
        try (Admin admin = Admin.create(as(BusCredentials.ADMIN))) {
            for (String topic : List.of(Topics.PROJECTS, Topics.deadLetterOf(Topics.PROJECTS))) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource).get("min.insync.replicas");
                assertThat(entry.value()).as(topic).isEqualTo(String.valueOf(BusSettings.SINGLE_BROKER.minInSyncReplicas()));
                assertThat(entry.source()).as(topic).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            }
        }
    }

    private static java.util.Set<String> topicsAsAdministrator() {
        try (Admin admin = Admin.create(as(BusCredentials.ADMIN))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
