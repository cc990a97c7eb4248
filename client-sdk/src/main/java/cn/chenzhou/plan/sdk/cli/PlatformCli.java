package cn.chenzhou.plan.sdk.cli;

import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.Problem;
import cn.chenzhou.plan.sdk.demo.Principals;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line on the SDK, for county staff's scripts and for operations:
 *
 * <pre>
 *   platform-cli load-demo                              load the demo plan (acts as every county, finance, plan office)
 *   platform-cli export ledger --year 2013 --format xlsx
 *   platform-cli scorecard --county 431023
 * </pre>
 *
 * Connection options work before or after the command; without {@code --secret}, the client's secret is taken from
 * the platform's secrets file ({@code --secrets-file}, by default {@code ./data/secrets/platform-secrets.properties}).
 */
@Command(name = "platform-cli", mixinStandardHelpOptions = true, version = "platform-cli 0.1.0",
        description = "The Chenzhou S&T action-plan platform from the command line, through its gateway.",
        subcommands = {LoadDemoCommand.class, ExportCommand.class, ScorecardCommand.class, CommandLine.HelpCommand.class})
public final class PlatformCli {
    static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Option(names = "--gateway", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:PLATFORM_GATEWAY:-http://localhost:8080}",
            description = "the platform's gateway (default: ${DEFAULT-VALUE}; env PLATFORM_GATEWAY)")
    String gateway;

    @Option(names = "--auth", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:PLATFORM_AUTH:-http://localhost:9000}",
            description = "the OAuth2 authorization server (default: ${DEFAULT-VALUE}; env PLATFORM_AUTH)")
    String auth;

    @Option(names = "--client", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "the OAuth2 client to act as, e.g. county-431023, finance, plan-office, viewer (default: viewer)")
    String client;

    @Option(names = "--secret", scope = ScopeType.INHERIT, paramLabel = "SECRET",
            defaultValue = "${env:PLATFORM_CLIENT_SECRET}",
            description = "the client's secret (env PLATFORM_CLIENT_SECRET); otherwise read from --secrets-file")
    String secret;

    @Option(names = "--secrets-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            defaultValue = "${env:PLATFORM_SECRETS_FILE}",
            description = "the platform's secrets file (client.<id>.secret=…); default "
                    + "$PLATFORM_DATA_DIR/secrets/platform-secrets.properties, or ./data/…")
    Path secretsFile;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 done, 1 refused or failed, 2 usage). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new PlatformCli());
        cli.setOut(new java.io.PrintWriter(OUT, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(describe(e));
            return 1;
        });
        return cli.execute(args);
    }

    static String describe(Exception e) {
        if (e instanceof PlatformApiException p) {
            Problem problem = p.problem();
            StringBuilder s = new StringBuilder("refused: ").append(p.getMessage());
            problem.errors().forEach(f -> s.append(System.lineSeparator()).append("  ").append(f.field()).append(": ").append(f.reason()));
            return s.toString();
        }
        return "failed: " + e.getMessage();
    }

    /** The secrets file given, or the platform's default one if it exists; null if none. */
    Path secrets() {
        if (secretsFile != null) {
            return secretsFile;
        }
        String dataDir = System.getenv().getOrDefault("PLATFORM_DATA_DIR", "data");
        Path fallback = Path.of(dataDir, "secrets", "platform-secrets.properties");
        return Files.isReadable(fallback) ? fallback : null;
    }

    Properties secretsOrFail() {
        Path file = secrets();
        if (file == null || !Files.isReadable(file)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "no secrets file: give --secrets-file (the platform's data/secrets/platform-secrets.properties)");
        }
        return Principals.readSecrets(file);
    }

    /** A client acting as {@code --client} (or {@code defaultClient}). */
    PlatformClient connect(String defaultClient) {
        String id = client != null ? client : defaultClient;
        String s = secret;
        if (s == null) {
            s = secretsOrFail().getProperty("client." + id + ".secret");
            if (s == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "the secrets file has no secret for client " + id + "; give --secret");
            }
        }
        return PlatformClient.builder().gateway(gateway).authorizationServer(auth).clientCredentials(id, s).build();
    }
}
