package cn.chenzhou.plan.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** platform-registry-service: innovation platforms, designations, enterprise R&D institutions, assessment results. */
@SpringBootApplication
public class RegistryServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(RegistryServiceApplication.class, args);
    }
}
