package org.conductd.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the SQLite database file, and its folder, readable by the owner only, before
 * SQLite opens it (SQLite would create it with the process umask). SQLite gives its -wal
 * and -shm files the permissions of the database file, so they follow.
 */
public final class DatabaseFile {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private DatabaseFile() {
    }

    /** The file path in a {@code jdbc:sqlite:} URL, or null for an in-memory database. */
    public static Path pathOf(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:")) {
            return null;
        }
        return Path.of(rest);
    }

    public static void prepare(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:sqlite:")) {
            return;
        }
        Path file = pathOf(jdbcUrl);
        if (file != null) {
            ownerOnly(file);
        }
    }

    static void ownerOnly(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (FileAlreadyExistsException e) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path sidecar = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(sidecar)) {
                    Files.setPosixFilePermissions(sidecar, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the database file " + file, e);
        }
    }

    /** Creates a new, empty file readable by the owner only (never an existing one), whatever the umask. */
    public static Path newPrivateFile(Path file) throws IOException {
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
    }

    /** Creates a private folder (for quarantined and oversized mail) readable by the owner only. */
    public static Path privateDirectory(Path dir) {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
