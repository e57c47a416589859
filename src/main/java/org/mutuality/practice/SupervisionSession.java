package org.mutuality.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.Text;

/**
 * One supervision session between a supervisor and the person they supervise: when, how long, in
 * which form, the agenda prefilled when it was planned (references only), the notes of both, the
 * checklist topics discussed, the actions agreed, and each one's sign-off. Once both have signed, the
 * session is closed: nothing more is written to it. Before that, a change to what both read (a note
 * that is not private, the topics, an action) withdraws a signature already given, so a sign-off
 * always covers the record as it stands.
 *
 * <p>Each step people take checks that it is possible from the current state and who takes it, and
 * returns the new state as a value ({@link Moved}), changing nothing itself; saving it is {@link
 * Supervisions}'. {@code notes} holds only those the reader may read: a private note of the
 * supervisee is read by its author alone.
 *
 * @param version the version it was read at; a step keeps it, and saving checks it
 */
public record SupervisionSession(
        SupervisionSessionId id,
        PersonId supervisor,
        PersonId supervisee,
        LocalDate heldOn,
        int minutes,
        SupervisionForm form,
        List<AgendaItem> agenda,
        List<Note> notes,
        Set<ChecklistTopic> topics,
        List<Action> actions,
        @Nullable Instant supervisorSignedAt,
        @Nullable Instant superviseeSignedAt,
        Instant createdAt,
        int version) {

    /** The shortest and longest session, in minutes. */
    public static final int MIN_MINUTES = 10;

    public static final int MAX_MINUTES = 480;

    public SupervisionSession {
        agenda = List.copyOf(agenda);
        notes = List.copyOf(notes);
        topics = topics.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(topics));
        actions = List.copyOf(actions);
    }

    /** Which of the two a person is in this session. */
    public enum Part {
        SUPERVISOR,
        SUPERVISEE
    }

    /** Where a session stands. */
    public enum Status {
        OPEN,
        SIGNED_BY_SUPERVISOR,
        SIGNED_BY_SUPERVISEE,
        CLOSED
    }

    /** A step taken on a session, in the words the audit log notes. */
    public enum Step {
        NOTE_ADDED("note added"),
        PRIVATE_NOTE_ADDED("private note added"),
        TOPICS_MARKED("topics marked"),
        ACTION_AGREED("action agreed"),
        ACTION_DONE("action done"),
        CARRIED_ACTION_DONE("carried action done"),
        SIGNED("signed off");

        private final String noted;

        Step(String noted) {
            this.noted = noted;
        }

        /** What the audit log notes; never what was written. */
        public String noted() {
            return noted;
        }
    }

    /** Why neither of the two may write to or sign a session any more. */
    public enum ReadOnly {
        /** Both have signed: the record is agreed as it stands. */
        CLOSED,
        /**
         * The register no longer says the supervisor supervises the supervisee: the pair's past
         * sessions stay as they were left, read by both, written by neither.
         */
        SUPERVISION_ENDED
    }

    /**
     * The session after a step, the step, and the note or action it concerns (null for the others).
     */
    public record Moved(
            SupervisionSession session, Step step, @Nullable UUID concerning) {

        /**
         * The parts whose signature this step took back: signed in the session before the step, no
         * longer after it. Empty when nothing was signed or the step kept the signatures (a private
         * note, a signature).
         */
        public Set<Part> signaturesWithdrawnFrom(SupervisionSession before) {
            Set<Part> withdrawn = EnumSet.noneOf(Part.class);
            for (Part part : Part.values()) {
                if (before.signedBy(part) && !session.signedBy(part)) {
                    withdrawn.add(part);
                }
            }
            return withdrawn;
        }
    }

    /** A note by one of the two; a private one is the supervisee's, read by them alone. */
    public record Note(UUID id, PersonId author, boolean privateNote, String text, Instant at) {}

    /** An action agreed, due on a day; open until done, and carried to the pair's next agenda while open. */
    public record Action(
            UUID id, String text, LocalDate dueOn, @Nullable LocalDate doneOn) {
        public boolean open() {
            return doneOn == null;
        }
    }

    /**
     * A new session, planned by the supervisor with the agenda the sources gave.
     *
     * @throws BadInputException when the two are the same person, the length is not between 10 and
     *     480 minutes, or the day is more than a year away from today
     */
    public static SupervisionSession plan(
            PersonId supervisor,
            PersonId supervisee,
            LocalDate heldOn,
            int minutes,
            SupervisionForm form,
            List<AgendaItem> agenda,
            LocalDate today,
            Instant at) {
        if (supervisor.equals(supervisee)) {
            throw new BadInputException("supervision.notYourself");
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new BadInputException(
                    "supervision.minutesRange", Explanation.field("minutes"), MIN_MINUTES, MAX_MINUTES, minutes);
        }
        if (heldOn.isBefore(today.minusYears(1)) || heldOn.isAfter(today.plusYears(1))) {
            throw new BadInputException("supervision.heldOnRange", Explanation.field("heldOn"));
        }
        return new SupervisionSession(
                SupervisionSessionId.random(),
                supervisor,
                supervisee,
                heldOn,
                minutes,
                form,
                agenda,
                List.of(),
                Set.of(),
                List.of(),
                null,
                null,
                at,
                0);
    }

    /** Which part the person has in this session, or null when they are neither of the two. */
    public @Nullable Part partOf(PersonId person) {
        if (supervisor.equals(person)) {
            return Part.SUPERVISOR;
        }
        return supervisee.equals(person) ? Part.SUPERVISEE : null;
    }

    public Status status() {
        if (supervisorSignedAt != null && superviseeSignedAt != null) {
            return Status.CLOSED;
        }
        if (supervisorSignedAt != null) {
            return Status.SIGNED_BY_SUPERVISOR;
        }
        return superviseeSignedAt != null ? Status.SIGNED_BY_SUPERVISEE : Status.OPEN;
    }

    /** Whether both have signed: the session is closed to edits. */
    public boolean closed() {
        return status() == Status.CLOSED;
    }

    /**
     * Why the session is read-only now for its two people, or null while they write to and sign it:
     * closed once both signed, and for both of them once the supervision has ended, whatever its
     * state (a former supervisor, or the person they supervised, no longer adds to the pair's record).
     *
     * @param supervisionGoesOn whether the register says today that the supervisor supervises the
     *     supervisee
     */
    public @Nullable ReadOnly readOnly(boolean supervisionGoesOn) {
        if (closed()) {
            return ReadOnly.CLOSED;
        }
        return supervisionGoesOn ? null : ReadOnly.SUPERVISION_ENDED;
    }

    /**
     * This session, when the person may still write to or sign it as far as the supervision goes: one
     * of the two while the register says the supervisor supervises the supervisee today.
     *
     * @param supervisionGoesOn whether the register says today that the supervisor supervises the
     *     supervisee
     * @throws ForbiddenException when the person is neither of the two ({@code supervision.notAParty}),
     *     or the supervision has ended: {@code supervision.supervisionEnded} for the former supervisor,
     *     {@code supervision.supervisionEndedForSupervisee} for the person they supervised
     */
    public SupervisionSession requireOngoing(PersonId by, boolean supervisionGoesOn) {
        Part part = partOf(by);
        if (part == null) {
            throw new ForbiddenException("supervision.notAParty");
        }
        if (!supervisionGoesOn) {
            throw new ForbiddenException(
                            part == Part.SUPERVISOR
                                    ? "supervision.supervisionEnded"
                                    : "supervision.supervisionEndedForSupervisee")
                    .about(supervisee.value());
        }
        return this;
    }

    /** Whether this part has signed. */
    public boolean signedBy(Part part) {
        return (part == Part.SUPERVISOR ? supervisorSignedAt : superviseeSignedAt) != null;
    }

    /**
     * A note by one of the two; a private note only by the supervisee.
     *
     * @throws ConflictException when the session is closed
     * @throws ForbiddenException when the author is neither of the two, or the supervisor writes a
     *     private note
     * @throws BadInputException when the text is empty or over 4,000 characters
     */
    public Moved note(PersonId by, String text, boolean privateNote, Instant at) {
        Part part = requireWritable(by);
        if (privateNote && part != Part.SUPERVISEE) {
            throw new ForbiddenException("supervision.privateNoteBySupervisee");
        }
        Note note = new Note(UUID.randomUUID(), by, privateNote, Text.required("text", text, Text.Limit.BODY), at);
        List<Note> all = new ArrayList<>(notes);
        all.add(note);
        return new Moved(
                privateNote
                        ? with(agenda, all, topics, actions, supervisorSignedAt, superviseeSignedAt)
                        : with(agenda, all, topics, actions, null, null),
                privateNote ? Step.PRIVATE_NOTE_ADDED : Step.NOTE_ADDED,
                note.id());
    }

    /**
     * The checklist topics this session discussed, as either of the two marks them (replacing the
     * marks before).
     *
     * @throws ConflictException when the session is closed
     * @throws ForbiddenException when the person is neither of the two
     */
    public Moved discuss(PersonId by, Set<ChecklistTopic> discussed) {
        requireWritable(by);
        return new Moved(with(agenda, notes, discussed, actions, null, null), Step.TOPICS_MARKED, null);
    }

    /**
     * An action the two agreed, due on a day not before the session.
     *
     * @throws ConflictException when the session is closed
     * @throws ForbiddenException when the person is neither of the two
     * @throws BadInputException when the text is empty or over 500 characters, or it is due before the
     *     session
     */
    public Moved agree(PersonId by, String text, LocalDate dueOn) {
        requireWritable(by);
        String what = Text.required("text", text, Text.Limit.SHORT);
        if (dueOn.isBefore(heldOn)) {
            throw new BadInputException("supervision.actionDueBeforeSession", Explanation.field("dueOn"), heldOn);
        }
        Action action = new Action(UUID.randomUUID(), what, dueOn, null);
        List<Action> all = new ArrayList<>(actions);
        all.add(action);
        return new Moved(with(agenda, notes, topics, all, null, null), Step.ACTION_AGREED, action.id());
    }

    /**
     * Marks done an action of this session, or one carried to its agenda from an earlier session of
     * the pair.
     *
     * @throws ConflictException when the session is closed, or the action of this session is done
     * @throws ForbiddenException when the person is neither of the two
     * @throws BadInputException when the action is neither this session's nor on its agenda
     */
    public Moved complete(PersonId by, UUID actionId, LocalDate today) {
        requireWritable(by);
        for (Action a : actions) {
            if (a.id().equals(actionId)) {
                if (!a.open()) {
                    throw new ConflictException("supervision.actionDone", a.doneOn());
                }
                List<Action> all = actions.stream()
                        .map(x -> x.id().equals(actionId) ? new Action(x.id(), x.text(), x.dueOn(), today) : x)
                        .toList();
                return new Moved(with(agenda, notes, topics, all, null, null), Step.ACTION_DONE, actionId);
            }
        }
        boolean carried = agenda.stream()
                .anyMatch(i -> i.source() == AgendaItem.Source.CARRIED_ACTION
                        && i.reference().equals(actionId.toString()));
        if (!carried) {
            throw new BadInputException("supervision.noSuchAction", Explanation.field("actionId"));
        }
        return new Moved(with(agenda, notes, topics, actions, null, null), Step.CARRIED_ACTION_DONE, actionId);
    }

    /**
     * Signs the part of the person signing, once the session has been held. When both have signed, the
     * session is closed.
     *
     * @param part the part being signed: the signer's own
     * @throws ForbiddenException when the part is not the signer's (a supervisor signing for the
     *     supervisee) or the signer is neither of the two
     * @throws ConflictException when that part is already signed, or the session is still to come
     */
    public Moved sign(PersonId by, Part part, LocalDate today, Instant at) {
        Part mine = partOf(by);
        if (mine == null) {
            throw new ForbiddenException("supervision.notAParty");
        }
        if (mine != part) {
            throw new ForbiddenException("supervision.notYourPart");
        }
        if (signedBy(part)) {
            throw new ConflictException("supervision.alreadySigned", state());
        }
        if (heldOn.isAfter(today)) {
            throw new ConflictException("supervision.notHeldYet", heldOn);
        }
        return new Moved(
                with(
                        agenda,
                        notes,
                        topics,
                        actions,
                        part == Part.SUPERVISOR ? at : supervisorSignedAt,
                        part == Part.SUPERVISEE ? at : superviseeSignedAt),
                Step.SIGNED,
                null);
    }

    /** The same session showing only the notes this reader may read: never another's private note. */
    public SupervisionSession forReader(PersonId reader) {
        List<Note> shown = notes.stream()
                .filter(n -> !n.privateNote() || n.author().equals(reader))
                .toList();
        return with(agenda, shown, topics, actions, supervisorSignedAt, superviseeSignedAt);
    }

    /** The open actions of this session, to carry to the pair's next agenda. */
    public List<Action> openActions() {
        return actions.stream().filter(Action::open).toList();
    }

    private Part requireWritable(PersonId by) {
        Part part = partOf(by);
        if (part == null) {
            throw new ForbiddenException("supervision.notAParty");
        }
        if (closed()) {
            throw new ConflictException("supervision.closed", state());
        }
        return part;
    }

    private Object state() {
        return Explanation.term("supervision.status." + status().name(), status().name());
    }

    private SupervisionSession with(
            List<AgendaItem> a,
            List<Note> n,
            Set<ChecklistTopic> t,
            List<Action> act,
            @Nullable Instant supervisorSigned,
            @Nullable Instant superviseeSigned) {
        return new SupervisionSession(
                id,
                supervisor,
                supervisee,
                heldOn,
                minutes,
                form,
                a,
                n,
                t,
                act,
                supervisorSigned,
                superviseeSigned,
                createdAt,
                version);
    }
}
