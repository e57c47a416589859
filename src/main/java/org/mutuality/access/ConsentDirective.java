package org.mutuality.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * A person's instruction to withhold their record (or one kind of it) from a named person or from
 * a purpose. Asking that a particular clinician no longer be involved is such an instruction.
 */
public record ConsentDirective(
        ConsentDirectiveId id,
        PersonId person,
        @Nullable PersonId withheldFrom,
        @Nullable Purpose purpose,
        @Nullable RecordKind recordKind,
        @Nullable String note,
        PersonId createdBy,
        Instant createdAt,
        @Nullable Instant withdrawnAt) {

    /**
     * A new directive, given by the person or recorded for them by {@code by}.
     *
     * @throws BadInputException when neither a person nor a purpose is named, the person is the
     *     directive's own, the kind is one that cannot be withheld (safety records), or the note is
     *     over 500 characters
     */
    public static ConsentDirective give(
            PersonId person,
            @Nullable PersonId withheldFrom,
            @Nullable Purpose purpose,
            @Nullable RecordKind kind,
            @Nullable String note,
            PersonId by,
            Instant at) {
        if (kind != null && !kind.withholdable()) {
            throw new BadInputException("consent.notWithholdable");
        }
        if (withheldFrom == null && purpose == null) {
            throw new BadInputException("consent.nameWhoOrWhy");
        }
        if (person.equals(withheldFrom)) {
            throw new BadInputException("consent.notFromOneself");
        }
        String why = Text.optional("note", note, Text.Limit.SHORT);
        return new ConsentDirective(
                ConsentDirectiveId.random(), person, withheldFrom, purpose, kind, why, by, at, null);
    }

    /**
     * The directive withdrawn; it stays on record as withdrawn.
     *
     * @throws ConflictException when it was already withdrawn
     */
    public ConsentDirective withdraw(Instant at) {
        if (!active()) {
            throw new ConflictException("consent.notActive");
        }
        return new ConsentDirective(id, person, withheldFrom, purpose, recordKind, note, createdBy, createdAt, at);
    }

    public boolean active() {
        return withdrawnAt == null;
    }

    /** Whether this directive withholds the record from this reader, for this kind and purpose. */
    public boolean withholds(PersonId reader, RecordKind kind, Purpose readPurpose) {
        return active()
                && (withheldFrom == null || withheldFrom.equals(reader))
                && (purpose == null || purpose == readPurpose)
                && (recordKind == null || recordKind == kind);
    }
}
