package cn.chenzhou.plan.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway's root is the workbench (工作台), where a signed-in user lands: one page whose scripts and styles
 * (from the {@code workbench} module, served at {@code /workbench/**}) do the plan's work through {@code /api/**}.
 * The dashboard stays at {@code /dashboard}, one link away.
 */
@Configuration
class WorkbenchPages {
    /**
     * Only the workbench's own files run on the page: no inline script, nothing from another origin, never framed.
     * Styles set from script (CSSOM) are not markup, so 'self' is enough for them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> workbench(@Value("classpath:/META-INF/resources/workbench/index.html") Resource page) {
        return RouterFunctions.route(GET("/"), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .bodyValue(page));
    }
}
