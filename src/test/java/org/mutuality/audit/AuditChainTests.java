package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.AgencyId;

class AuditChainTests {

    final AgencyId agency = new AgencyId(UUID.fromString("7f000000-0000-0000-0000-000000000001"));
    final AuditEntry entry = new AuditEntry(
            UUID.fromString("7f000000-0000-0000-0000-000000000002"),
            Instant.parse("2026-11-23T10:00:00.123456789Z"),
            null,
            UUID.fromString("7f000000-0000-0000-0000-000000000003"),
            "CLINICIAN",
            "READ",
            UUID.fromString("7f000000-0000-0000-0000-000000000004"),
            "CARE_NOTES",
            null,
            "CARE",
            "CIRCLE_OF_CARE",
            "ALLOWED",
            null);

    @Test
    void hashesTheSameEntryTheSameWay() {
        assertThat(AuditChain.hash(AuditChain.GENESIS, agency, 1, entry))
                .isEqualTo(AuditChain.hash(AuditChain.GENESIS, agency, 1, entry))
                .hasSize(64);
    }

    /**
     * The encoding is a published format (an agency may check its chain with its own tool), so it is
     * pinned here field by field: the length in UTF-16 code units, a colon, the value, a bar; an
     * absent value is a tilde and a bar.
     */
    @Test
    void encodesEachFieldAsItsLengthAndValue() throws Exception {
        AuditEntry withDetail = new AuditEntry(
                entry.id(),
                entry.recordedAt(),
                null,
                entry.actorId(),
                entry.actorRoles(),
                entry.action(),
                entry.subjectId(),
                entry.recordKind(),
                entry.recordId(),
                entry.purpose(),
                entry.basis(),
                entry.outcome(),
                "réunion \uD83D\uDE42");
        String canonical = "64:" + AuditChain.GENESIS + "|36:7f000000-0000-0000-0000-000000000001|1:1|"
                + "36:7f000000-0000-0000-0000-000000000002|17:1795428000.123456|"
                + "36:7f000000-0000-0000-0000-000000000003|9:CLINICIAN|4:READ|"
                + "36:7f000000-0000-0000-0000-000000000004|10:CARE_NOTES|~|4:CARE|14:CIRCLE_OF_CARE|7:ALLOWED|"
                + "10:réunion \uD83D\uDE42|";
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        String expected = java.util.HexFormat.of()
                .formatHex(sha256.digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(AuditChain.hash(AuditChain.GENESIS, agency, 1, withDetail)).isEqualTo(expected);
    }

    /** The fast encoder against the format written out plainly, on many varied entries. */
    @Test
    void encodesEveryKindOfEntryAsTheFormatSays() throws Exception {
        java.util.Random random = new java.util.Random(2026);
        String[] texts = {null, "", "READ", "é", "\uD83D\uDE42 x", "a|b:c~", "7"};
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 2_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1_000L);
            AuditEntry e = new AuditEntry(
                    new UUID(random.nextLong(), random.nextLong()),
                    at,
                    null,
                    random.nextBoolean() ? null : new UUID(random.nextLong(), random.nextLong()),
                    texts[random.nextInt(texts.length)],
                    "READ",
                    random.nextBoolean() ? null : new UUID(random.nextLong(), random.nextLong()),
                    texts[random.nextInt(texts.length)],
                    texts[random.nextInt(texts.length)],
                    texts[random.nextInt(texts.length)],
                    texts[random.nextInt(texts.length)],
                    "ALLOWED",
                    texts[random.nextInt(texts.length)]);
            long seq = random.nextInt(4) == 0 ? random.nextInt(10) : Math.abs(random.nextLong() % 10_000_000_000L);
            StringBuilder plain = new StringBuilder();
            for (Object field : new Object[] {
                AuditChain.GENESIS,
                agency.value(),
                seq,
                e.id(),
                AuditChain.micros(at),
                e.actorId(),
                e.actorRoles(),
                e.action(),
                e.subjectId(),
                e.recordKind(),
                e.recordId(),
                e.purpose(),
                e.basis(),
                e.outcome(),
                e.detail()
            }) {
                String text = field == null ? null : field.toString();
                plain.append(text == null ? "~" : text.length() + ":" + text).append('|');
            }
            String expected = java.util.HexFormat.of()
                    .formatHex(sha256.digest(plain.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

            assertThat(AuditChain.hash(AuditChain.GENESIS, agency, seq, e))
                    .as(plain.toString())
                    .isEqualTo(expected);
        }
    }

    @Test
    void changesTheHashWhenAnythingChanges() {
        String original = AuditChain.hash(AuditChain.GENESIS, agency, 1, entry);
        AuditEntry otherOutcome = new AuditEntry(
                entry.id(),
                entry.recordedAt(),
                null,
                entry.actorId(),
                entry.actorRoles(),
                entry.action(),
                entry.subjectId(),
                entry.recordKind(),
                entry.recordId(),
                entry.purpose(),
                entry.basis(),
                "DENIED",
                null);
        AuditEntry emptyDetail = new AuditEntry(
                entry.id(),
                entry.recordedAt(),
                null,
                entry.actorId(),
                entry.actorRoles(),
                entry.action(),
                entry.subjectId(),
                entry.recordKind(),
                entry.recordId(),
                entry.purpose(),
                entry.basis(),
                "ALLOWED",
                "");

        assertThat(AuditChain.hash(AuditChain.GENESIS, agency, 1, otherOutcome)).isNotEqualTo(original);
        assertThat(AuditChain.hash(AuditChain.GENESIS, agency, 2, entry)).isNotEqualTo(original);
        assertThat(AuditChain.hash("1".repeat(64), agency, 1, entry)).isNotEqualTo(original);
        assertThat(AuditChain.hash(AuditChain.GENESIS, agency, 1, emptyDetail)).isNotEqualTo(original);
    }

    @Test
    void keepsTimesToTheMicrosecondAsTheDatabasesDo() {
        assertThat(AuditChain.micros(Instant.parse("2026-11-23T10:00:00.123456789Z")))
                .endsWith(".123456");
    }
}
