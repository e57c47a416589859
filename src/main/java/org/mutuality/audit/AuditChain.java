package org.mutuality.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.AgencyId;

/**
 * The canonical encoding of an entry and its hash. Each field is written as its length, a colon and
 * its value (or {@code ~} when absent), so no two different entries encode the same; the hash is
 * SHA-256 over the previous entry's hash and this encoding.
 */
public final class AuditChain {

    /** The previous hash of the first entry of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hash(String previous, AgencyId agency, long seq, AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, previous);
        field(canonical, agency.value().toString());
        field(canonical, Long.toString(seq));
        field(canonical, e.id().toString());
        field(canonical, micros(e.recordedAt()));
        field(canonical, e.actorId());
        field(canonical, e.actorRoles());
        field(canonical, e.action());
        field(canonical, e.subjectId());
        field(canonical, e.recordKind());
        field(canonical, e.recordId());
        field(canonical, e.purpose());
        field(canonical, e.basis());
        field(canonical, e.outcome());
        field(canonical, e.detail());
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        return HEX.formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();

    /** One digest per thread: getting a new one per entry costs as much as hashing a short entry. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    /** Times are kept to the microsecond, as both databases store them. */
    static String micros(Instant instant) {
        long seconds = instant.getEpochSecond();
        long micros = instant.getNano() / 1_000;
        String fraction = Long.toString(micros);
        return seconds + "." + "000000".substring(fraction.length()) + fraction;
    }

    private static void field(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append('~');
        } else {
            String text = value instanceof UUID u ? u.toString() : value.toString();
            out.append(text.length()).append(':').append(text);
        }
        out.append('|');
    }
}
