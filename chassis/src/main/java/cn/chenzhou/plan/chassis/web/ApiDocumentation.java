package cn.chenzhou.plan.chassis.web;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every service's OpenAPI description ({@code /v3/api-docs}) says the same way: the caller ({@link Actor})
 * comes from the bearer token, not from a parameter; money is a yuan string; a credit code is a string; every
 * operation needs a bearer token; the one server is the gateway's public address from configuration — never one a
 * request's {@code Host} or {@code X-Forwarded-*} headers name. A service adds its own title, description and tags
 * with an {@code OpenAPI} bean.
 */
@AutoConfiguration
public class ApiDocumentation {
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

    static final String BEARER = "bearer";

    @Bean
    ServerBaseUrlCustomizer gatewayAsServer(@Value("${platform.public-url}") String publicUrl) {
        return (fromRequest, request) -> publicUrl;
    }

    @Bean
    OpenApiCustomizer bearerTokens() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("a platform access token (OAuth2 client credentials, or a signed-in user via the gateway)"));
            if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
        };
    }
}
