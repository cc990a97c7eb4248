package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds the store, the broker's logs, the services' logs and the secrets: only its owner may read
 * any of it (directories 700, files 600). Directories are made so, files the launcher creates are made so, and the
 * processes it starts run with umask 077; what a loose umask let through before is tightened at start.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the directory (and its missing parents) for its owner only; an existing one is made so. */
    static Path directory(Path dir) {
        try {
            if (!POSIX) {
                return Files.createDirectories(dir);
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(dir, DIRECTORY);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Creates an empty file for its owner only if it is missing; an existing one is made so. */
    static Path file(Path file) {
        try {
            directory(file.toAbsolutePath().getParent());
            if (!POSIX) {
                return Files.exists(file) ? file : Files.createFile(file);
            }
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
            Files.setPosixFilePermissions(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Takes group's and others' rights from everything under {@code root}, root included. */
    static void restrict(Path root) {
        if (!POSIX || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(PrivateFiles::restrictOne);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + root, e);
        }
    }

    private static void restrictOne(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.removeIf(p -> !p.name().startsWith("OWNER_"))) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException e) {
            // a file the broker removed meanwhile (a rolled segment): nothing left to protect
        }
    }

    /**
     * True if files this process creates are readable by group or others: its umask is looser than 077 (checked
     * with a probe file in {@code dir}).
     */
    static boolean umaskIsLoose(Path dir) {
        if (!POSIX) {
            return false;
        }
        try {
            Path probe = Files.createTempFile(directory(dir), ".umask", ".probe");
            try {
                // createTempFile asks for 600 itself; a plain create shows the umask
                Files.delete(probe);
                Files.createFile(probe);
                return Files.getPosixFilePermissions(probe).stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return false;
        }
    }
}
