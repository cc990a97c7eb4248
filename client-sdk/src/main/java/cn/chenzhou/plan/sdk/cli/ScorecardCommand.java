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
                out.println(row("", "target", "status", "value", "goal"));
                for (Scorecard.Target t : s.targets()) {
                    out.println(row(t.id(), text(t.label()), t.status(), t.value(), t.goal()));
                }
            } else {
                Scorecard.County s = platform.reports().countyScorecard(county, asOf);
                out.printf("%s %s — %s, as of %s%n%n", s.county(), english ? s.nameEn() : s.name(), s.planId(), s.asOf());
                out.println(row("", "target", "status", "county", "city", "goal"));
                for (Scorecard.CountyTarget t : s.targets()) {
                    out.println(row(t.id(), text(t.label()), t.status() == null ? "—" : t.status(), t.value(),
                            t.cityStatus(), t.goal()));
                }
            }
        }
        return 0;
    }

    private String text(Scorecard.Text t) {
        return t == null ? "" : english && t.en() != null ? t.en() : t.zh();
    }

    private static final int[] WIDTHS = {5, 44, 10, 22, 10};

    /** Columns padded by display width: a Chinese character takes two columns of a terminal. */
    private static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "—" : cells[i];
            if (i < cells.length - 1) {
                int width = WIDTHS[Math.min(i, WIDTHS.length - 1)];
                cell = fit(cell, width);
                line.append(cell).append(" ".repeat(Math.max(0, width - displayWidth(cell)) + 1));
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }

    private static String fit(String s, int width) {
        if (displayWidth(s) <= width) {
            return s;
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < s.length() && displayWidth(cut.toString()) + displayWidth(String.valueOf(s.charAt(i))) < width; i++) {
            cut.append(s.charAt(i));
        }
        return cut.append('…').toString();
    }

    static int displayWidth(String s) {
        return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
    }
}
