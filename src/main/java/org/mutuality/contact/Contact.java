package org.mutuality.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
import org.mutuality.contact.store.ContactStore;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.safety.Pauses;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.PageCursor;
import org.mutuality.shared.Text;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact channel's rules. A participant writes to their peer worker or to the program. The
 * message goes to the assigned peer worker during office hours when they are available (not paused,
 * no no-contact restriction); otherwise to the program's on-duty peer worker; otherwise to the
 * program's coordinators. Outside office hours it is kept for the next person on duty and the
 * sender sees the after-hours and crisis resources at once. The recipient is told by a notice (and
 * email, when configured) that never carries the message. Threads are read by the participant
 * (SELF), whoever a message was routed to, the assigned peer worker and the program's coordinators,
 * each read through the guard and audited.
 */
@Service
public class Contact {

    /** Who a participant writes to. */
    public enum To {
        MY_PEER,
        PROGRAM
    }

    /** The message as stored, whether it arrived outside office hours, and what to show then. */
    public record Sent(
            Message message, boolean afterHours, @Nullable String resources) {}

    private final ContactStore store;
    private final Directory directory;
    private final RelationshipRegister relationships;
    private final ObjectProvider<Pauses> pauses;
    private final Notices notices;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    Contact(
            ContactStore store,
            Directory directory,
            RelationshipRegister relationships,
            ObjectProvider<Pauses> pauses,
            Notices notices,
            AccessGuard guard,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.relationships = relationships;
        this.pauses = pauses;
        this.notices = notices;
        this.guard = guard;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The program's settings, or the defaults. */
    @Transactional(readOnly = true)
    public ContactSettings settings(SignedInUser user, ProgramId program) {
        requireProgram(user, program);
        return settingsOf(user.agencyId(), program);
    }

    /**
     * Changes a program's office hours, on-duty peer worker and after-hours text.
     *
     * @throws ForbiddenException unless the caller coordinates the program or is an administrator
     * @throws BadInputException when the on-duty person holds no peer role
     */
    @Transactional
    public ContactSettings saveSettings(SignedInUser by, ContactSettings settings) {
        requireProgram(by, settings.program());
        if (!by.isAdministrator() && !directory.coordinates(by.agencyId(), by.personId(), settings.program())) {
            throw new ForbiddenException("contact.whoSetsHours");
        }
        if (settings.onDutyPeer() != null) {
            Person duty = directory.requirePerson(by.agencyId(), settings.onDutyPeer());
            if (!duty.active()
                    || duty.activeRoles(LocalDate.now(clock)).stream().noneMatch(Role::isPeer)) {
                throw new BadInputException("contact.onDutyNotAPeer", Explanation.field("onDutyPeerId"));
            }
        }
        store.saveSettings(by.agencyId(), settings, clock.instant());
        audit.record(AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE)
                .about(null, "CONTACT_SETTINGS", settings.program().toString()));
        return settings(by, settings.program());
    }

    /**
     * Sends a message from the signed-in participant.
     *
     * @throws ForbiddenException unless the person is a participant of a program
     * @throws BadInputException when the text is empty or over 2,000 characters
     */
    @Transactional
    public Sent send(SignedInUser participant, To to, String text) {
        ProgramId program =
                programOf(participant).orElseThrow(() -> new ForbiddenException("contact.participantsOnly"));
        return send(participant.agencyId(), participant.personId(), participant, program, to, text);
    }

    /**
     * Sends a message on behalf of a participant who proved they own their email address (the public
     * contact form); otherwise the same as {@link #send(SignedInUser, To, String)}.
     */
    @Transactional
    public Sent sendVerified(AgencyId agency, PersonId participant, To to, String text) {
        ProgramId program =
                programOf(agency, participant).orElseThrow(() -> new ForbiddenException("contact.participantsOnly"));
        Actor actor = new VerifiedParticipant(agency, participant.value(), Set.of(Role.PARTICIPANT.name()));
        return send(agency, participant, actor, program, to, text);
    }

