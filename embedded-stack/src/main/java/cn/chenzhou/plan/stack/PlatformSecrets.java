package cn.chenzhou.plan.stack;

import cn.chenzhou.plan.contracts.identity.Principal;
import cn.chenzhou.plan.contracts.identity.Principals;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The client secrets and user passwords of the embedded stack: generated on first start into a file only its
 * owner can read, kept across restarts, and completed if a principal was added since. Nothing is hard-coded.
 * Besides the OAuth2 clients and staff users: the Kafka users ({@link BusCredentials}) and, for a deployment on real
 * MongoDB, its administrator and one user per service ({@code mongodb.<user>.password}).
 */
public final class PlatformSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PlatformSecrets() {
    }

    /** Makes sure every principal has a secret in the file; returns the file's contents. */
    public static Properties ensure(Path file) {
        try {
            Properties secrets = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    secrets.load(in);
                }
            }
            boolean added = false;
            for (String key : keys()) {
                if (!secrets.containsKey(key)) {
                    secrets.setProperty(key, newSecret());
                    added = true;
                }
            }
            if (added) {
                write(file, secrets);
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("secrets file " + file, e);
        }
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        Principals.all().stream().map(Principal::secretKey).forEach(keys::add);
        BusCredentials.users().stream().map(BusCredentials::key).forEach(keys::add);
        keys.add("mongodb." + BusCredentials.ADMIN + ".password");
        BusCredentials.services().forEach(service -> keys.add("mongodb." + service + ".password"));
        return keys;
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Properties secrets) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.directory(dir);
        Path tmp = Files.createTempFile(dir, "secrets", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            secrets.store(out, "Chenzhou plan platform: client secrets (client.<id>.secret), staff passwords"
                    + " (user.<name>.password), Kafka and MongoDB users' passwords (kafka.<user>.password,"
                    + " mongodb.<user>.password), generated on first start. Keep private.");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
