package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The topics' partitions, copies and in-sync copies come from the environment, with defaults for one broker. */
class BusSettingsTest {

    @Test
    void oneBrokerByDefaultAndOneCopyFewerInSyncThanThereAreCopies() {
        assertThat(BusSettings.fromEnvironment(Map.of())).isEqualTo(new BusSettings(3, (short) 1, (short) 1));
        assertThat(BusSettings.fromEnvironment(Map.of("KAFKA_REPLICATION_FACTOR", "3")))
                .isEqualTo(new BusSettings(3, (short) 3, (short) 2));
        assertThat(BusSettings.fromEnvironment(Map.of("KAFKA_PARTITIONS", "6", "KAFKA_REPLICATION_FACTOR", "3",
                "KAFKA_MIN_INSYNC_REPLICAS", "3"))).isEqualTo(new BusSettings(6, (short) 3, (short) 3));
    }

    @Test
    void moreInSyncCopiesThanCopiesOrANonNumberIsRefused() {
        assertThatThrownBy(() -> BusSettings.fromEnvironment(Map.of("KAFKA_MIN_INSYNC_REPLICAS", "2")))
                .hasMessageContaining("KAFKA_MIN_INSYNC_REPLICAS");
        assertThatThrownBy(() -> BusSettings.fromEnvironment(Map.of("KAFKA_PARTITIONS", "three")))
                .hasMessageContaining("KAFKA_PARTITIONS");
    }

    @Test
    void everyTopicIsCreatedWithThem() {
        BusSettings bus = new BusSettings(6, (short) 3, (short) 2);
        assertThat(BusSetup.topics(bus)).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(BusSetup.topics(bus)).filteredOn(t -> !t.name().endsWith(".dlt"))
                .allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(6));
    }
}
