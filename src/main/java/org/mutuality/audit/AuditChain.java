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
        return HEX.formatHex(digest(previous, agency, seq, e));
    }

    /** The SHA-256 of the entry's canonical encoding after {@code previous}, as bytes. */
    static byte[] digest(String previous, AgencyId agency, long seq, AuditEntry e) {
        return encode(previous, agency, seq, e).digest();
    }

    /**
     * The entry as a leaf of its agency's Merkle tree ({@link MerkleTree}): the same canonical
     * encoding without the previous hash, so that a leaf can be checked from the entry alone.
     */
    public static byte[] leaf(AgencyId agency, long seq, AuditEntry e) {
        return encode(null, agency, seq, e).bytes();
    }

    private static Canonical encode(@Nullable String previous, AgencyId agency, long seq, AuditEntry e) {
        Canonical out = CANONICAL.get();
        out.reset();
        if (previous != null) {
            out.field(previous);
        }
        out.field(agency.value());
        out.number(seq);
        out.field(e.id());
        out.micros(e.recordedAt());
        out.field(e.actorId());
        out.field(e.actorRoles());
        out.field(e.action());
        out.field(e.subjectId());
        out.field(e.recordKind());
        out.field(e.recordId());
        out.field(e.purpose());
        out.field(e.basis());
        out.field(e.outcome());
        out.field(e.detail());
        return out;
    }

    private static final HexFormat HEX = HexFormat.of();

    /**
     * One encoder per thread, writing the encoding straight into a reused byte buffer and hashing it
     * with a reused digest: verification hashes a million entries, and building a string per entry
     * and a digest per entry cost as much as the hashing itself.
     */
    private static final ThreadLocal<Canonical> CANONICAL = ThreadLocal.withInitial(Canonical::new);

    private static final class Canonical {

        private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private final MessageDigest sha256;
        private byte[] buffer = new byte[512];
        private int length;

        Canonical() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        void reset() {
            length = 0;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buffer, length);
        }

        byte[] digest() {
            sha256.reset();
            sha256.update(buffer, 0, length);
            return sha256.digest();
        }

        void field(@Nullable UUID value) {
            if (value == null) {
                absent();
                return;
            }
            ensure(40);
            ascii("36:");
            long most = value.getMostSignificantBits();
            long least = value.getLeastSignificantBits();
            hex(most >>> 32, 8);
            buffer[length++] = '-';
            hex(most >>> 16, 4);
            buffer[length++] = '-';
            hex(most, 4);
            buffer[length++] = '-';
            hex(least >>> 48, 4);
            buffer[length++] = '-';
            hex(least, 12);
            buffer[length++] = '|';
        }

        /** The length counts UTF-16 code units (Java's {@link String#length}); the value is UTF-8. */
        void field(@Nullable String value) {
            if (value == null) {
                absent();
                return;
            }
            int chars = value.length();
            ensure(12 + chars * 3);
            ascii(Integer.toString(chars));
            buffer[length++] = ':';
            boolean ascii = true;
            for (int i = 0; i < chars; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                buffer[length + i] = (byte) c;
            }
            if (ascii) {
                length += chars;
            } else {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length + 1);
                System.arraycopy(utf8, 0, buffer, length, utf8.length);
                length += utf8.length;
            }
            buffer[length++] = '|';
        }

        /** A whole number, as {@link Long#toString} writes it. */
        void number(long value) {
            if (value < 0) {
                field(Long.toString(value));
                return;
            }
            int digits = digits(value);
            ensure(2 * digits + 4);
            appendDigits(digits, 0);
            buffer[length++] = ':';
            appendDigits(value, digits);
            buffer[length++] = '|';
        }

        /** A time as {@link AuditChain#micros} writes it: seconds, a dot, six digits of microseconds. */
        void micros(Instant instant) {
            long seconds = instant.getEpochSecond();
            if (seconds < 0) {
                field(AuditChain.micros(instant));
                return;
            }
            int digits = digits(seconds);
            int chars = digits + 7;
            ensure(chars + 6);
            appendDigits(chars, 0);
            buffer[length++] = ':';
            appendDigits(seconds, digits);
            buffer[length++] = '.';
            appendDigits(instant.getNano() / 1_000, 6);
            buffer[length++] = '|';
        }

        private static int digits(long value) {
            int digits = 1;
            while (value >= 10) {
                value /= 10;
                digits++;
            }
            return digits;
        }

        /** Writes the value in exactly {@code width} digits, zeros in front (its own width when 0). */
        private void appendDigits(long value, int width) {
            int digits = width == 0 ? digits(value) : width;
            for (int i = digits - 1; i >= 0; i--) {
                buffer[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += digits;
        }

        private void absent() {
            ensure(2);
            buffer[length++] = '~';
            buffer[length++] = '|';
        }

        private void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                buffer[length++] = (byte) text.charAt(i);
            }
        }

        private void hex(long bits, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                buffer[length + i] = HEX_DIGITS[(int) (bits & 0xF)];
                bits >>>= 4;
            }
            length += digits;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    /** Times are kept to the microsecond, as both databases store them. */
    static String micros(Instant instant) {
        long seconds = instant.getEpochSecond();
        long micros = instant.getNano() / 1_000;
        String fraction = Long.toString(micros);
        return seconds + "." + "000000".substring(fraction.length()) + fraction;
    }
}
