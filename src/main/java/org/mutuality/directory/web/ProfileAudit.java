package org.mutuality.directory.web;

import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.SignedInUser;

/**
 * The audit entries of the directory's screens and API: reads and changes of a person's profile, of
 * their account and status, and of the agency's programs and teams. Screens and API record the same
 * entry for the same act.
 */
final class ProfileAudit {

    private ProfileAudit() {}

    static AuditEvent read(SignedInUser user, PersonId person) {
        return AuditEvent.by(user, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(person.value(), "PROFILE", null)
                .because("DIRECTORY", user.isSelf(person) ? "SELF" : "STAFF_DIRECTORY");
    }

    static AuditEvent write(SignedInUser user, PersonId person, String what) {
        return AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DONE)
                .about(person.value(), "PROFILE", null)
                .because("DIRECTORY", user.isSelf(person) ? "SELF" : "ADMINISTRATOR")
                .noting(what);
    }

    /** What a correction changed, in words the log may hold: never the names or addresses themselves. */
    static String corrected(Person before, Person after) {
        String was = before.details().email();
        String is = after.details().email();
        boolean emailChanged = was == null ? is != null : !was.equalsIgnoreCase(is == null ? "" : is);
        return emailChanged ? "corrected; email address changed" : "corrected";
    }

    static AuditEvent denied(SignedInUser user, PersonId person, String what) {
        return AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DENIED)
                .about(person.value(), "PROFILE", null)
                .noting(what);
    }

    static AuditEvent accountOpened(SignedInUser user, PersonId person) {
        return AuditEvent.by(user, AuditAction.OPEN_ACCOUNT, AuditOutcome.DONE)
                .about(person.value(), "ACCOUNT", null)
                .because("DIRECTORY", "ADMINISTRATOR");
    }

    static AuditEvent activeSet(SignedInUser user, PersonId person, boolean active) {
        return AuditEvent.by(user, active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE, AuditOutcome.DONE)
                .about(person.value(), "PERSON", person.value().toString())
                .because("DIRECTORY", "ADMINISTRATOR");
    }

    static AuditEvent roleEnded(SignedInUser user, PersonId person, PersonRole role) {
        return AuditEvent.by(user, AuditAction.END_ROLE, AuditOutcome.DONE)
                .about(person.value(), "ROLE", role.id().value().toString())
                .because("DIRECTORY", "ADMINISTRATOR")
                .noting(role.role().name() + " ends " + role.endDate());
    }
}
