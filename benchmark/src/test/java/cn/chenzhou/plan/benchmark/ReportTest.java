package cn.chenzhou.plan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void aGoalIsReachedWhenItsFigureIsOnTheRightSideOfTheTarget() {
        Report r = new Report("t");
        r.row("fresh.p99", "3 Event freshness", "p99", 80, "ms", "m");
        r.row("gw.ratio", "1 Gateway cost", "ratio", 0.6, "", "m");
        r.goal("p99 ≤ 100 ms", "fresh.p99", 100, false);
        r.goal("ratio ≥ 0.8", "gw.ratio", 0.8, true);
        r.goal("not measured", "missing", 1, true);
        assertThat(r.goals()).extracting(Report.Goal::reached).containsExactly(true, false, null);
        assertThat(r.markdown()).contains("| p99 ≤ 100 ms | 80.0 ms | yes |").contains("| ratio ≥ 0.8 | 0.60 | **no** |")
                .contains("| not measured | not measured | — |");
    }

    @Test
    void numbersAreShownWithSensiblePrecision() {
        assertThat(Report.format(1234567.8, "/s")).isEqualTo("1,234,568 /s");
        assertThat(Report.format(123.4, "ms")).isEqualTo("123 ms");
        assertThat(Report.format(12.34, "ms")).isEqualTo("12.3 ms");
        assertThat(Report.format(0.834, "")).isEqualTo("0.83");
        assertThat(Report.format(Double.NaN, "s")).isEqualTo("n/a");
    }

    @Test
    void twoRunsWrittenAsJsonCompareRowByRow(@TempDir Path dir) throws Exception {
        Report before = new Report("before");
        before.row("fresh.p99", "3 Event freshness", "p99 at 100/s", 200, "ms", "m");
        before.row("rebuild.rate", "4 Rebuild speed", "events/s", 80_000, "/s", "m");
        before.write(dir.resolve("a"));
        Report after = new Report("after");
        after.row("fresh.p99", "3 Event freshness", "p99 at 100/s", 50, "ms", "m");
        after.row("rebuild.rate", "4 Rebuild speed", "events/s", 120_000, "/s", "m");
        after.write(dir.resolve("b"));
        assertThat(Files.readString(dir.resolve("a/before.md"))).contains("| 3 | Event freshness | p99 at 100/s | 200 ms | m |");
        String table = Report.compare(dir.resolve("a/before.json"), dir.resolve("b/after.json"));
        assertThat(table).contains("| before | after | change |")
                .contains("| 3 | Event freshness | p99 at 100/s | 200 ms | 50.0 ms | -75 % |")
                .contains("| 4 | Rebuild speed | events/s | 80,000 /s | 120,000 /s | +50 % |");
    }
}
