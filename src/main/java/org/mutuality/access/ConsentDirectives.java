package org.mutuality.access;

import java.util.List;
import java.util.UUID;
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
import org.mutuality.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lockbox: a person's consent directives. The person gives and withdraws them; the privacy lead
 * may record them on the person's behalf (a request made by phone or on paper). Each is recorded with
 * who and when, and audited. Methods never return null.
 */
@Service
public class ConsentDirectives {

    private final Directives directives;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AccessGuard guard;

    ConsentDirectives(
            Directives directives,
            Directory directory,
            AuditLog audit,
            ApplicationEventPublisher events,
            AccessGuard guard) {
        this.guard = guard;
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
     * Withholds the person's record (or one kind of it) from a named person, a purpose, or both.
     *
     * @throws IllegalArgumentException when neither a person nor a purpose is named, or the note is
     *     over 500 characters
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
        if (kind != null && !kind.withholdable()) {
            throw new IllegalArgumentException("concerns and incidents cannot be withheld from those who handle them");
        }
        if (withheldFrom == null && purpose == null) {
            throw new IllegalArgumentException("name the person or the purpose to withhold the record from");
        }
        if (withheldFrom != null) {
            if (withheldFrom.equals(person)) {
                throw new IllegalArgumentException("a person cannot withhold their record from themselves");
            }
            directory.requirePerson(by.agencyId(), withheldFrom);
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw new IllegalArgumentException("note must be at most 500 characters, was " + text.length());
        }
        UUID id = directives.insert(by.agencyId(), person, withheldFrom, purpose, kind, text, by.personId());
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(person.value(), "CONSENT_DIRECTIVE", id.toString())
                .because("CONSENT", by.isSelf(person) ? "SELF" : "PRIVACY_LEAD"));
        events.publishEvent(new AccessChanged(by.agencyId()));
        return find(by, person, id);
    }

    /** Withdraws an active directive; it stays on record as withdrawn. */
    @Transactional
    public ConsentDirective withdraw(SignedInUser by, PersonId person, UUID id) {
        requireOwnerOrPrivacyLead(by, person);
        if (!directives.withdraw(by.agencyId(), person, id, by.personId())) {
            throw new NotFoundException("active consent directive", id);
        }
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(person.value(), "CONSENT_DIRECTIVE", id.toString())
                .because("CONSENT", by.isSelf(person) ? "SELF" : "PRIVACY_LEAD")
                .noting("withdrawn"));
        events.publishEvent(new AccessChanged(by.agencyId()));
        return find(by, person, id);
    }

    private ConsentDirective find(SignedInUser by, PersonId person, UUID id) {
        return directives.of(by.agencyId(), person).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("consent directive", id));
    }

    private void requireOwnerOrPrivacyLead(SignedInUser user, PersonId person) {
        directory.requirePerson(user.agencyId(), person);
        if (!user.isSelf(person) && !user.has(Role.PRIVACY_LEAD)) {
            throw NotFoundException.hiding("person", person, person.value());
        }
    }
}
