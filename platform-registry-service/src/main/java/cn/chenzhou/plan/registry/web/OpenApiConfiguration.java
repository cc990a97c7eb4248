package cn.chenzhou.plan.registry.web;

import cn.chenzhou.plan.chassis.security.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI description: every endpoint wants a bearer token, and the {@link Actor} a controller method
 * takes is resolved from that token, not sent by the client — without this it would be documented as a required
 * query parameter. Generic; a candidate for the chassis.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI registryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("platform-registry-service")
                        .description("Innovation platforms, designations, alliances, enterprises' R&D institutions and "
                                + "national S&T progress assessment results of the Chenzhou counties (T1–T8, T11, T14)")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
