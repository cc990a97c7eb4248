package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's clients the demo loader acts as — each county portal ({@code county-<code>}), the finance section
 * ({@code finance}) and the plan office ({@code plan-office}) — built on first use from a secrets file in the
 * platform's format ({@code client.<id>.secret=…}).
 */
public final class Principals implements AutoCloseable {
    public static final String FINANCE = "finance";
    public static final String PLAN_OFFICE = "plan-office";

    private final String gateway;
    private final String authorizationServer;
    private final Properties secrets;
    private final PlatformClient.Settings settings;
    private final PlatformClient.CallListener listener;
    private final Map<String, PlatformClient> clients = new ConcurrentHashMap<>();

    public Principals(String gateway, String authorizationServer, Properties secrets, PlatformClient.Settings settings,
                      PlatformClient.CallListener listener) {
        this.gateway = gateway;
        this.authorizationServer = authorizationServer;
        this.secrets = secrets;
        this.settings = settings;
        this.listener = listener;
    }

    public static Properties readSecrets(Path file) {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets file " + file, e);
        }
        return secrets;
    }

    public PlatformClient county(String code) {
        return client("county-" + code);
    }

    public PlatformClient finance() {
        return client(FINANCE);
    }

    public PlatformClient planOffice() {
        return client(PLAN_OFFICE);
    }

    public PlatformClient client(String clientId) {
        return clients.computeIfAbsent(clientId, id -> {
            String secret = secrets.getProperty("client." + id + ".secret");
            if (secret == null) {
                throw new IllegalArgumentException("the secrets file has no client." + id + ".secret");
            }
            return PlatformClient.builder().gateway(gateway).authorizationServer(authorizationServer)
                    .clientCredentials(id, secret).settings(settings).listener(listener).build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(PlatformClient::close);
        clients.clear();
    }
}
