package cn.chenzhou.plan.system;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Where the suite's images come from, by configuration: public images by default ({@code eclipse-temurin:17-jre},
 * {@code apache/kafka}, {@code mongo}) so it runs anywhere Docker Hub is reachable; on machines without a registry,
 * {@code -Dplatform.test.base-image=local/jdk:17} and {@code project} for Kafka and MongoDB, which builds the
 * project's own embedded broker and wire server image. The services' images are always built from their jars with
 * the project's one Dockerfile. A missing image skips the suite with a message naming it, never silently.
 */
final class Images {
    static final String PROJECT = "project";
    final String base = System.getProperty("platform.test.base-image", "eclipse-temurin:17-jre");
    final String kafka = System.getProperty("platform.test.kafka-image", "apache/kafka:4.1.1");
    final String mongo = System.getProperty("platform.test.mongo-image", "mongo:7.0");
    private final Path home = Path.of(System.getProperty("platform.home", "..")).toAbsolutePath().normalize();

    /** Skips the calling test (with the reason) unless Docker runs and every image can be had. */
    void requireAll() {
        boolean docker;
        String why = "";
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
            why = ": " + e.getMessage();
        }
        Assumptions.assumeTrue(docker, "SKIPPED: no Docker engine is available" + why
                + " — the container suite needs one (here: ../shared/docker/local-docker up)");
        require(base);
        if (!PROJECT.equals(kafka)) {
            require(kafka);
        }
        if (!PROJECT.equals(mongo)) {
            require(mongo);
        }
        for (String module : new String[] {"embedded-stack", "auth-server", "gateway", "project-service",
                "funding-service", "platform-registry-service", "reporting-service"}) {
            Path jar = jar(module);
            Assumptions.assumeTrue(Files.isRegularFile(jar), "SKIPPED: " + jar + " is missing; build with mvn package");
        }
    }

    private static void require(String image) {
        DockerClient docker = DockerClientFactory.instance().client();
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            // try to pull it
        }
        String failure;
        try {
            boolean done = docker.pullImageCmd(image).start().awaitCompletion(180, TimeUnit.SECONDS);
            failure = done ? null : "pull timed out";
        } catch (Exception e) {
            failure = e.getMessage();
        }
        Assumptions.assumeTrue(failure == null, "SKIPPED: image " + image + " is not here and cannot be pulled ("
                + failure + "); configure another with -Dplatform.test.*-image");
    }

    /** The image of one of the project's jars, built with docker/Dockerfile on the configured base. */
    ImageFromDockerfile service(String module) {
        Path jar = jar(module);
        String inContext = module + "/target/" + jar.getFileName();
        return new ImageFromDockerfile("chenzhou-plan-test/" + module, false)
                .withFileFromPath("docker/Dockerfile", home.resolve("docker/Dockerfile"))
                .withFileFromPath("docker/healthcheck.sh", home.resolve("docker/healthcheck.sh"))
                .withFileFromPath(inContext, jar)
                .withDockerfilePath("docker/Dockerfile")
                .withBuildArg("BASE_IMAGE", base)
                .withBuildArg("JAR", inContext);
    }

    private Path jar(String module) {
        String name = module.equals("embedded-stack") ? "embedded-stack-exec.jar" : module + ".jar";
        return home.resolve(module).resolve("target").resolve(name);
    }

    Path home() {
        return home;
    }
}
