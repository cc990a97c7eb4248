package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When ./platform up loads the demo plan: once per data directory, decided at its first start and remembered. */
class DemoDatasetStepTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private StackSettings settings(Map<String, String> env) {
        return StackSettings.fromEnvironment(env, home);
    }

    private DemoDatasetStep step(StackSettings settings) {
        return new DemoDatasetStep(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String marker(StackSettings s) throws IOException {
        return Files.readString(s.dataDir().resolve(DemoDatasetStep.MARKER));
    }

    @Test
    void aFirstStartWithNoDemoRecordsTheChoiceAndLaterStartsKeepIt() throws IOException {
        StackSettings declined = settings(Map.of("PLATFORM_DEMO", "false"));
        assertThat(DemoDatasetStep.isNewDataDirectory(declined.dataDir())).isTrue();
        step(declined).runOnFirstStart(true);
        assertThat(marker(declined)).contains("status=skipped");

        StackSettings later = settings(Map.of());
        step(later).runOnFirstStart(true);
        assertThat(marker(later)).contains("status=skipped");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("not loaded again");
    }

    @Test
    void theNoDemoFlagOverridesTheEnvironment() {
        assertThat(settings(Map.of("PLATFORM_DEMO", "true")).withoutDemo().demo()).isFalse();
        assertThat(settings(Map.of()).demo()).isTrue();
        assertThat(settings(Map.of("PLATFORM_DEMO", "no")).demo()).isFalse();
    }

    @Test
    void aDataDirectoryThatHeldDataBeforeNeverGetsTheDemoAutomatically() throws IOException {
        StackSettings s = settings(Map.of());
        Files.createDirectories(s.dataDir().resolve("mongo"));
        assertThat(DemoDatasetStep.isNewDataDirectory(s.dataDir())).isFalse();
        step(s).runOnFirstStart(false);
        assertThat(marker(s)).contains("status=skipped");
    }

    @Test
    void withoutTheCommandLineJarNothingButPendingIsRecordedSoTheNextStartTriesAgain() {
        StackSettings s = settings(Map.of());
        step(s).runOnFirstStart(true);
        assertThat(Files.exists(s.dataDir().resolve(DemoDatasetStep.MARKER))).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("platform-cli.jar is missing");
    }

    @Test
    void aFirstStartWhoseLoadDidNotFinishIsTriedAgainAlthoughTheDataDirectoryIsNoLongerNew() throws IOException {
        StackSettings s = settings(Map.of());
        step(s).decide(true);
        step(s).runOnFirstStart(true); // the loader is missing: not loaded
        assertThat(marker(s)).contains("status=pending");
        console.reset();
        // the next start: the data directory now holds data, but the demo is still owed
        step(s).decide(false);
        step(s).runOnFirstStart(false);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("platform-cli.jar is missing").doesNotContain("not new");
        assertThat(marker(s)).contains("status=pending");
    }
}
