package cn.chenzhou.plan.registry.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the service's OpenAPI description; the chassis adds what every service shares. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    @Bean
    OpenAPI registryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("platform-registry-service")
                        .description("Innovation platforms, designations, alliances, enterprises' R&D institutions and "
                                + "national S&T progress assessment results of the Chenzhou counties (T1–T8, T11, T14)")
                        .version("v1"));
    }
}
