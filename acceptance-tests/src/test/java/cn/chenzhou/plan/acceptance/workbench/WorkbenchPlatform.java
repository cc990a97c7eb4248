package cn.chenzhou.plan.acceptance.workbench;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The platform the workbench tests drive: the acceptance tests' shared one (started as {@code ./platform up} starts
 * it, with the demo plan), or — to work on the workbench against a platform already running — the one named by
 * {@code -Dworkbench.gateway=http://localhost:8080 -Dworkbench.secrets=data/secrets/platform-secrets.properties}.
 */
record WorkbenchPlatform(String gateway, Path secretsFile) {

    static WorkbenchPlatform get() throws Exception {
        String attached = System.getProperty("workbench.gateway");
        if (attached != null && !attached.isBlank()) {
            return new WorkbenchPlatform(attached, Path.of(System.getProperty("workbench.secrets",
                    "data/secrets/platform-secrets.properties")));
        }
        RunningPlatform shared = RunningPlatform.shared();
        return new WorkbenchPlatform(shared.gateway(), shared.dataDir().resolve("secrets/platform-secrets.properties"));
    }

    /** A staff user's password, from the secrets file the platform generated on its first start. */
    String password(String user) throws IOException {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(secretsFile)) {
            secrets.load(in);
        }
        String password = secrets.getProperty("user." + user + ".password");
        if (password == null) {
            throw new IllegalStateException("no password for " + user + " in " + secretsFile);
        }
        return password;
    }
}
