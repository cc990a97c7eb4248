package cn.chenzhou.plan.gateway;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The gateway's root is the dashboard: where a user lands after signing in. */
@Configuration
class HomeRedirect {
    @Bean
    RouterFunction<ServerResponse> home() {
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.temporaryRedirect(URI.create("/dashboard")).build())
                .build();
    }
}
