package dev.rapport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret the local stack's services sign backups with, made once and kept beside the signing keys (owner-only),
 * so a backup taken today still restores after a restart. It reaches the services as an environment variable, not
 * on their command line, where every user of the machine could read it.
 */
public final class BackupSigningKey {

    public static final String ENVIRONMENT_VARIABLE = "RAPPORT_BACKUP_SIGNING_KEY";
    private static final String FILE = "backup-signing.key";

    private BackupSigningKey() {
    }

    public static String loadOrCreate(Path keysDirectory) {
        Path file = keysDirectory.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                OwnerOnly.createDirectories(keysDirectory);
                OwnerOnly.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            }
            OwnerOnly.tighten(keysDirectory, file);
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the backup signing key in " + keysDirectory, e);
        }
    }
}
