package cn.chenzhou.plan.sdk.cli;

import cn.chenzhou.plan.sdk.PlatformClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export}: a file the finance section or the plan office works with, saved to disk. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Save an export to a file:",
                "  ledger      the special fund's ledger of a year (finance, plan office, viewer)",
                "  scorecard   every target of the plan, city-wide and per county",
                "  assessment  the counties' performance assessment, ranked"})
final class ExportCommand implements Callable<Integer> {
    enum What { ledger, scorecard, assessment }

    enum Format { xlsx, csv }

    @ParentCommand
    private PlatformCli cli;

    @Parameters(index = "0", paramLabel = "WHAT", description = "ledger, scorecard or assessment")
    private What what;

    @Option(names = "--year", paramLabel = "YEAR", description = "the ledger's year (required for ledger)")
    private Integer year;

    @Option(names = "--as-of", paramLabel = "DATE", description = "scorecard or assessment as of this date (default: today)")
    private LocalDate asOf;

    @Option(names = "--format", defaultValue = "xlsx", description = "xlsx or csv (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to save it (default: a name in the current directory)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (what == What.ledger && year == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "export ledger needs --year");
        }
        try (PlatformClient platform = cli.connect("viewer")) {
            byte[] file = switch (what) {
                case ledger -> format == Format.xlsx ? platform.funding().ledgerXlsx(year) : platform.funding().ledgerCsv(year);
                case scorecard -> format == Format.xlsx ? platform.reports().scorecardXlsx(asOf) : platform.reports().scorecardCsv(asOf);
                case assessment -> format == Format.xlsx ? platform.reports().assessmentXlsx(asOf) : platform.reports().assessmentCsv(asOf);
            };
            Path target = out != null ? out : Path.of(defaultName());
            Files.write(target, file);
            PlatformCli.OUT.printf("%s: %d bytes written to %s%n", what, file.length, target.toAbsolutePath());
        }
        return 0;
    }

    private String defaultName() {
        return switch (what) {
            case ledger -> "special-fund-ledger-" + year + "." + format;
            case scorecard, assessment -> what + (asOf == null ? "" : "-" + asOf) + "." + format;
        };
    }
}
