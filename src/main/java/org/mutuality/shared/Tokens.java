package org.mutuality.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to one person once (an emailed link, an API token): 256 random bits, and the
 * SHA-256 hash that is all Mutuality stores of them, so a copy of the database opens nothing. The
 * tokens are random enough that an unsalted hash cannot be reversed by guessing.
 */
public final class Tokens {

    // SecureRandom is thread-safe; one instance avoids reseeding from the system on every token.
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new secret: 32 random bytes, URL-safe Base64 without padding (43 characters). */
    public static String newSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The SHA-256 hash of a token, in lower-case hex: what is stored and looked up. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
