package dev.rapport.kit.backup;

import dev.rapport.kit.problem.Problems;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HMAC-SHA256 over every byte of a backup before its end line, keyed by {@code rapport.backup.signing-key}. Only
 * a backup this install (or one sharing its key) wrote can be restored: a hand-made file could otherwise carry
 * rows with any owner or id, and its clashes would tell an admin which ids exist in other workspaces.
 */
final class BackupSignature {

    static final int SHORTEST_KEY = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    private BackupSignature(Mac mac) {
        this.mac = mac;
    }

    static BackupSignature of(String key) {
        if (key == null || key.length() < SHORTEST_KEY) {
            throw Problems.builder(503, "unavailable", "Service Unavailable",
                    "Backups are switched off here: rapport.backup.signing-key (RAPPORT_BACKUP_SIGNING_KEY) must be set "
                            + "to a secret of at least " + SHORTEST_KEY + " characters").build();
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return new BackupSignature(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        mac.update(bytes, offset, length);
    }

    /** The signature of everything given so far. */
    String sign() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
    }

    boolean matches(String signature) {
        return signature != null && MessageDigest.isEqual(sign().getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Passes bytes on to {@code out} and into the signature. */
    OutputStream signing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                mac.update((byte) b);
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                mac.update(bytes, offset, length);
                out.write(bytes, offset, length);
            }
        };
    }
}
