package org.mutuality.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.records.store.Notes;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care and support notes. Every read asks the {@link AccessGuard} and leaves an audit entry, a
 * refused one included, in the same transaction. Writing needs the basis a reader of that kind
 * would need (the circle of care, or the assignment); corrections are amendments.
 */
@Service
public class Records {

    private static final List<RecordKind> NOTE_KINDS =
            Arrays.stream(RecordKind.values()).filter(RecordKind::isNote).toList();

    private final Notes notes;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Directory directory;
    private final Clock clock;

    Records(Notes notes, AccessGuard guard, AuditLog audit, Directory directory, Clock clock) {
        this.notes = notes;
        this.guard = guard;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The kinds of record kept as notes, or only {@code kind} when one is named.
     *
     * @throws BadInputException when the kind named is not kept as notes
     */
    public static List<RecordKind> noteKinds(@Nullable RecordKind kind) {
        if (kind == null) {
            return NOTE_KINDS;
        }
        if (!kind.isNote()) {
            throw new BadInputException("note.notANoteKind", Explanation.field("kind"));
        }
        return List.of(kind);
    }

    /** How many notes a page shows unless the client asks for another number. */
    public static final int PAGE = 20;

    /**
     * A page of the notes of each kind the reader may read, newest first, each kind audited as a read
     * (allowed, with its basis, or refused); empty when none opens. A kind the reader may not read is
     * audited as a refused read only when no kind opens: a page that lists what the reader may see
     * does not write a refusal of the rest into the person's access log. With {@code after}, only the
     * cursor's kind is read, from where the cursor ends.
     *
     * @param purpose the purpose of every read, or null for each kind's usual one
     * @throws BadInputException when {@code after} is of another kind than the one asked
     */
    @Transactional
    public Map<RecordKind, NotesRead.Shown> readable(
            SignedInUser reader,
            PersonId subject,
            List<RecordKind> kinds,
            @Nullable Purpose purpose,
            @Nullable NoteCursor after,
            int limit) {
        List<RecordKind> asked = kinds;
        if (after != null) {
            if (!kinds.contains(after.kind())) {
                throw new BadInputException("page.badCursor");
            }
            asked = List.of(after.kind());
        }
        directory.requirePerson(reader.agencyId(), subject);
        Map<RecordKind, AccessDecision> decisions = new LinkedHashMap<>();
        for (RecordKind kind : asked) {
            decisions.put(kind, guard.decide(reader, subject, kind, purpose == null ? kind.usualPurpose() : purpose));
        }
        boolean anyOpens = decisions.values().stream().anyMatch(d -> d instanceof AccessDecision.Granted);
        Map<RecordKind, NotesRead.Shown> shown = new LinkedHashMap<>();
        for (Map.Entry<RecordKind, AccessDecision> d : decisions.entrySet()) {
            RecordKind kind = d.getKey();
            if (anyOpens && !(d.getValue() instanceof AccessDecision.Granted)) {
                continue;
            }
            Purpose why = purpose == null ? kind.usualPurpose() : purpose;
            if (audited(reader, subject, kind, why, d.getValue(), after, limit) instanceof NotesRead.Shown notes) {
                shown.put(kind, notes);
            }
        }
        return shown;
    }

    private NotesRead audited(
            SignedInUser reader,
            PersonId subject,
            RecordKind kind,
            Purpose purpose,
            AccessDecision decision,
            @Nullable NoteCursor after,
            int limit) {
        if (decision instanceof AccessDecision.Granted granted) {
            audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.ALLOWED)
                    .about(subject.value(), kind.name(), null)
                    .because(purpose, granted.basis()));
            Page<Note> page = notes.about(reader.agencyId(), subject, kind, after, limit);
            return new NotesRead.Shown(page.items(), granted.basis(), page.next());
        }
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.DENIED)
                .about(subject.value(), kind.name(), null)
                .because(purpose.name(), null));
        return new NotesRead.Refused((AccessDecision.Refused) decision);
    }

    /**
     * Writes a note, or an amendment of an earlier note of the same person and kind.
     *
     * @throws ForbiddenException unless the writer treats the person (care notes) or is assigned to
     *     support them (support notes); a break-the-glass grant only reads
     * @throws NotFoundException when the person is not in the agency, or the writer may not see them
     *     at all (then it reads the same, and is audited)
     * @throws BadInputException when the kind is not kept as notes, the text is empty or over 4,000
     *     characters, or the day is in the future; asked before the person is looked up, so that bad
     *     input about someone hidden reads as bad input about someone missing
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class}) // the refusal's entry stays
    public Note write(
            SignedInUser writer,
            PersonId subject,
            RecordKind kind,
            @Nullable LocalDate writtenOn,
            String text,
            @Nullable NoteId amends) {
        noteKinds(kind);
        String body = Text.required("text", text, Text.Limit.BODY);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = writtenOn == null ? today : writtenOn;
        if (day.isAfter(today)) {
            throw new BadInputException("note.dateInFuture");
        }
        directory.requirePerson(writer.agencyId(), subject);
        Purpose purpose = kind.usualPurpose();
        AccessDecision decision = guard.decide(writer, subject, kind, purpose);
        Basis basis = decision instanceof AccessDecision.Granted granted ? granted.basis() : null;
        if (basis == null || !decision.writable() || !writesOn(basis)) {
            audit.record(AuditEvent.by(writer, AuditAction.WRITE, AuditOutcome.DENIED)
                    .about(subject.value(), kind.name(), null)
                    .because(purpose, basis));
            if (decision instanceof AccessDecision.Granted granted && granted.fromGrant()) {
                throw new ForbiddenException(guard.readOnly());
            }
            String refused = kind == RecordKind.CARE_NOTES ? "note.careWriters" : "note.supportWriters";
            // An amendment is asked for by the note's id: to someone who may not see the person, the
            // note reads as missing, never naming whom it is about.
            throw amends == null
                    ? writer.refusalAbout(subject, refused)
                    : writer.refusalOf("notFound.note", amends, subject, refused);
        }
        if (amends != null) {
            Note original = notes.find(writer.agencyId(), amends)
                    .filter(n -> n.subject().equals(subject) && n.kind() == kind)
                    .orElseThrow(() -> new NotFoundException("notFound.note", amends));
            day = original.writtenOn();
        }
        Note note = new Note(NoteId.random(), subject, writer.personId(), kind, day, body, amends, clock.instant());
        notes.insert(writer.agencyId(), note);
        audit.record(AuditEvent.by(writer, AuditAction.WRITE, AuditOutcome.DONE)
                .about(subject.value(), kind.name(), note.id().toString())
                .because(purpose, basis)
                .noting(amends == null ? "note" : "amendment"));
        return note;
    }

    /**
     * Whether a basis lets its holder write: the circle of care and the assignment do; reading
     * one's own record, supervision and break-the-glass do not.
     */
    public static boolean writesOn(Basis basis) {
        return basis == Basis.CIRCLE_OF_CARE || basis == Basis.ASSIGNMENT;
    }

    /** The note by id, for finding the person and kind it belongs to; not for display. */
    @Transactional(readOnly = true)
    public Optional<Note> locate(SignedInUser reader, NoteId id) {
        return notes.find(reader.agencyId(), id);
    }
}
