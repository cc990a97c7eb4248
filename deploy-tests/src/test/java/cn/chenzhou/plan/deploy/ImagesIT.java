package cn.chenzhou.plan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The images as docker/Dockerfile builds them, from the repository as its build context (as docker-compose.yml and
 * the README build them, with the docker command line): the build context holds only the runnable jars and docker/,
 * never data/ or the build's clutter; and an image run as deploy/ runs it — its user, a read-only root file system,
 * no capabilities, its memory limit, its environment — runs as a user other than root and answers its probes and its
 * health check, with the embedded stack's image as its MongoDB. Needs a Docker engine and the configured base image
 * ({@code -Dplatform.test.base-image}, e.g. local/jdk:17 where no registry is reachable); skipped, saying so, without.
 */
class ImagesIT {
    static final String BASE = System.getProperty("platform.test.base-image", "eclipse-temurin:17-jre");
    static final Path HOME = ManifestsTest.HOME;

    @BeforeAll
    static void requireDocker() throws Exception {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        Assumptions.assumeTrue(docker, "SKIPPED: no Docker engine is available (here: ../shared/docker/local-docker up)");
        Assumptions.assumeTrue(run(HOME, List.of("docker", "version")).exit() == 0, "SKIPPED: no docker command line");
        Assumptions.assumeTrue(run(HOME, List.of("docker", "image", "inspect", BASE)).exit() == 0
                        || run(HOME, List.of("docker", "pull", BASE)).exit() == 0,
                "SKIPPED: the base image " + BASE + " is not here and cannot be pulled; choose one with -Dplatform.test.base-image");
        for (String jar : List.of("project-service/target/project-service.jar", "embedded-stack/target/embedded-stack-exec.jar")) {
            Assumptions.assumeTrue(Files.isRegularFile(HOME.resolve(jar)), "SKIPPED: " + jar + " is missing; build with ./mvnw package");
        }
    }

