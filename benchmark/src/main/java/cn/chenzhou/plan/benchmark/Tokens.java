package cn.chenzhou.plan.benchmark;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token for each client the benchmark acts as, renewed as the SDK renews its own: when a quarter of its life is
 * left (at most 30 s). The platform's tokens live 40 s, so a run of minutes renews each client's a few times a minute.
 */
final class Tokens {
    private record Held(String value, Instant renewAt) {
    }

    private final PlatformUnderTest platform;
    private final Http http;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    Tokens(PlatformUnderTest platform, Http http) {
        this.platform = platform;
        this.http = http;
    }

    /** The client's current token. */
    String of(String client) {
        Held token = held.get(client);
        if (token == null || !Instant.now().isBefore(token.renewAt())) {
            token = held.compute(client, (c, old) -> old != null && Instant.now().isBefore(old.renewAt()) ? old : issue(c));
        }
        return token.value();
    }

    private Held issue(String client) {
        PlatformUnderTest.IssuedToken issued = platform.token(http, client);
        long lifetimeMillis = issued.lifetimeSeconds() * 1000;
        return new Held(issued.value(), Instant.now().plusMillis(lifetimeMillis - Math.min(30_000, lifetimeMillis / 4)));
    }
}
