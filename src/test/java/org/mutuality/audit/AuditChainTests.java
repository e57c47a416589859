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