    /** A participant who is not signed in but proved they own their address, as the audit log sees them. */
    private record VerifiedParticipant(AgencyId agencyId, UUID actorPersonId, Set<String> roleNames) implements Actor {}

    private Sent send(AgencyId agency, PersonId me, Actor actor, ProgramId program, To to, String text) {
        String body = Text.required("text", text, Text.Limit.MESSAGE);
        ContactSettings settings = settingsOf(agency, program);
        Instant now = clock.instant();
        boolean open = settings.openAt(now);
        Message.Routing routing = settings.route(now, to, assignedPeer(agency, me), p -> available(agency, p, me));
        Message message = Message.incoming(me, program, routing, body, !open, now);
        store.insert(agency, message);
        audit.record(AuditEvent.by(actor, AuditAction.WRITE, AuditOutcome.DONE)
                .about(me.value(), RecordKind.SUPPORT_NOTES.name(), message.id().toString())
                .noting("message " + routing.route().name().toLowerCase(Locale.ROOT)));
        Set<PersonId> told = new LinkedHashSet<>(recipients(agency, program, routing));
        told.remove(me);
        told.forEach(p -> notices.send(agency, p, NoticeKind.MESSAGE_RECEIVED, "/contact/threads/" + me));
        return new Sent(message, !open, open ? null : resources(settings));
    }

    /** What to show outside office hours: the program's text, or Mutuality's with crisis lines. */
    public String resources(ContactSettings settings) {
        return settings.afterHours() != null ? settings.afterHours() : defaultResources();
    }

    /** Mutuality's own after-hours text, with crisis lines, in the reader's language. */
    public String defaultResources() {
        return messages.getMessage("contact.afterHours.default", null, LocaleContextHolder.getLocale());
    }

    /** A page of the participant's own thread (see {@link #thread}), audited as a read of it. */
    @Transactional
    public Thread mine(SignedInUser participant, @Nullable MessageCursor before, int limit) {
        readAllowed(participant, participant.personId());
        return Thread.of(store.before(participant.agencyId(), participant.personId(), before, limit));
    }

    /** When the program next opens, in its time zone; empty while it is open. */
    public Optional<java.time.ZonedDateTime> nextOpening(ContactSettings settings) {
        return settings.nextOpening(clock.instant());
    }

    /** Whether the participant's program is open now, and its settings. */
    @Transactional(readOnly = true)
    public Optional<ContactSettings> myProgram(SignedInUser participant) {
        return programOf(participant).map(p -> settingsOf(participant.agencyId(), p));
    }

    /** Whether the program is open at this moment. */
    public boolean openNow(ContactSettings settings) {
        return settings.openAt(clock.instant());
    }

    /** How many messages a page of a thread shows unless the client asks for another number. */
    public static final int PAGE = 50;

    /**
     * A page of a participant's thread, for those responsible: the {@code limit} messages before the
     * cursor (the latest when null), oldest first as a conversation reads, and where the page of
     * earlier ones starts. The read is audited; the page's messages routed to the reader are marked read.
     *
     * @throws ForbiddenException for anyone else (audited)
     * @throws NotFoundException when the participant is not in the agency, or the reader may not see
     *     them at all (then it reads the same, and is audited)
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class}) // the refusal's entry stays
    public Thread thread(SignedInUser reader, PersonId participant, @Nullable MessageCursor before, int limit) {
        directory.requirePerson(reader.agencyId(), participant);
        readAllowed(reader, participant);
        Page<Message> page = store.before(reader.agencyId(), participant, before, limit);
        // only what this page shows is read: a message on an earlier page stays new, and a worker paused
        // later still has it re-routed (reroute moves unread messages)
        store.markRead(
                reader.agencyId(),
                participant,
                reader.personId(),
                page.items().stream().map(Message::id).toList(),
                clock.instant());
        return Thread.of(page);
    }

    /**
     * A page of a thread, oldest first.
     *
     * @param earlier where the page of earlier messages starts; null when these are the first
     */
    public record Thread(List<Message> messages, @Nullable PageCursor earlier) {
        public Thread {
            messages = List.copyOf(messages);
        }

