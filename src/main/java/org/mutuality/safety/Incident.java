package org.mutuality.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A boundary incident: what happened, who was involved, what was agreed next, each person's own
 * account, who handles it and how it ended. {@code accounts} holds only those the reader may read.
 * Each step people take checks that it is possible from the current state and returns the new state
 * as a value ({@link Moved}); saving it, and who may take it, are {@link Incidents}'.
 *
 * @param consultation the consultation its handler took it in hand on, whose safeguards stay with
 *     it; null when they took it without one
 * @param version the version it was read at; a step keeps it, and saving checks it
 */
public record Incident(
        IncidentId id,
        PersonId recordedBy,
        LocalDate occurredOn,
        String whatHappened,
        @Nullable String agreedNext,
        Set<PersonId> involved,
        Status status,
        @Nullable PersonId handler,
        @Nullable UUID consultation,
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
        NO_FURTHER_ACTION;

        /**
         * The outcome a form names.
         *
         * @throws BadInputException for any other text
         */
        public static Outcome named(String name) {
            return Arrays.stream(values())
                    .filter(o -> o.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new BadInputException("incident.chooseOutcome"));
        }
    }

    /** A step taken on an incident. */
    public enum Step {
        TAKEN,
        RESOLVED;

        /** What the audit log notes, such as "incident taken". */
        public String noted() {
            return "incident " + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The incident after a step, and the step. */
    public record Moved(Incident incident, Step step) {}

    /** One person's own account of what happened. */
    public record Account(UUID id, PersonId author, String text, Instant at) {}

    /**
     * A new incident, recorded by someone involved, with the others involved.
     *
     * @param occurredOn null for today
     * @throws BadInputException when a text is out of bounds, the date is after today, or not 1 to 19
     *     other people are named
     */
    public static Incident record(
            PersonId by,
            @Nullable LocalDate occurredOn,
            String whatHappened,
            @Nullable String agreedNext,
            Collection<PersonId> others,
            LocalDate today,
            Instant at) {
        String what = Text.required("whatHappened", whatHappened, 10, Text.Limit.BODY);
        String agreed = Text.optional("agreedNext", agreedNext, Text.Limit.MESSAGE);
        LocalDate on = occurredOn == null ? today : occurredOn;
        if (on.isAfter(today)) {
            throw new BadInputException("safety.dateInFuture", Explanation.field("occurredOn"), on);
        }
        Set<PersonId> involved = new LinkedHashSet<>();
        involved.add(by);
        involved.addAll(others);
        if (involved.size() < 2 || involved.size() > 20) {
            throw new BadInputException("incident.involvedCount");
        }
        return new Incident(
                IncidentId.random(),
                by,
                on,
                what,
                agreed,
                involved,
                Status.OPEN,
                null,
                null,
                null,
                null,
                List.of(),
                at,
                0);
    }

    /**
     * A person's own account of what happened.
     *
     * @throws BadInputException when the text is under 10 or over 4,000 characters
     */
    public Account account(PersonId author, String text, Instant at) {
        return new Account(UUID.randomUUID(), author, Text.required("text", text, 10, Text.Limit.BODY), at);
    }

    /**
     * A handler takes the incident, once the conflict check between them and every person involved
     * is cleared ({@link ConflictDecision#strictest}) by what they bring: an acknowledgement, or a
     * consultation about the one pairing that asks, which the incident then names.
     *
     * @throws ConflictException unless the incident is open, or when the check refuses
     * @throws org.mutuality.conflicts.AcknowledgementNeeded when it warns or asks for consultation
     *     and nothing clears it
     */
    public Moved take(PersonId by, ConflictDecision decision, GoAhead goAhead) {
        if (status != Status.OPEN) {
            throw new ConflictException("incident.notOpen", state());
        }
        decision.requireCleared(goAhead);
        UUID consulted =
                goAhead instanceof GoAhead.Consulted c ? c.consultation().consultation() : null;
        return new Moved(with(Status.IN_HAND, by, consulted, null, null, accounts), Step.TAKEN);
    }

    /**
     * Its handler resolves the incident with an outcome and an optional note.
     *
     * @throws ConflictException unless it is being handled
     * @throws BadInputException when the note is over 2,000 characters
     */
    public Moved resolve(Outcome how, @Nullable String note) {
        if (status != Status.IN_HAND) {
            throw new ConflictException("incident.notInHand", state());
        }
        return new Moved(
                with(
                        Status.RESOLVED,
                        handler,
                        consultation,
                        how,
                        Text.optional("note", note, Text.Limit.MESSAGE),
                        accounts),
                Step.RESOLVED);
    }

    /**
     * The same incident as someone involved reads it: only the accounts given, and not the
     * consultation it was taken on (which would tell of the handler's tie to one of them).
     */
    Incident forInvolved(List<Account> shown) {
        return with(status, handler, null, outcome, outcomeNote, shown);
    }

    private Incident with(
            Status to,
            @Nullable PersonId by,
            @Nullable UUID consulted,
            @Nullable Outcome how,
            @Nullable String note,
            List<Account> shown) {
        return new Incident(
                id,
                recordedBy,
                occurredOn,
                whatHappened,
                agreedNext,
                involved,
                to,
                by,
                consulted,
                how,
                note,
                shown,
                createdAt,
                version);
    }

    private Object state() {
        return Explanation.term("incident.status." + status.name(), status.name());
    }
}
