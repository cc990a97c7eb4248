package cn.chenzhou.plan.funding;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more funding-service, started in this JVM on the shared test infrastructure: another node of a cluster on
 * the same database, or the instance that takes over after a crash. Closing it is stopping that node.
 */
public final class FundingInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private FundingInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on {@code database}; {@code properties} are {@code name=value} overrides. */
    public static FundingInstance start(String database, String... properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        TestInfrastructure.register((name, value) -> settings.put(name, value.get()), database);
        settings.put("server.port", 0);
        for (String p : properties) {
            int eq = p.indexOf('=');
            settings.put(p.substring(0, eq), p.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new FundingInstance(new SpringApplicationBuilder(FundingServiceApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Http http() {
        return Http.local(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
