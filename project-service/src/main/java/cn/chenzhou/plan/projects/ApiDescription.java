package cn.chenzhou.plan.projects;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.stream.Stream;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: the caller ({@link Actor}) comes from the token, not from
 * a parameter; money is a yuan string; credit codes are strings; every operation needs a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {
    static {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(Actor.class)
                .replaceWithSchema(Money.class, new StringSchema()
                        .pattern("^-?\\d{1,13}(\\.\\d{1,2})?$").example("500000.00")
                        .description("an amount in yuan with at most two decimals (a JSON number is accepted too)"))
                .replaceWithSchema(CreditCode.class, new StringSchema()
                        .pattern("^[0-9A-HJ-NPQRTUWXY]{18}$").example("91431023MA4L5EAY54")
                        .description("unified social credit code (统一社会信用代码), with its check character"));
    }

    @Bean
    OpenAPI projectServiceApi() {
        return new OpenAPI()
                .info(new Info().title("project-service").version("1")
                        .description("S&T projects of every programme of the Chenzhou county S&T action plan, from draft to "
                                + "acceptance or termination; key achievement transformations (T12); characteristic "
                                + "industries (T13). Every change takes the version the client read (409 if it changed "
                                + "since) and publishes one event on projects.events. Refusals are application/problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .tags(Stream.of("Projects: application", "Projects: review and decision", "Projects: execution",
                        "Projects: reading", "Programmes", "Achievement transformations", "Characteristic industries")
                        .map(name -> new Tag().name(name)).toList());
    }
}