        /** The thread of a page read latest first. */
        static Thread of(Page<Message> latestFirst) {
            List<Message> oldestFirst = new java.util.ArrayList<>(latestFirst.items());
            java.util.Collections.reverse(oldestFirst);
            return new Thread(oldestFirst, latestFirst.next());
        }
    }

    /**
     * Whether the reader, who may read the participant's thread, may also answer it: not when they
     * read it only through a break-the-glass grant. Not audited; the read of the thread is.
     */
    @Transactional(readOnly = true)
    public boolean mayReply(SignedInUser reader, PersonId participant) {
        return decide(reader, participant).writable();
    }

    /**
     * Answers a participant, from someone responsible for their thread.
     *
     * @throws ForbiddenException when the writer may not read the thread, reads it only through a
     *     break-the-glass grant (which lets them read, not write), is paused, or has a no-contact
     *     restriction with the participant
     * @throws NotFoundException when the participant is not in the agency, or the writer may not see
     *     them at all (then it reads the same, and is audited)
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class})
    public Message reply(SignedInUser by, PersonId participant, String text) {
        String body = Text.required("text", text, Text.Limit.MESSAGE);
        directory.requirePerson(by.agencyId(), participant);
        if (by.isSelf(participant)) {
            // a participant writes to their peer worker or the program (send), which routes and tells
            // someone; an "answer" to oneself would reach nobody
            throw new ForbiddenException("contact.writeToYourPeer");
        }
        AccessDecision decision = readAllowed(by, participant);
        if (!decision.writable()) {
            audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DENIED)
                    .about(participant.value(), "MESSAGES", null)
                    .because(Purpose.SUPPORT, decision instanceof AccessDecision.Granted g ? g.basis() : null)
                    .noting("message reply"));
            guard.requireWritable(decision);
        }
        if (!available(by.agencyId(), by.personId(), participant)) {
            throw new ForbiddenException("contact.pausedOrRestricted");
        }
        ProgramId program = threadProgram(by.agencyId(), participant)
                .orElseThrow(() -> new NotFoundException("notFound.program", participant));
        Message reply = Message.reply(participant, program, by.personId(), body, clock.instant());
        store.insert(by.agencyId(), reply);
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(
                        participant.value(),
                        RecordKind.SUPPORT_NOTES.name(),
                        reply.id().toString())
                .noting("message reply"));
        notices.send(by.agencyId(), participant, NoticeKind.MESSAGE_ANSWERED, "/contact");
        return reply;
    }

    /**
     * Routes the unread messages waiting for a worker whose contact with participants is paused to
     * their program's on-duty peer worker, or to its coordinators, who are told.
     *
     * @return how many messages were re-routed
     */
    @Transactional
    public int reroute(SignedInUser by, PersonId worker) {
        AgencyId agency = by.agencyId();
        List<Message> waiting = store.unreadTo(agency, worker);
        for (Message m : waiting) {
            Message.Routing routing =
                    settingsOf(agency, m.program()).rerouteFrom(worker, p -> available(agency, p, m.participant()));
            store.reroute(agency, m.id(), routing);
            for (PersonId p : recipients(agency, m.program(), routing)) {
                if (!p.equals(worker)) {
                    notices.send(agency, p, NoticeKind.MESSAGE_RECEIVED, "/contact/threads/" + m.participant());
                }
            }
            audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                    .about(m.participant().value(), RecordKind.SUPPORT_NOTES.name(), m.id().toString())
                    .noting("message re-routed"));
        }
        return waiting.size();
    }

    /**
     * A page of the messages routed to the signed-in worker, newest first (the participants' threads
     * to open), going back from {@code before}.
     */
    @Transactional(readOnly = true)
    public Page<Message> inbox(SignedInUser worker, @Nullable MessageCursor before, int limit) {
        return store.routedTo(worker.agencyId(), worker.personId(), before, limit);
    }

    /**
     * The reader's decision on the participant's thread, audited as a read of it; refused (audited)
     * when the reader has no basis.
     */
    private AccessDecision readAllowed(SignedInUser reader, PersonId participant) {
        AccessDecision decision = decide(reader, participant);
        Basis basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
        audit.recordRead(
                AuditEvent.by(reader, AuditAction.READ, basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                        .about(participant.value(), "MESSAGES", null)
                        .because(Purpose.SUPPORT, basis));
        if (basis == null) {
            throw reader.refusalAbout(participant, "contact.threadReaders");
        }
        return decision;
    }

    private AccessDecision decide(SignedInUser reader, PersonId participant) {
        Basis party = party(reader, participant);
        return guard.decide(reader, participant, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT, party);
    }

    /**
     * The reader's part in the thread: a recipient of any of its messages, or a coordinator of its
     * program; none otherwise (the guard may still open it on another basis).
     */
    private @Nullable Basis party(SignedInUser reader, PersonId participant) {
        if (store.anyTo(reader.agencyId(), participant, reader.personId())) {
            return Basis.MESSAGE_RECIPIENT;
        }
        Optional<ProgramId> program = threadProgram(reader.agencyId(), participant);
        return program.isPresent() && directory.coordinates(reader.agencyId(), reader.personId(), program.get())
                ? Basis.COORDINATOR
                : null;
    }

    /** Whether a worker may be paired with the participant now: not paused, no no-contact restriction. */
    private boolean available(AgencyId agency, PersonId worker, PersonId participant) {
        if (pauses.getIfAvailable(() -> Pauses.NONE).paused(agency, worker, Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
            return false;
        }
        for (Relationship r : relationships.currentOf(agency, participant)) {
            if (r.kind() == RelationshipKind.NO_CONTACT && r.involves(worker)) {
                return false;
            }
        }
        return true;
    }

    private @Nullable PersonId assignedPeer(AgencyId agency, PersonId participant) {
        for (Relationship r : relationships.currentOf(agency, participant)) {
            if (r.kind() == RelationshipKind.SUPPORTS && r.personB().equals(participant)) {
                return r.personA();
            }
        }
        return null;
    }

    private Optional<ProgramId> programOf(SignedInUser participant) {
        return programOf(participant.agencyId(), participant.personId());
    }

    private Optional<ProgramId> programOf(AgencyId agency, PersonId person) {
        LocalDate today = LocalDate.now(clock);
        return directory.requirePerson(agency, person).roles().stream()
                .filter(r -> r.activeOn(today) && r.role() == Role.PARTICIPANT && r.programId() != null)
                .map(PersonRole::programId)
                .findFirst();
    }

    /** The thread's program (of its latest message), or the participant's when the thread is empty. */
    private Optional<ProgramId> threadProgram(AgencyId agency, PersonId participant) {
        Optional<Message> latest = store.latest(agency, participant);
        return latest.isPresent() ? Optional.of(latest.get().program()) : programOf(agency, participant);
    }

    /** Who is told of a message so routed: its recipient, or the program's coordinators. */
    private List<PersonId> recipients(AgencyId agency, ProgramId program, Message.Routing routing) {
        return routing.recipient() != null ? List.of(routing.recipient()) : directory.coordinatorsOf(agency, program);
    }

    private ContactSettings settingsOf(AgencyId agency, ProgramId program) {
        return store.settings(agency, program).orElse(ContactSettings.defaults(program));
    }

    private void requireProgram(SignedInUser user, ProgramId program) {
        if (directory.programs(user.agencyId()).stream().noneMatch(p -> p.id().equals(program))) {
            throw new NotFoundException("notFound.program", program);
        }
    }
}
