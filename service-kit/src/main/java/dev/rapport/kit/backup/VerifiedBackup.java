package dev.rapport.kit.backup;

import dev.rapport.kit.problem.Problems;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A backup read to its end and checked before any of it is restored: it must end with its end line, and that
 * line's signature must match every line before it. Until then nothing touches the database, so a cut-off or
 * altered file is a 400 whatever its rows hold. The lines wait in a temporary file, deleted on close.
 */
final class VerifiedBackup implements AutoCloseable {

    private static final byte[] END_LINE = "{\"end\"".getBytes(StandardCharsets.US_ASCII);

    private final Path lines;

    private VerifiedBackup(Path lines) {
        this.lines = lines;
    }

    /** The end line as the writer wrote it: the number of rows and the signature, nothing else; null otherwise. */
    record EndLine(long rows, String signature) {
    }

    static VerifiedBackup read(InputStream in, BackupSignature signature, Function<byte[], EndLine> endLineOf) {
        Path spool = null;
        try {
            spool = Files.createTempFile("rapport-restore-", ".ndjson");
            boolean ended = false;
            long lines = 0;
            try (InputStream input = new BufferedInputStream(in);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool))) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = input.read()) != -1 || line.size() > 0) {
                    if (b != -1 && b != '\n') {
                        line.write(b);
                        continue;
                    }
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (ended) {
                        if (!isBlank(bytes)) {
                            throw Problems.malformed("The backup continues after its end line");
                        }
                    } else if (startsWith(bytes, END_LINE)) {
                        EndLine end = endLineOf.apply(bytes);
                        // The header is the first line; every other line before the end is a row.
                        if (end == null || end.rows() != lines - 1 || !signature.matches(end.signature())) {
                            throw Problems.malformed("The backup's signature does not match its rows: it was changed "
                                    + "after it was written, or written by an install with another rapport.backup.signing-key");
                        }
                        ended = true;
                    } else {
                        signature.update(bytes, 0, bytes.length);
                        signature.update(new byte[]{'\n'}, 0, 1);
                        lines++;
                    }
                    out.write(bytes);
                    out.write('\n');
                    if (b == -1) {
                        break;
                    }
                }
            }
            if (!ended) {
                throw Problems.malformed("The backup has no end line: it was cut off");
            }
            return new VerifiedBackup(spool);
        } catch (IOException e) {
            delete(spool);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(spool);
            throw e;
        }
    }

    InputStream open() throws IOException {
        return Files.newInputStream(lines);
    }

    @Override
    public void close() {
        delete(lines);
    }

    private static void delete(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary file: the OS cleans up what this could not.
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
