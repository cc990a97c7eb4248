package cn.chenzhou.plan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.stack.PlatformSecrets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests under deploy/ as a cluster would take them: every YAML file read by the Kubernetes model, and the
 * base and each overlay rendered ({@link Kustomization}) and checked — probes, no root, fixed image tags, resources,
 * disruption budgets and autoscalers, references that resolve, the operators' users and rights, the variables the
 * services really read, and no real secret anywhere.
 */
class ManifestsTest {
    static final Path HOME = Path.of(System.getProperty("platform.home", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = HOME.resolve("deploy");
    /** The components with a state of their own in memory: one instance each, never autoscaled. */
    static final Set<String> SINGLE_INSTANCE = Set.of("reporting-service", "auth-server");
    static final Map<String, String> DATABASES = Map.of("project-service", "projects", "funding-service", "funding",
            "platform-registry-service", "registry", "reporting-service", "reporting");

    static Stream<Named<Path>> kustomizations() {
        return Stream.of("base", "overlays/operators", "overlays/embedded")
                .map(p -> Named.of(p, DEPLOY.resolve(p)));
    }

    static Stream<Named<Path>> overlays() {
        return kustomizations().filter(n -> !n.getName().equals("base"));
    }

    private static Workloads rendered(Path kustomization) {
        return Workloads.of(Kustomization.render(kustomization));
    }

    @Test
    void everyOverlayUnderDeployIsChecked() throws IOException {
        try (Stream<Path> dirs = Files.list(DEPLOY.resolve("overlays"))) {
            assertThat(dirs.map(d -> "overlays/" + d.getFileName()).collect(Collectors.toSet()))
                    .isEqualTo(overlays().map(Named::getName).collect(Collectors.toSet()));
        }
    }

    @Test
    void everyManifestFileFitsTheKubernetesModelWithoutAnUnknownField() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        List<Manifest> manifests = files.stream().flatMap(f -> Manifest.read(f).stream()).toList();
        assertThat(Checks.unknownFields(Workloads.of(manifests))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theRenderedResourcesFitTheModel(Path kustomization) {
        Workloads workloads = rendered(kustomization);
        assertThat(Checks.unknownFields(workloads)).isEmpty();
        assertThat(workloads.all(Deployment.class).map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrder("auth-server", "gateway", "project-service", "funding-service",
                        "platform-registry-service", "reporting-service");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyContainerIsProbedForLivenessAndReadiness(Path kustomization) {
        assertThat(Checks.probes(rendered(kustomization))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theServicesAreProbedOnTheirActuatorHealthGroups(Path kustomization) {
        rendered(kustomization).all(Deployment.class).forEach(d -> {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        });
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void noContainerMayRunAsRoot(Path kustomization) {
        assertThat(Checks.nonRoot(rendered(kustomization))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyImageNamesAFixedTag(Path kustomization) {
        assertThat(Checks.imageTags(rendered(kustomization))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyContainerHasRequestsAndLimits(Path kustomization) {
        assertThat(Checks.resources(rendered(kustomization))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void serviceLinksAreOff(Path kustomization) {
        assertThat(Checks.serviceLinks(rendered(kustomization))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theStatelessServicesAreAutoscaledAndEveryWorkloadHasADisruptionBudget(Path kustomization) {
        Workloads workloads = rendered(kustomization);
        workloads.longRunning().forEach(pod -> {
            Map<String, String> labels = pod.template().getMetadata().getLabels();
            assertThat(workloads.all(PodDisruptionBudget.class)
                    .filter(b -> labels.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet())))
                    .as("disruption budget of %s", pod.name()).hasSize(1);
        });
        workloads.all(Deployment.class).forEach(d -> {
            String name = d.getMetadata().getName();
            List<HorizontalPodAutoscaler> autoscalers = workloads.all(HorizontalPodAutoscaler.class)
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).toList();
            if (SINGLE_INSTANCE.contains(name)) {
                assertThat(autoscalers).as("autoscaler of %s", name).isEmpty();
                assertThat(d.getSpec().getReplicas()).as("replicas of %s", name).isEqualTo(1);
                assertThat(d.getSpec().getStrategy().getType()).as("strategy of %s", name).isEqualTo("Recreate");
            } else {
                assertThat(autoscalers).as("autoscaler of %s", name).hasSize(1);
                assertThat(autoscalers.get(0).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                assertThat(autoscalers.get(0).getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferenceResolves(Path kustomization) {
        Workloads workloads = rendered(kustomization);
        Set<String> configMaps = names(workloads.all(ConfigMap.class));
        Set<String> secrets = new HashSet<>(names(workloads.all(Secret.class)));
        // written by the operators for their users
        workloads.custom("KafkaUser").forEach(u -> secrets.add(u.getMetadata().getName()));
        workloads.custom("MongoDBCommunity").forEach(m -> users(m).forEach(u -> secrets.add((String) u.get("connectionStringSecretName"))));
        // created by whoever deploys, from the template
        Set<String> documented = names(Workloads.of(Manifest.read(DEPLOY.resolve("base/secrets.example.yaml"))).all(Secret.class));
        secrets.addAll(documented);
        List<String> unresolved = new ArrayList<>();
        workloads.pods().forEach(pod -> {
            for (Container c : pod.containers()) {
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null && !configMaps.contains(from.getConfigMapRef().getName())) {
                        unresolved.add(pod.name() + ": ConfigMap " + from.getConfigMapRef().getName());
                    }
                }
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                            && !secrets.contains(env.getValueFrom().getSecretKeyRef().getName())) {
                        unresolved.add(pod.name() + ": Secret " + env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            for (Volume v : pod.template().getSpec().getVolumes()) {
                if (v.getSecret() != null && !secrets.contains(v.getSecret().getSecretName())) {
                    unresolved.add(pod.name() + ": Secret " + v.getSecret().getSecretName());
                }
            }
        });
        workloads.all(Service.class).forEach(s -> {
            boolean selects = workloads.longRunning().anyMatch(p -> p.template().getMetadata().getLabels().entrySet()
                    .containsAll(s.getSpec().getSelector().entrySet()));
            if (!selects) {
                unresolved.add("Service " + s.getMetadata().getName() + " selects no pod");
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                boolean declared = workloads.longRunning().filter(p -> p.template().getMetadata().getLabels().entrySet()
                                .containsAll(s.getSpec().getSelector().entrySet()))
                        .flatMap(p -> p.containers().stream()).anyMatch(c -> Checks.declares(c, port.getTargetPort().getStrVal()));
                if (!declared) {
                    unresolved.add("Service " + s.getMetadata().getName() + " targets undeclared port " + port.getTargetPort());
                }
            }
        });
        workloads.all(Ingress.class).flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream()).forEach(p -> {
                    IngressServiceBackend backend = p.getBackend().getService();
                    boolean exists = workloads.find(Service.class, backend.getName()).map(s -> s.getSpec().getPorts().stream()
                            .anyMatch(sp -> Objects.equals(sp.getName(), backend.getPort().getName()))).orElse(false);
                    if (!exists) {
                        unresolved.add("Ingress backend " + backend.getName() + ":" + backend.getPort().getName());
                    }
                    if ("management".equals(backend.getPort().getName())) {
                        unresolved.add("Ingress exposes the management port of " + backend.getName());
                    }
                });
        assertThat(unresolved).isEmpty();
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopicAndReportingReadsTheThreeAndWritesItsAlerts() {
        Workloads workloads = rendered(DEPLOY.resolve("overlays/operators"));
        Map<String, Set<String>> rights = new java.util.TreeMap<>();
        workloads.custom("KafkaUser").forEach(user -> {
            Map<String, Object> spec = user.get("spec");
            assertThat(((Map<?, ?>) spec.get("authentication")).get("type")).isEqualTo("scram-sha-512");
            for (Object acl : (List<?>) ((Map<?, ?>) spec.get("authorization")).get("acls")) {
                Map<?, ?> resource = (Map<?, ?>) ((Map<?, ?>) acl).get("resource");
                assertThat(resource.get("type")).isEqualTo("topic");
                assertThat(resource.get("patternType")).isEqualTo("literal");
                for (Object operation : (List<?>) ((Map<?, ?>) acl).get("operations")) {
                    rights.computeIfAbsent(user.getMetadata().getName(), u -> new TreeSet<>())
                            .add(operation + " " + resource.get("name"));
                }
            }
        });
        String dlt = ".dlt";
        assertThat(rights).isEqualTo(Map.of(
                "project-service", Set.of("Write " + Topics.PROJECTS, "Describe " + Topics.PROJECTS),
                "funding-service", Set.of("Write " + Topics.FUNDING, "Describe " + Topics.FUNDING),
                "platform-registry-service", Set.of("Write " + Topics.REGISTRY, "Describe " + Topics.REGISTRY),
                "reporting-service", Set.of(
                        "Read " + Topics.PROJECTS, "Describe " + Topics.PROJECTS,
                        "Read " + Topics.FUNDING, "Describe " + Topics.FUNDING,
                        "Read " + Topics.REGISTRY, "Describe " + Topics.REGISTRY,
                        "Write " + Topics.PROJECTS + dlt, "Describe " + Topics.PROJECTS + dlt,
                        "Write " + Topics.FUNDING + dlt, "Describe " + Topics.FUNDING + dlt,
                        "Write " + Topics.REGISTRY + dlt, "Describe " + Topics.REGISTRY + dlt,
                        "Write " + Topics.ALERTS, "Describe " + Topics.ALERTS)));
        Set<String> topics = workloads.custom("KafkaTopic")
                .map(t -> (String) ((Map<?, ?>) t.get("spec")).get("topicName")).collect(Collectors.toSet());
        assertThat(topics).containsExactlyInAnyOrder(Topics.PROJECTS, Topics.FUNDING, Topics.REGISTRY, Topics.ALERTS,
                Topics.deadLetterOf(Topics.PROJECTS), Topics.deadLetterOf(Topics.FUNDING), Topics.deadLetterOf(Topics.REGISTRY));
        // each service connects as the user of that name, with the password the User Operator writes for it (the
        // chassis signs in with these two, SCRAM-SHA-512)
        DATABASES.keySet().forEach(service -> {
            Map<String, EnvVar> env = env(workloads, service);
            assertThat(env.get("KAFKA_USERNAME").getValue()).isEqualTo(service);
            assertThat(env.get("KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo(service);
            assertThat(env.get("KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        });
    }

    /** Every Kafka client signs in (the bus is locked): with no password it would be refused for good. */
    @ParameterizedTest
    @MethodSource("overlays")
    void eachKafkaClientSignsInAsItsOwnUserWithAPasswordFromASecret(Path kustomization) {
        assertThat(BusChecks.kafkaCredentials(rendered(kustomization))).isEmpty();
    }

    /** The broker creates no topic, user or ACL by itself: where an overlay runs one, something else must. */
    @ParameterizedTest
    @MethodSource("overlays")
    void whereAnOverlayRunsItsOwnBrokerTheBusIsSetUpFromOneSecretsFile(Path kustomization) {
        assertThat(BusChecks.busSetUp(rendered(kustomization))).isEmpty();
    }

    /**
     * The embedded stack's launcher completes a secrets file that lacks a key by writing it, which a Secret's volume
     * refuses: the Secret the bus reads must hold every key, as the template shows it to whoever creates it.
     */
    @Test
    void theBusSecretsFileTemplateHoldsEveryKeyTheLauncherReads() throws IOException {
        Path dir = Files.createTempDirectory("secrets");
        Path generated = dir.resolve("platform-secrets.properties");
        Set<String> keys;
        try {
            keys = PlatformSecrets.ensure(generated).stringPropertyNames();
        } finally {
            Files.deleteIfExists(generated);
            Files.delete(dir);
        }
        Map<String, Secret> template = Workloads.of(Manifest.read(DEPLOY.resolve("base/secrets.example.yaml")))
                .all(Secret.class).collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        List<String> withBroker = overlays().filter(o -> BusChecks.inRole(rendered(o.getPayload()), "kafka").findAny().isPresent())
                .map(Named::getName).toList();
        assertThat(withBroker).as("overlays that run the embedded broker").isNotEmpty();
        for (String overlay : withBroker) {
            Set<BusChecks.SecretFile> files = BusChecks.busSecretsFiles(rendered(DEPLOY.resolve(overlay)));
            assertThat(files).as("the secrets file of the bus in %s", overlay).isNotEmpty();
            for (BusChecks.SecretFile file : files) {
                Secret secret = template.get(file.secret());
                assertThat(secret).as("Secret %s in secrets.example.yaml", file.secret()).isNotNull();
                String text = secret.getStringData() == null ? null : secret.getStringData().get(file.key());
                assertThat(text).as("key %s of Secret %s in secrets.example.yaml", file.key(), file.secret()).isNotNull();
                Properties properties = new Properties();
                properties.load(new StringReader(text));
                assertThat(properties.stringPropertyNames()).as("keys of %s/%s", file.secret(), file.key())
                        .containsExactlyInAnyOrderElementsOf(keys);
            }
        }
    }

    @Test
    void eachServiceHasAMongoUserWithRightsOnItsOwnDatabaseOnly() {
        Workloads workloads = rendered(DEPLOY.resolve("overlays/operators"));
        List<Map<String, Object>> users = workloads.custom("MongoDBCommunity").flatMap(ManifestsTest::users).toList();
        assertThat(users).hasSize(DATABASES.size());
        for (Map<String, Object> user : users) {
            String service = (String) user.get("name");
            assertThat(DATABASES).containsKey(service);
            assertThat((List<?>) user.get("roles")).isEqualTo(List.of(Map.of("name", "readWrite", "db", DATABASES.get(service))));
            Map<String, EnvVar> env = env(workloads, service);
            assertThat(env.get("MONGODB_DATABASE").getValue()).isEqualTo(DATABASES.get(service));
            assertThat(env.get("MONGODB_URI").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(user.get("connectionStringSecretName"));
            assertThat(env.get("MONGODB_URI").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("connectionString.standard");
        }
    }

    /**
     * A variable the manifests set that no component reads is a typo or a leftover: each must be a {@code ${NAME}}
     * placeholder in a component's application.yml or the chassis's defaults, a Spring Boot property in its
     * environment-variable form, the image's JAVA_OPTS, or an input of another variable ({@code $(NAME)}).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableTheManifestsSetIsOneThePlatformReads(Path kustomization) throws IOException {
        Set<String> read = new HashSet<>(Set.of("JAVA_OPTS",
                // the embedded stack's launcher (PLATFORM_COMMAND picks its role in a container; kafka-setup makes the
                // topics with KAFKA_PARTITIONS partitions, KAFKA_REPLICATION_FACTOR copies, KAFKA_MIN_INSYNC_REPLICAS in sync)
                "PLATFORM_COMMAND", "PLATFORM_DATA_DIR", "PLATFORM_SECRETS_FILE", "KAFKA_ADVERTISED_HOST",
                "KAFKA_PARTITIONS", "KAFKA_REPLICATION_FACTOR", "KAFKA_MIN_INSYNC_REPLICAS",
                // client.gateway.secret, as Spring Boot reads it from the environment
                "CLIENT_GATEWAY_SECRET"));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        for (String file : List.of("chassis/src/main/resources/chassis-defaults.properties",
                "gateway/src/main/resources/application.yml", "auth-server/src/main/resources/application.yml",
                "project-service/src/main/resources/application.yml", "funding-service/src/main/resources/application.yml",
                "platform-registry-service/src/main/resources/application.yml",
                "reporting-service/src/main/resources/application.yml")) {
            Matcher m = placeholder.matcher(Files.readString(HOME.resolve(file)));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        Workloads workloads = rendered(kustomization);
        Map<String, ConfigMap> configMaps = workloads.all(ConfigMap.class)
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        Set<String> unread = new TreeSet<>();
        workloads.pods().flatMap(p -> p.containers().stream()).forEach(c -> {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                Map<String, String> data = configMaps.get(from.getConfigMapRef().getName()).getData();
                names.addAll(data.keySet());
                values.addAll(data.values());
            }
            for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                names.add(env.getName());
                values.add(env.getValue() == null ? "" : env.getValue());
            }
            String inputs = String.join(" ", values);
            names.stream().filter(n -> !read.contains(n) && !n.matches("(SPRING|SERVER|MANAGEMENT|LOGGING)_[A-Z0-9_]+")
                    && !inputs.contains("$(" + n + ")")).forEach(unread::add);
        });
        assertThat(unread).as("variables no component reads").isEmpty();
    }

    @Test
    void noManifestHoldsARealSecret() {
        List<String> found = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>(Workloads.of(Manifest.read(DEPLOY.resolve("base/secrets.example.yaml"))).all(Secret.class).toList());
        overlays().forEach(o -> secrets.addAll(rendered(o.getPayload()).all(Secret.class).toList()));
        for (Secret secret : secrets) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            if (secret.getStringData() != null) {
                values.putAll(secret.getStringData());
            }
            if (secret.getData() != null) {
                secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
            values.forEach((key, value) -> {
                for (String line : value.split("\n")) {
                    String v = line.contains("=") && !line.startsWith("mongodb") ? line.substring(line.indexOf('=') + 1) : line;
                    boolean placeholder = v.contains("CHANGE-ME");
                    boolean addressWithoutCredentials = v.matches("[a-z]+://[^@/]+(/.*)?");
                    if (!placeholder && !addressWithoutCredentials) {
                        found.add(secret.getMetadata().getName() + "/" + key + ": '" + v + "'");
                    }
                }
            });
        }
        assertThat(found).as("secret values that are not placeholders").isEmpty();
        // the template is a template: no kustomization applies it
        overlays().forEach(o -> assertThat(Kustomization.render(o.getPayload()))
                .noneMatch(m -> m.source().getFileName().toString().equals("secrets.example.yaml")));
    }

    private static Set<String> names(Stream<? extends HasMetadata> resources) {
        return resources.map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> users(GenericKubernetesResource mongo) {
        return ((List<Map<String, Object>>) ((Map<?, ?>) mongo.get("spec")).get("users")).stream();
    }

    private static Map<String, EnvVar> env(Workloads workloads, String deployment) {
        return workloads.find(Deployment.class, deployment).orElseThrow().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }
}
