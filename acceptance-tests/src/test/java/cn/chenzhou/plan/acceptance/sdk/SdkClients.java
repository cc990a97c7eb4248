package cn.chenzhou.plan.acceptance.sdk;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.sdk.PlatformClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The SDK as the platform's callers use it: one client per principal, on the shared platform's gateway. */
final class SdkClients {

    private SdkClients() {
    }

    static PlatformClient as(RunningPlatform platform, String clientId) {
        return as(platform, clientId, PlatformClient.Settings.defaults());
    }

    static PlatformClient as(RunningPlatform platform, String clientId, PlatformClient.Settings settings) {
        try {
            return PlatformClient.builder().gateway(platform.gateway()).authorizationServer(platform.authorizationServer())
                    .clientCredentials(clientId, platform.secret(clientId)).settings(settings).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid unified social credit code of an enterprise registered in {@code division}, new for each call. */
    static String newCreditCode(String division) {
        return cn.chenzhou.plan.acceptance.security.Samples.creditCode(division);
    }

    /** A short unique suffix for names a test registers, so that runs on one platform never collide. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
