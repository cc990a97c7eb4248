package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The services' log format as the launcher's environment asks for it. */
class StackSettingsTest {
    private static final Path HOME = Path.of(".");

    @Test
    void servicesLogTextUnlessJsonIsAskedFor() {
        assertThat(StackSettings.fromEnvironment(Map.of(), HOME).logFormat().serviceEnvironment()).isEmpty();
        assertThat(StackSettings.fromEnvironment(Map.of("PLATFORM_LOG_FORMAT", "text"), HOME).logFormat()
                .serviceEnvironment()).isEmpty();
    }

    @Test
    void jsonAsksEveryServiceForSpringBootsStructuredEcsLines() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("PLATFORM_LOG_FORMAT", "JSON"), HOME);

        assertThat(settings.logFormat().serviceEnvironment())
                .containsExactlyEntriesOf(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
        assertThat(settings.withoutDemo().logFormat()).isEqualTo(StackSettings.LogFormat.JSON);
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("PLATFORM_LOG_FORMAT", "xml"), HOME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLATFORM_LOG_FORMAT");
    }
}
