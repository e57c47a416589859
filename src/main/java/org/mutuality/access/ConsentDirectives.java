package org.mutuality.access;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.store.Directives;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lockbox: a person's consent directives. The person gives and withdraws them; the privacy lead
 * may record them on the person's behalf (a request made by phone or on paper). Each is recorded with
 * who and when, and audited. With them, who can read the person's record, and the guard's what-if
 * ({@link #check}). Methods never return null.
 */
@Service
public class ConsentDirectives {

    private final Directives directives;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AccessGuard guard;
    private final Clock clock;

    ConsentDirectives(
            Directives directives,
            Directory directory,
            AuditLog audit,
            ApplicationEventPublisher events,
            AccessGuard guard,
            Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.directives = directives;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ConsentDirective> of(SignedInUser viewer, PersonId person) {
        requireOwnerOrPrivacyLead(viewer, person);
        return directives.of(viewer.agencyId(), person);
    }

    /**
     * Who can read part of the person's record today and why (see {@link AccessGuard#readersOf}); for
     * the person themselves and the privacy lead, audited as a read.
     *
     * @throws NotFoundException for anyone else, as for a person who does not exist
     */
    @Transactional
    public List<AccessGuard.Reader> readers(SignedInUser viewer, PersonId person) {
        requireOwnerOrPrivacyLead(viewer, person);
        List<AccessGuard.Reader> readers = guard.readersOf(viewer.agencyId(), person);
        audit.recordRead(AuditEvent.by(viewer, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(person.value(), "READERS", null)
                .because("CONSENT", viewer.isSelf(person) ? "SELF" : "PRIVACY_LEAD"));
        return readers;
    }

    /**
     * The guard's what-if: its decision, as it would be if {@code reader} asked to read one kind of
     * the subject's record for a purpose now. Anyone may ask about their own access; the privacy lead
     * about anyone's.
     *
     * @throws ForbiddenException unless the asker is the reader or the privacy lead
     * @throws NotFoundException when either person is not in the asker's agency
     */
    @Transactional(readOnly = true)
    public AccessDecision check(
            SignedInUser asker, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        if (!asker.isSelf(reader) && !asker.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("access.checkOwnOnly");
        }
        directory.requirePerson(asker.agencyId(), reader);
        directory.requirePerson(asker.agencyId(), subject);
        return guard.decide(asker.agencyId(), reader, subject, kind, purpose);
    }

    /**
     * Withholds the person's record (or one kind of it) from a named person, a purpose, or both (see
     * {@link ConsentDirective#give}).
     *
     * @throws NotFoundException when the person, or the one named, is not in the agency
     */
    @Transactional
    public ConsentDirective give(
            SignedInUser by,
            PersonId person,
            @Nullable PersonId withheldFrom,
            @Nullable Purpose purpose,
            @Nullable RecordKind kind,
            @Nullable String note) {
        requireOwnerOrPrivacyLead(by, person);
        ConsentDirective given =
                ConsentDirective.give(person, withheldFrom, purpose, kind, note, by.personId(), clock.instant());
        if (withheldFrom != null) {
            directory.requirePerson(by.agencyId(), withheldFrom);
        }
        directives.insert(by.agencyId(), given);
        return saved(by, given, null);
    }

    /**
     * Withdraws an active directive; it stays on record as withdrawn.
     *
     * @throws ConflictException when it was already withdrawn
     */
    @Transactional
    public ConsentDirective withdraw(SignedInUser by, PersonId person, ConsentDirectiveId id) {
        requireOwnerOrPrivacyLead(by, person);
        ConsentDirective withdrawn = directives.of(by.agencyId(), person).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.consentDirective", id))
                .withdraw(clock.instant());
        if (!directives.withdraw(by.agencyId(), withdrawn, by.personId())) {
            throw new ConflictException("consent.notActive");
        }
        return saved(by, withdrawn, "withdrawn");
    }

    /** Audits a change of the person's lockbox and tells the guard's index. */
    private ConsentDirective saved(SignedInUser by, ConsentDirective directive, @Nullable String detail) {
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(
                        directive.person().value(),
                        "CONSENT_DIRECTIVE",
                        directive.id().toString())
                .because("CONSENT", by.isSelf(directive.person()) ? "SELF" : "PRIVACY_LEAD")
                .noting(detail));
        events.publishEvent(new AccessChanged(by.agencyId()));
        return directive;
    }

    private void requireOwnerOrPrivacyLead(SignedInUser user, PersonId person) {
        directory.requirePerson(user.agencyId(), person);
        if (!user.isSelf(person) && !user.has(Role.PRIVACY_LEAD)) {
            throw NotFoundException.hiding("notFound.person", person, person.value());
        }
    }
}
