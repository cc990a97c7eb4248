package cn.chenzhou.plan.chassis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code chassis-defaults.properties} as the lowest-precedence property source, so that every service
 * shares one set of Kafka, MongoDB, JSON, web and security defaults instead of repeating them.
 */
public class ChassisDefaults implements EnvironmentPostProcessor {
    static final String NAME = "chassis-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource("chassis-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
