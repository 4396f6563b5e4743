package dev.rapport.interactions.service;

import dev.rapport.interactions.config.CalendarConfig;
import dev.rapport.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts subscription URLs at rest (AES-GCM, a random 96-bit nonce per URL, the source id as associated data so a
 * ciphertext cannot be moved to another row). The key is {@code rapport.calendar.url-key} (base64 of 16, 24 or 32
 * bytes); without it, subscriptions cannot be registered (503), never stored in clear.
 */
@ApplicationScoped
public class CalendarUrlCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    CalendarConfig config;

    private final SecureRandom random = new SecureRandom();

    public String encrypt(String url, String associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associated);
            byte[] sealed = cipher.doFinal(url.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a calendar URL", e);
        }
    }

    public String decrypt(String stored, String associated) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown calendar URL encoding");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, associated);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a calendar URL (was rapport.calendar.url-key changed?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String associated) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKeySpec key() {
        String encoded = config.urlKey().filter(k -> !k.isBlank()).orElseThrow(() -> Problems.builder(503,
                "calendar-subscriptions-unavailable", "Calendar subscriptions are not configured",
                "This installation has no key to keep subscription URLs secret (rapport.calendar.url-key)").build());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rapport.calendar.url-key is not base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalStateException("rapport.calendar.url-key must be 16, 24 or 32 bytes");
        }
        return new SecretKeySpec(key, "AES");
    }
}
