package org.mutuality.directory.web;

import org.mutuality.audit.AuditEvent;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;

/** The audit entries of the directory's screens and API: reads and changes of a person's profile. */
final class ProfileAudit {

    private ProfileAudit() {}

    static AuditEvent read(SignedInUser user, PersonId person) {
        return AuditEvent.by(user, "READ", "ALLOWED")
                .about(person.value(), "PROFILE", null)
                .because("DIRECTORY", user.isSelf(person) ? "SELF" : "STAFF_DIRECTORY");
    }

    static AuditEvent write(SignedInUser user, PersonId person, String what) {
        return AuditEvent.by(user, "WRITE", "DONE")
                .about(person.value(), "PROFILE", null)
                .because("DIRECTORY", user.isSelf(person) ? "SELF" : "ADMINISTRATOR")
                .noting(what);
    }

    static AuditEvent denied(SignedInUser user, PersonId person, String what) {
        return AuditEvent.by(user, "WRITE", "DENIED")
                .about(person.value(), "PROFILE", null)
                .noting(what);
    }
}
