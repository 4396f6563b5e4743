package dev.rapport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A secret the local stack's services need, made once and kept beside the signing keys (owner-only), so what it
 * protects survives a restart: the key backups are signed with (a backup taken today still restores), the key
 * calendar subscription URLs are encrypted with (a stored URL can still be read). It reaches the services as an
 * environment variable, not on their command line, where every user of the machine could read it.
 */
public enum LocalSecret {

    BACKUP_SIGNING_KEY("RAPPORT_BACKUP_SIGNING_KEY", "backup-signing.key", Base64.getUrlEncoder().withoutPadding()),
    /** An AES-256 key, in the standard Base64 interactions-service reads it in. */
    CALENDAR_URL_KEY("RAPPORT_CALENDAR_URL_KEY", "calendar-url.key", Base64.getEncoder());

    private final String environmentVariable;
    private final String file;
    private final Base64.Encoder encoding;

    LocalSecret(String environmentVariable, String file, Base64.Encoder encoding) {
        this.environmentVariable = environmentVariable;
        this.file = file;
        this.encoding = encoding;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    /** Every secret by its environment variable, made on first use. */
    public static Map<String, String> loadOrCreateAll(Path keysDirectory) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (LocalSecret secret : values()) {
            secrets.put(secret.environmentVariable, secret.loadOrCreate(keysDirectory));
        }
        return secrets;
    }

    public String loadOrCreate(Path keysDirectory) {
        Path path = keysDirectory.resolve(file);
        try {
            if (!Files.isRegularFile(path)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                OwnerOnly.createDirectories(keysDirectory);
                OwnerOnly.writeString(path, encoding.encodeToString(secret));
            }
            OwnerOnly.tighten(keysDirectory, path);
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep " + file + " in " + keysDirectory, e);
        }
    }
}
