package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is its owner's only, whatever the umask of whoever made what is already in it. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void whatAnOlderStartLeftOpenIsClosedAndWhatTheLauncherMakesIsMadeClosed() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("kafka/projects.events-0"));
        Path segment = Files.createFile(data.resolve("kafka/projects.events-0/00000000000000000000.log"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("kafka"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.restrict(data);
        Path log = PrivateFiles.file(data.resolve("logs/gateway.log"));

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PrivateFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(data.resolve("kafka"))).isEqualTo(PrivateFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(segment)).isEqualTo(PrivateFiles.FILE);
        assertThat(Files.getPosixFilePermissions(data.resolve("logs"))).isEqualTo(PrivateFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PrivateFiles.FILE);
    }
}
