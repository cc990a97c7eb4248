package cn.chenzhou.plan.projects;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and tags of the OpenAPI description at {@code /v3/api-docs}; the chassis adds what every
 * service shares (bearer tokens, the actor from the token, money and credit codes as strings).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {
    @Bean
    OpenAPI projectServiceApi() {
        return new OpenAPI()
                .info(new Info().title("project-service").version("1")
                        .description("S&T projects of every programme of the Chenzhou county S&T action plan, from draft to "
                                + "acceptance or termination; key achievement transformations (T12); characteristic "
                                + "industries (T13). Every change takes the version the client read (409 if it changed "
                                + "since) and publishes one event on projects.events. Refusals are application/problem+json."))
                .tags(Stream.of("Projects: application", "Projects: review and decision", "Projects: execution",
                        "Projects: reading", "Programmes", "Achievement transformations", "Characteristic industries")
                        .map(name -> new Tag().name(name)).toList());
    }
}
