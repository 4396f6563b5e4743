package dev.rapport.reminders.mapping.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signatures in the Standard Webhooks format (standardwebhooks.com), so receivers verify them with its libraries:
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}, keyed with the
 * bytes of a {@code whsec_<base64>} secret; several space-separated while an old secret is still honoured.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** 256 random bits. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value: one {@code v1,} signature per secret. */
    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, id, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String id, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
