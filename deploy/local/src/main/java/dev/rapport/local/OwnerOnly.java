package dev.rapport.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read (0600, directories 0700), for the development signing key: anyone who can read
 * it can sign a token for any workspace. Where the file system has no POSIX permissions, files are written as usual.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    static void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory);
        restrict(directory, DIRECTORY);
    }

    /** The file is created 0600 before anything is written, so the content is never readable by others. */
    static void writeString(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (isPosix(file.getParent())) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(FILE);
            Files.createFile(file, ownerOnly);
        }
        Files.writeString(file, content);
    }

    /** Narrows a key written before this rule, or loosened by hand, to its owner. */
    static void tighten(Path directory, Path file) throws IOException {
        restrict(directory, DIRECTORY);
        restrict(file, FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
