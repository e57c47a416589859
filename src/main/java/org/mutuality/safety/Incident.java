package org.mutuality.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A boundary incident: what happened, who was involved, what was agreed next, each person's own
 * account, who handles it and how it ended. {@code accounts} holds only those the reader may read.
 */
public record Incident(
        UUID id,
        PersonId recordedBy,
        LocalDate occurredOn,
        String whatHappened,
        @Nullable String agreedNext,
        Set<PersonId> involved,
        Status status,
        @Nullable PersonId handler,
        @Nullable Outcome outcome,
        @Nullable String outcomeNote,
        List<Account> accounts,
        Instant createdAt,
        int version) {

    public Incident {
        involved = Set.copyOf(involved);
        accounts = List.copyOf(accounts);
    }

    /** Where an incident stands. */
    public enum Status {
        OPEN,
        IN_HAND,
        RESOLVED
    }

    /** How an incident ended. None of them is a sanction. */
    public enum Outcome {
        BOUNDARY_RESTATED,
        RELATIONSHIP_CONTINUES,
        PLAN_UPDATED,
        SUPPORT_REASSIGNED,
        NO_FURTHER_ACTION
    }

    /** One person's own account of what happened. */
    public record Account(UUID id, PersonId author, String text, Instant at) {}

    Incident withAccounts(List<Account> shown) {
        return new Incident(
                id,
                recordedBy,
                occurredOn,
                whatHappened,
                agreedNext,
                involved,
                status,
                handler,
                outcome,
                outcomeNote,
                shown,
                createdAt,
                version);
    }
}
