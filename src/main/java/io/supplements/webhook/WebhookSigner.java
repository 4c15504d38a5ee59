package io.supplements.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the base64 part of a {@code whsec_} secret, sent as
 * {@code webhook-signature: v1,<base64>}. Receivers verify them with any Standard Webhooks (or Svix) library.
 */
public final class WebhookSigner {
    public static final String PREFIX = "whsec_";
    /** 24 to 64 random bytes, base64: what the libraries accept and what we generate (32). */
    public static final String SECRET_PATTERN = "^whsec_[A-Za-z0-9+/]{32,88}={0,2}$";

    private WebhookSigner() {}

    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static boolean isValidSecret(String secret) {
        if (!secret.matches(SECRET_PATTERN)) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            return length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
