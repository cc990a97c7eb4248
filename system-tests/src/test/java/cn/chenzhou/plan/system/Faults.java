package cn.chenzhou.plan.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The faults the suite and the soak inject into the containers, each a named step; {@link #done} keeps what was
 * injected (and what could not be, and why) for the report.
 */
final class Faults {
    /** A fault: what it does, and doing it (including the recovery it ends with). */
    record Fault(String name, Step step) {
    }

    interface Step {
        /** @return what exactly was done, for the report (or null: the name says it) */
        String run() throws Exception;
    }

    private static final List<String> SERVICES = List.of("project-service", "funding-1", "funding-2",
            "platform-registry-service", "reporting-service", "gateway");

    final List<String> done = new ArrayList<>();
    private final PlatformContainers platform;
    private final LoadGenerator load;

    Faults(PlatformContainers platform, LoadGenerator load) {
        this.platform = platform;
        this.load = load;
    }

    /** Every fault once, in an order that leaves each a few seconds of load before the next. */
    void all() throws Exception {
        for (Fault f : list()) {
            inject(f);
        }
    }

    List<Fault> list() {
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("Kafka broker killed (-9), down 12 s, restarted", () -> {
            platform.kill("kafka");
            pause(Duration.ofSeconds(12));
            platform.restart("kafka");
            return null;
        }));
        faults.add(new Fault("store killed (-9) under load, impatient clients told it failed, restarted", () -> {
            platform.kill("mongo");
            load.impatientDrafts();
            pause(Duration.ofSeconds(3));
            platform.restart("mongo");
            return null;
        }));
        faults.add(new Fault("Kafka broker frozen 25 s (past the producers' 15 s delivery timeout and the relays'"
                + " 10 s lease)", () -> {
            platform.pause("kafka");
            pause(Duration.ofSeconds(25));
            platform.unpause("kafka");
            return null;
        }));
        for (String service : SERVICES) {
            faults.add(new Fault(service + " killed (-9) and restarted", () -> {
                platform.kill(service);
                pause(Duration.ofSeconds(3));
                platform.restart(service);
                return null;
            }));
        }
        faults.add(new Fault("project-service frozen 10 s", () -> {
            platform.pause("project-service");
            pause(Duration.ofSeconds(10));
            platform.unpause("project-service");
            return null;
        }));
        faults.add(new Fault("funding-1 cut off the network (Kafka, MongoDB, gateway) 10 s, reconnected", () -> {
            platform.disconnect("funding-1");
            pause(Duration.ofSeconds(10));
            platform.reconnect("funding-1");
            return null;
        }));
        faults.add(new Fault("reporting-service cut off the network 15 s, reconnected", () -> {
            platform.disconnect("reporting-service");
            pause(Duration.ofSeconds(15));
            platform.reconnect("reporting-service");
            return null;
        }));
        faults.add(new Fault("slow, lossy network for project-service and funding-1, 20 s", this::slowNetwork));
        faults.add(new Fault("the store's disk full for 15 s, then space returned", this::fullDisk));
        faults.add(new Fault("an event delivered twice (republished by the suite)",
                () -> republishAnEvent(platform.kafkaClient())));
        return faults;
    }

    void inject(Fault fault) throws Exception {
        Instant started = Instant.now();
        System.out.println(java.time.LocalTime.now().withNano(0) + " fault: " + fault.name());
        String what = fault.step().run();
        done.add(fault.name() + (what == null ? "" : ": " + what) + " ("
                + Duration.between(started, Instant.now()).toSeconds() + " s)");
        pause(Duration.ofSeconds(5));
    }

    private String slowNetwork() throws Exception {
        if (platform.hostFaultsUnavailable != null) {
            return "NOT INJECTED: " + platform.hostFaultsUnavailable;
        }
        List<Long> pids = List.of(platform.pid("project-service"), platform.pid("funding-1"));
        String how = null;
        try {
            for (long pid : pids) {
                how = HostFaults.slowNetwork(pid);
            }
            pause(Duration.ofSeconds(20));
        } finally {
            pids.forEach(HostFaults::normalNetwork);
        }
        return how;
    }

    private String fullDisk() throws Exception {
        if (platform.storeDisk == null) {
            return "NOT INJECTED: " + platform.hostFaultsUnavailable;
        }
        long filled;
        try {
            filled = HostFaults.fill(platform.storeDisk);
            pause(Duration.ofSeconds(15));
        } finally {
            HostFaults.free(platform.storeDisk);
        }
        return platform.storeDiskMb + " MB tmpfs, " + filled / (1024 * 1024) + " MB of filler";
    }

    /** Publishes a byte-for-byte copy of an event already on the projects topic (same key, headers and value). */
    static String republishAnEvent(Map<String, Object> client) throws Exception {
        Map<String, Object> consumerProps = new java.util.HashMap<>(client);
        consumerProps.putAll(Map.of("group.id", "duplicate-" + UUID.randomUUID(), "enable.auto.commit", false));
        Map<String, Object> producerProps = new java.util.HashMap<>(client);
        producerProps.put("acks", "all");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            TopicPartition partition = new TopicPartition("projects.events", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    ProducerRecord<String, byte[]> copy = new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(),
                            r.headers());
                    producer.send(copy).get(30, TimeUnit.SECONDS);
                    var id = r.headers().lastHeader("ce_id");
                    return "event " + new String(id.value(), StandardCharsets.UTF_8) + " of " + r.key();
                }
            }
        }
        return "NOT INJECTED: no event on projects.events partition 0";
    }

    static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
