package dev.rapport.kit.backup;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedBackupTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-characters";
    private static final Pattern END = Pattern.compile("\\{\"end\":\\{\"rows\":(\\d+),\"signature\":\"([^\"]*)\"}}");

    @Test
    void whatWasSignedIsReadBackWhole() throws IOException {
        String backup = signed(KEY, "{\"rapportBackup\":2}\n{\"table\":\"t\",\"row\":{\"id\":1}}\n");
        try (VerifiedBackup verified = VerifiedBackup.read(in(backup), BackupSignature.of(KEY), VerifiedBackupTest::endLineOf);
             InputStream lines = verified.open()) {
            assertEquals(backup, new String(lines.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aChangedByteAnotherKeyOrAMissingEndLineIsA400() {
        String backup = signed(KEY, "{\"rapportBackup\":2}\n{\"table\":\"t\",\"row\":{\"id\":1}}\n");
        assertRefused(backup.replace("\"id\":1", "\"id\":2"), KEY, "signature");
        assertRefused(backup, "another-key-of-at-least-thirty-two-characters", "signature");
        assertRefused(backup.substring(0, backup.indexOf("{\"end\"")), KEY, "cut off");
        assertRefused(backup + "{\"table\":\"t\",\"row\":{\"id\":3}}\n", KEY, "after its end line");
        assertRefused(backup.replace("\"rows\":1", "\"rows\":2"), KEY, "signature");
        assertRefused(backup.replace("\"}}\n", "\",\"extra\":1}}\n"), KEY, "signature");
    }

    @Test
    void withoutAKeyOfThirtyTwoCharactersBackupsAreUnavailable() {
        assertEquals(503, assertThrows(HttpProblem.class, () -> BackupSignature.of(null)).getStatusCode());
        assertEquals(503, assertThrows(HttpProblem.class, () -> BackupSignature.of("short")).getStatusCode());
    }

    private static void assertRefused(String backup, String key, String reason) {
        HttpProblem problem = assertThrows(HttpProblem.class,
                () -> VerifiedBackup.read(in(backup), BackupSignature.of(key), VerifiedBackupTest::endLineOf).close());
        assertEquals(400, problem.getStatusCode());
        assertTrue(problem.getDetail().contains(reason), problem.getDetail());
    }

    /** The lines as WorkspaceBackup writes them: signed through the stream, then the end line with the signature. */
    private static String signed(String key, String lines) {
        BackupSignature signature = BackupSignature.of(key);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = signature.signing(bytes)) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8) + "{\"end\":{\"rows\":1,\"signature\":\"" + signature.sign() + "\"}}\n";
    }

    private static VerifiedBackup.EndLine endLineOf(byte[] endLine) {
        Matcher found = END.matcher(new String(endLine, StandardCharsets.UTF_8));
        return found.matches() ? new VerifiedBackup.EndLine(Long.parseLong(found.group(1)), found.group(2)) : null;
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
