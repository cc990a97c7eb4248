package cn.chenzhou.plan.sdk.cli;

import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.reports.Scorecard;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code scorecard}: every target of the plan, for the city or one county, as a table on the console. */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "Show the scorecard: every target with its status and value, city-wide or for one county.")
final class ScorecardCommand implements Callable<Integer> {
    @ParentCommand
    private PlatformCli cli;

    @Option(names = "--county", paramLabel = "CODE", description = "a county code, e.g. 431023 (default: the city)")
    private String county;

    @Option(names = "--as-of", paramLabel = "DATE", description = "as of this date (default: today)")
    private LocalDate asOf;

    @Option(names = "--en", description = "English labels")
    private boolean english;

    @Override
    public Integer call() {
        PrintStream out = PlatformCli.OUT;
        // a county's own portal reads its own scorecard; otherwise the read-only viewer
        try (PlatformClient platform = cli.connect(county == null ? "viewer" : "county-" + county)) {
            if (county == null) {
                Scorecard s = platform.reports().scorecard(asOf);
                out.printf("%s — %s, as of %s%n%n", s.planId(), text(s.planName()), s.asOf());
                out.printf("%-5s %-44s %-10s %-22s %s%n", "", "target", "status", "value", "goal");
                for (Scorecard.Target t : s.targets()) {
                    out.printf("%-5s %-44s %-10s %-22s %s%n", t.id(), cut(text(t.label()), 44), t.status(),
                            cut(t.value(), 22), t.goal());
                }
            } else {
                Scorecard.County s = platform.reports().countyScorecard(county, asOf);
                out.printf("%s %s — %s, as of %s%n%n", s.county(), english ? s.nameEn() : s.name(), s.planId(), s.asOf());
                out.printf("%-5s %-44s %-10s %-22s %-10s %s%n", "", "target", "status", "county", "city", "goal");
                for (Scorecard.CountyTarget t : s.targets()) {
                    out.printf("%-5s %-44s %-10s %-22s %-10s %s%n", t.id(), cut(text(t.label()), 44),
                            t.status() == null ? "—" : t.status(), cut(t.value(), 22), t.cityStatus(), t.goal());
                }
            }
        }
        return 0;
    }

    private String text(Scorecard.Text t) {
        return t == null ? "" : english && t.en() != null ? t.en() : t.zh();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "—";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
