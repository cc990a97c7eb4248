package cn.chenzhou.plan.deploy;

import cn.chenzhou.plan.contracts.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the locked event bus needs of a deployment. Every Kafka client signs in as its own SCRAM user and may do only
 * what an ACL allows; the broker creates no topic by itself. So: each service needs its password; a broker of the
 * deployment's own (the embedded stack's, {@code PLATFORM_COMMAND=kafka}) needs the secrets file with every user's
 * password (without one its launcher makes up random passwords that no client knows); and something must create the
 * topics, the users and the ACLs — the {@code kafka-setup} role in a Job, or Strimzi's KafkaTopics and KafkaUsers.
 * Each check returns what it found wrong, one line per finding: empty means the manifests pass.
 */
final class BusChecks {
    /** The services with a Kafka user of their own: the topics' owners. */
    static final Set<String> KAFKA_SERVICES = new TreeSet<>(Topics.OWNERS.values());

    private BusChecks() {
    }

    /** A file a container reads from a Secret volume: the Secret and its key. */
    record SecretFile(String secret, String key) {
    }

    /**
     * Each Kafka client connects as the user named after it, with a password from a Secret ({@code KAFKA_USERNAME},
     * {@code KAFKA_PASSWORD}: the chassis makes SCRAM-SHA-512 of them), each password a Secret of its own. Without
     * them it would sign in with no password and be refused for good.
     */
    static List<String> kafkaCredentials(Workloads workloads) {
        List<String> found = new ArrayList<>();
        Map<String, String> passwordSecrets = new LinkedHashMap<>();
        for (String service : KAFKA_SERVICES) {
            Optional<Container> container = workloads.find(Deployment.class, service)
                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()
                            .filter(c -> c.getName().equals(service)).findFirst());
            if (container.isEmpty()) {
                found.add("Deployment " + service + ": no container " + service);
                continue;
            }
            Map<String, EnvVar> env = env(container.get());
            EnvVar username = env.get("KAFKA_USERNAME");
            if (username == null || !service.equals(username.getValue())) {
                found.add("Deployment " + service + ": KAFKA_USERNAME is not " + service);
            }
            EnvVar password = env.get("KAFKA_PASSWORD");
            if (password == null || password.getValueFrom() == null || password.getValueFrom().getSecretKeyRef() == null) {
                found.add("Deployment " + service + ": KAFKA_PASSWORD does not come from a Secret");
                continue;
            }
            String secret = password.getValueFrom().getSecretKeyRef().getName();
            String other = passwordSecrets.put(secret, service);
            if (other != null) {
                found.add("Deployment " + service + ": reads the Kafka password of " + other + " (Secret " + secret + ")");
            }
        }
        return found;
    }

    /**
     * Where the deployment runs its own broker, the bus is set up and every part of it reads the same passwords:
     * the broker and a one-shot Job in the {@code kafka-setup} role (pointed at a Service of the broker's) each read the
     * secrets file ({@code PLATFORM_SECRETS_FILE}) from one Secret, mounted read-only, which no other workload reads
     * (least privilege both ways: the bus's pods see no client secret or staff password, the services no Kafka
     * password but their own). With Strimzi, a KafkaTopic for every topic and a KafkaUser for every service. A
     * deployment that runs no broker at all is a finding too: every overlay runs one.
     */
    static List<String> busSetUp(Workloads workloads) {
        List<String> found = new ArrayList<>();
        List<Workloads.Pod> brokers = inRole(workloads, "kafka").toList();
        boolean strimzi = workloads.custom("Kafka").findAny().isPresent();
        if (brokers.isEmpty() && !strimzi) {
            found.add("no Kafka broker: neither the embedded stack's (PLATFORM_COMMAND=kafka) nor Strimzi's");
        }
        if (strimzi) {
            Set<String> topics = workloads.custom("KafkaTopic")
                    .map(t -> (String) ((Map<?, ?>) t.get("spec")).get("topicName")).collect(Collectors.toSet());
            platformTopics().stream().filter(t -> !topics.contains(t)).forEach(t -> found.add("no KafkaTopic " + t));
            Set<String> users = workloads.custom("KafkaUser").map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
            KAFKA_SERVICES.stream().filter(s -> !users.contains(s)).forEach(s -> found.add("no KafkaUser " + s));
        }
        if (brokers.isEmpty()) {
            return found;
        }
        List<Workloads.Pod> setups = inRole(workloads, "kafka-setup").toList();
        if (setups.isEmpty()) {
            found.add("the broker runs, but nothing creates the topics, users and ACLs (a Job in the kafka-setup role)");
        }
        Map<String, SecretFile> files = new LinkedHashMap<>();
        Stream.concat(brokers.stream(), setups.stream()).forEach(pod -> {
            Optional<SecretFile> file = secretsFile(pod, found);
            file.ifPresent(f -> files.put(pod.name(), f));
        });
        if (files.values().stream().distinct().count() > 1) {
            found.add("the broker and its set-up read different secrets files: " + files);
        }
        Set<String> busPods = Stream.concat(brokers.stream(), setups.stream()).map(Workloads.Pod::name).collect(Collectors.toSet());
        Set<String> busSecrets = files.values().stream().map(SecretFile::secret).collect(Collectors.toSet());
        workloads.pods().filter(p -> !busPods.contains(p.name())).forEach(p -> secretsRead(p).stream()
                .filter(busSecrets::contains).forEach(s -> found.add(p.name() + " reads the bus's Secret " + s)));
        for (Workloads.Pod setup : setups) {
            if (!(setup.owner() instanceof Job)) {
                found.add(setup.name() + ": the kafka-setup role runs once, as a Job");
            }
            String bootstrap = value(setup, "KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null || !bootstrap.matches("[a-z0-9.-]+:[0-9]+")) {
                found.add(setup.name() + ": KAFKA_BOOTSTRAP_SERVERS is not host:port but " + bootstrap);
                continue;
            }
            String host = bootstrap.substring(0, bootstrap.indexOf(':'));
            int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
            boolean reachesBroker = workloads.find(Service.class, host)
                    .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port))
                    .filter(s -> brokers.stream().anyMatch(b -> b.template().getMetadata().getLabels().entrySet()
                            .containsAll(s.getSpec().getSelector().entrySet())))
                    .isPresent();
            if (!reachesBroker) {
                found.add(setup.name() + ": " + bootstrap + " is no Service port of the broker's");
            }
        }
        return found;
    }

    /** The Secrets and keys the bus's secrets file comes from, for each broker and set-up pod. */
    static Set<SecretFile> busSecretsFiles(Workloads workloads) {
        return Stream.concat(inRole(workloads, "kafka"), inRole(workloads, "kafka-setup"))
                .flatMap(pod -> secretsFile(pod, new ArrayList<>()).stream()).collect(Collectors.toSet());
    }

    /** Every topic of the platform: each owner's, and the dead-letter topic of each topic that has a reader. */
    static Set<String> platformTopics() {
        Set<String> topics = new TreeSet<>(Topics.OWNERS.keySet());
        Topics.EVENT_TOPICS.forEach(t -> topics.add(Topics.deadLetterOf(t)));
        return topics;
    }

    /** The pods with a container in an embedded-stack role: its first argument, or else PLATFORM_COMMAND. */
    static Stream<Workloads.Pod> inRole(Workloads workloads, String role) {
        return workloads.pods().filter(p -> p.template().getSpec().getContainers().stream().anyMatch(c -> role.equals(role(c))));
    }

    private static String role(Container c) {
        if (c.getArgs() != null && !c.getArgs().isEmpty()) {
            return c.getArgs().get(0);
        }
        EnvVar command = env(c).get("PLATFORM_COMMAND");
        return command == null ? null : command.getValue();
    }

    /**
     * The Secret and key the pod's PLATFORM_SECRETS_FILE is, if it is a file of a Secret volume mounted read-only;
     * otherwise a finding.
     */
    private static Optional<SecretFile> secretsFile(Workloads.Pod pod, List<String> found) {
        for (Container c : pod.template().getSpec().getContainers()) {
            String path = env(c).containsKey("PLATFORM_SECRETS_FILE") ? env(c).get("PLATFORM_SECRETS_FILE").getValue() : null;
            String where = pod.name() + " container " + c.getName();
            if (path == null) {
                found.add(where + ": no PLATFORM_SECRETS_FILE (the launcher would make up passwords no client knows)");
                return Optional.empty();
            }
            Optional<VolumeMount> mount = (c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()).stream()
                    .filter(m -> m.getSubPath() == null && path.startsWith(m.getMountPath().replaceAll("/$", "") + "/"))
                    .findFirst();
            Optional<Volume> volume = mount.flatMap(m -> pod.template().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(m.getName())).findFirst());
            if (volume.isEmpty() || volume.get().getSecret() == null) {
                found.add(where + ": PLATFORM_SECRETS_FILE " + path + " is not on a Secret volume");
                return Optional.empty();
            }
            if (!Boolean.TRUE.equals(mount.get().getReadOnly())) {
                found.add(where + ": the secrets file's volume is not mounted read-only");
            }
            String file = path.substring(mount.get().getMountPath().replaceAll("/$", "").length() + 1);
            List<KeyToPath> items = volume.get().getSecret().getItems();
            String key = items == null || items.isEmpty() ? file
                    : items.stream().filter(i -> i.getPath().equals(file)).map(KeyToPath::getKey).findFirst().orElse(null);
            if (key == null) {
                found.add(where + ": the Secret volume has no item " + file);
                return Optional.empty();
            }
            return Optional.of(new SecretFile(volume.get().getSecret().getSecretName(), key));
        }
        return Optional.empty();
    }

    /** Every Secret a pod reads, by volume or by variable. */
    private static Set<String> secretsRead(Workloads.Pod pod) {
        Set<String> secrets = new TreeSet<>();
        (pod.template().getSpec().getVolumes() == null ? List.<Volume>of() : pod.template().getSpec().getVolumes()).stream()
                .map(Volume::getSecret).filter(Objects::nonNull).forEach(s -> secrets.add(s.getSecretName()));
        pod.containers().stream().flatMap(c -> env(c).values().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> secrets.add(e.getValueFrom().getSecretKeyRef().getName()));
        return secrets;
    }

    private static String value(Workloads.Pod pod, String variable) {
        return pod.template().getSpec().getContainers().stream().map(c -> env(c).get(variable)).filter(Objects::nonNull)
                .map(EnvVar::getValue).findFirst().orElse(null);
    }

    private static Map<String, EnvVar> env(Container c) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()).forEach(e -> env.put(e.getName(), e));
        return env;
    }
}
