package org.mutuality.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.AgencyId;

/** Audit events for tests of the log itself. */
final class TestEvents {

    private TestEvents() {}

    /** A clinician's allowed read of someone's care notes, with an optional technical detail. */
    static AuditEvent read(AgencyId agency, @Nullable String detail) {
        return new AuditEvent(
                agency,
                UUID.randomUUID(),
                "CLINICIAN",
                AuditAction.READ,
                UUID.randomUUID(),
                "CARE_NOTES",
                null,
                "CARE",
                "CIRCLE_OF_CARE",
                AuditOutcome.ALLOWED,
                detail);
    }
}