    @Test
    void theBuildContextHoldsOnlyTheRunnableJarsAndDockerFiles() throws Exception {
        Path context = Files.createTempDirectory("context");
        try {
            Files.copy(HOME.resolve(".dockerignore"), context.resolve(".dockerignore"));
            for (String file : List.of("data/secrets/platform-secrets.properties", "data/mongo/platform.mv.db",
                    "project-service/target/project-service.jar", "project-service/target/project-service.jar.original",
                    "project-service/target/classes/Application.class", "project-service/src/main/resources/application.yml",
                    "target/leftover.txt", "docker/healthcheck.sh", "README.md")) {
                Files.createDirectories(context.resolve(file).getParent());
                Files.writeString(context.resolve(file), file);
            }
            Files.writeString(context.resolve("docker/Dockerfile"), "FROM " + BASE + "\nCOPY . /context\n"
                    + "RUN cd /context && find . -type f | sort > /files.txt\n");
            String tag = "chenzhou-plan-test/context-probe:" + System.nanoTime();
            assertThat(run(context, List.of("docker", "build", "-q", "-f", "docker/Dockerfile", "-t", tag, ".")).exit()).isZero();
            Result listing = run(context, List.of("docker", "run", "--rm", tag, "cat", "/files.txt"));
            run(context, List.of("docker", "image", "rm", "-f", tag));
            assertThat(listing.output().lines().map(String::trim).filter(l -> !l.isEmpty()).toList())
                    .containsExactlyInAnyOrder("./docker/Dockerfile", "./docker/healthcheck.sh",
                            "./project-service/target/project-service.jar");
        } finally {
            try (Stream<Path> files = Files.walk(context)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aServiceImageRunsAsDeployRunsItNotAsRootAndAnswersItsProbesAndHealthCheck() throws Exception {
        String service = build("project-service", "project-service/target/project-service.jar");
        String stack = build("embedded-stack", "embedded-stack/target/embedded-stack-exec.jar");
        Deployment deployment = Workloads.of(Kustomization.render(ManifestsTest.DEPLOY.resolve("overlays/embedded")))
                .find(Deployment.class, "project-service").orElseThrow();
        Container spec = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        long user = deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser();
        Quantity memory = spec.getResources().getLimits().get("memory");

        try (Network network = Network.newNetwork();
             GenericContainer<?> mongo = new GenericContainer<>(DockerImageName.parse(stack))
                     .withNetwork(network).withNetworkAliases("mongo")
                     .withEnv(Map.of("PLATFORM_COMMAND", "mongo", "PLATFORM_DATA_DIR", "/data/db"))
                     .withExposedPorts(27017).waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(3)));
             GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(service))
                     .withNetwork(network)
                     .withEnv(Map.of(
                             "SERVER_PORT", "8081", "MONGODB_URI", "mongodb://mongo:27017", "MONGODB_DATABASE", "projects",
                             "KAFKA_BOOTSTRAP_SERVERS", "localhost:9", "AUTH_ISSUER_URI", "http://auth-server:9000",
                             "MANAGEMENT_SERVER_PORT", "9090", "MANAGEMENT_SERVER_ADDRESS", "0.0.0.0",
                             "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"))
                     .withExposedPorts(9090)
                     .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                             .withReadonlyRootfs(spec.getSecurityContext().getReadOnlyRootFilesystem())
                             .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                             .withCapDrop(com.github.dockerjava.api.model.Capability.ALL)
                             .withSecurityOpts(List.of("no-new-privileges"))
                             .withMemory(memory.getNumericalAmount().longValue()))
                     .withCreateContainerCmdModifier(cmd -> cmd.withUser(user + ":" + user))
                     .waitingFor(Wait.forHttp(spec.getReadinessProbe().getHttpGet().getPath()).forPort(9090)
                             .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4)))) {
            mongo.start();
            container.start();

            assertThat(container.execInContainer("id", "-u").getStdout().trim()).isEqualTo(String.valueOf(user)).isNotEqualTo("0");
            // the image's own user, without deploy/'s securityContext, is no more root than the one deploy/ picks
            assertThat(run(HOME, List.of("docker", "image", "inspect", "-f", "{{.Config.User}}", service)).output().trim())
                    .isEqualTo("10001:10001");
            assertThat(mongo.execInContainer("id", "-u").getStdout().trim()).isEqualTo("10001");
            assertThat(container.execInContainer("bash", "/app/healthcheck.sh", "9090").getExitCode())
                    .as("the image's health check").isZero();
            assertThat(container.execInContainer("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9090 && printf 'GET "
                    + spec.getLivenessProbe().getHttpGet().getPath() + " HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3")
                    .getStdout()).contains("200");
            assertThat(container.execInContainer("touch", "/var/tmp/written").getExitCode()).as("root file system writable").isNotZero();
            // layered as Spring Boot lays a service out (the launcher alone stays one jar)
            assertThat(container.execInContainer("test", "-d", "/app/BOOT-INF/lib").getExitCode()).isZero();
            assertThat(container.execInContainer("test", "-e", "/app/app.jar").getExitCode()).isNotZero();

            List<String> lines = container.getLogs().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{").contains("\"service\":{\"name\":\"project-service\""));
        }
    }

    /** Builds an image of one jar as docker-compose.yml does: the repository as context, docker/Dockerfile. */
    private static String build(String module, String jar) throws Exception {
        String tag = "chenzhou-plan-test/" + module + ":images-it";
        Result result = run(HOME, List.of("docker", "build", "-q", "-f", "docker/Dockerfile", "--build-arg", "BASE_IMAGE=" + BASE,
                "--build-arg", "JAR=" + jar, "-t", tag, "."));
        assertThat(result.exit()).as("docker build of %s:%n%s", module, result.output()).isZero();
        return tag;
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("docker", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return new Result(-1, e.getMessage());
            }
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
