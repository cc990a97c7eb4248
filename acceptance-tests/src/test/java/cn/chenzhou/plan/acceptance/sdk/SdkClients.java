package cn.chenzhou.plan.acceptance.sdk;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.sdk.PlatformClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The SDK as the platform's callers use it: one client per principal, on the shared platform's gateway. */
final class SdkClients {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

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
        StringBuilder body = new StringBuilder("91").append(division).append("TK");
        String random = UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; body.length() < 17; i++) {
            body.append(ALPHABET.charAt(Character.digit(random.charAt(i), 16) % ALPHABET.length()));
        }
        return body.append(CreditCode.checkCharacter(body.toString())).toString();
    }

    /** A short unique suffix for names a test registers, so that runs on one platform never collide. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
