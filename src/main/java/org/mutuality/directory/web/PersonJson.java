package org.mutuality.directory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.SignedInUser;

/** A person as the API shows them. Contact details appear only to the person and administrators. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PersonJson(
        UUID id,
        String displayName,
        String legalName,
        @Nullable String preferredName,
        @Nullable String pronouns,
        boolean active,
        int version,
        List<RoleJson> roles,
        @Nullable ContactJson contact) {

    static PersonJson of(Person person, SignedInUser viewer, LocalDate today) {
        ContactJson contact = viewer.maySeeContactDetailsOf(person.id())
                ? new ContactJson(person.details().email(), person.details().phone())
                : null;
        return new PersonJson(
                person.id().value(),
                person.displayName(),
                person.details().legalName(),
                person.details().preferredName(),
                person.details().pronouns(),
                person.active(),
                person.version(),
                person.rolesVisibleTo(viewer, today).stream().map(RoleJson::of).toList(),
                contact);
    }

    record ContactJson(@Nullable String email, @Nullable String phone) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RoleJson(
            UUID id,
            String role,
            @Nullable UUID programId,
            @Nullable UUID teamId,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            boolean awaitingConfirmation) {

        static RoleJson of(PersonRole role) {
            return new RoleJson(
                    role.id().value(),
                    role.role().name(),
                    role.programId() == null ? null : role.programId().value(),
                    role.teamId() == null ? null : role.teamId().value(),
                    role.startDate(),
                    role.endDate(),
                    role.awaitingConfirmation());
        }
    }
}
