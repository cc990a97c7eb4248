package cn.chenzhou.plan.reporting.dashboard;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's script, styles and the ECharts webjar, served under {@code /dashboard/} (the only paths besides
 * {@code /api/reports} the gateway routes here). Nothing is fetched from the internet.
 */
@Configuration
class DashboardResources implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/assets/**").addResourceLocations("classpath:/static/dashboard/")
                .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(5)));
        registry.addResourceHandler("/dashboard/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)));
    }
}
