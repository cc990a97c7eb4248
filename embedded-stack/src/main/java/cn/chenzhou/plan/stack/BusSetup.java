package cn.chenzhou.plan.stack;

import cn.chenzhou.plan.contracts.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The event bus as the administrator sets it up before any service starts: every topic (the broker creates none by
 * itself), a SCRAM user per service, and the ACLs — nothing else is allowed:
 * <ul>
 *   <li>each service writes its own topic, and nothing else of the others';</li>
 *   <li>reporting-service reads the three event topics and writes its alerts, and the dead-letter topics of the
 *   topics it reads (a poison event is set aside by its consumer, with the reason);</li>
 *   <li>no service creates, deletes or reconfigures a topic, reads a consumer group or touches an ACL.</li>
 * </ul>
 * Running it again changes nothing but the users' credentials, which it sets again from the secrets file.
 */
public final class BusSetup {
    /** The one reader of the event topics. */
    static final String READER = "reporting-service";

    private BusSetup() {
    }

    /** Connects as the administrator and sets everything up. */
    public static void apply(Map<String, Object> adminClient, BusCredentials credentials, BusSettings bus) {
        try (Admin admin = Admin.create(adminClient)) {
            apply(admin, credentials, bus);
        }
    }

    static void apply(Admin admin, BusCredentials credentials, BusSettings bus) {
        try {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String service : BusCredentials.services()) {
                users.add(new UserScramCredentialUpsertion(service,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), credentials.password(service)));
            }
            admin.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
            awaitUsers(admin);
            createMissing(admin, topics(bus));
            List<AclBinding> acls = acls();
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
            awaitInEffect(admin, acls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the event bus", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not set up the event bus: " + e.getMessage(), e);
        }
    }

    /** The platform's topics: each owner's, and a dead-letter topic for each topic that has a reader. */
    static List<NewTopic> topics(BusSettings bus) {
        Map<String, String> config = Map.of("min.insync.replicas", String.valueOf(bus.minInSyncReplicas()));
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.OWNERS.keySet().stream().sorted().toList()) {
            topics.add(new NewTopic(topic, bus.partitions(), bus.replicationFactor()).configs(config));
        }
        for (String topic : Topics.EVENT_TOPICS) {
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, bus.replicationFactor()).configs(config));
        }
        return topics;
    }

    /** Every permission there is; whatever is not here is refused. */
    static List<AclBinding> acls() {
        Map<String, List<String>> writes = new LinkedHashMap<>();
        Topics.OWNERS.forEach((topic, owner) -> writes.computeIfAbsent(owner, o -> new ArrayList<>()).add(topic));
        List<AclBinding> acls = new ArrayList<>();
        writes.forEach((user, topics) -> topics.forEach(topic -> allow(acls, user, topic, AclOperation.WRITE)));
        for (String topic : Topics.EVENT_TOPICS) {
            allow(acls, READER, topic, AclOperation.READ);
            allow(acls, READER, Topics.deadLetterOf(topic), AclOperation.WRITE);
        }
        return acls;
    }

    /** {@code operation} on a topic, and the DESCRIBE a client needs to find its partitions. */
    private static void allow(List<AclBinding> acls, String user, String topic, AclOperation operation) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        for (AclOperation op : List.of(operation, AclOperation.DESCRIBE)) {
            AclBinding binding = new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
            if (!acls.contains(binding)) {
                acls.add(binding);
            }
        }
    }

    /**
     * The controller has the ACLs once they are created; the broker applies them a moment later. A service started in
     * that moment would be refused what it may do: wait until the broker answers with all of them.
     */
    private static void awaitInEffect(Admin admin, List<AclBinding> acls) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS).containsAll(acls)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker does not apply the ACLs");
            }
            Thread.sleep(50);
        }
    }

    /** As for the ACLs: until the broker knows every service's user, that service would be refused. */
    private static void awaitUsers(Admin admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.describeUserScramCredentials(BusCredentials.services()).all().get(60, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof ResourceNotFoundException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
    }

    private static void createMissing(Admin admin, List<NewTopic> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
