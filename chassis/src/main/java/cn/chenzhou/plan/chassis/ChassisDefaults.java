package cn.chenzhou.plan.chassis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code chassis-defaults.properties} as the lowest-precedence property source, so that every service
 * shares one set of Kafka, MongoDB, JSON, web and security defaults instead of repeating them; and below it the
 * platform's secrets file ({@code PLATFORM_SECRETS_FILE}, if there is one), where a service finds the passwords of
 * its own Kafka and MongoDB users.
 */
public class ChassisDefaults implements EnvironmentPostProcessor {
    static final String NAME = "chassis-defaults";
    static final String SECRETS = "platform-secrets";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource("chassis-defaults.properties")));
            String secrets = environment.getProperty("PLATFORM_SECRETS_FILE");
            if (secrets != null && !secrets.isBlank() && Files.isReadable(Path.of(secrets))) {
                environment.getPropertySources().addLast(new ResourcePropertySource(SECRETS, new FileSystemResource(secrets)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
