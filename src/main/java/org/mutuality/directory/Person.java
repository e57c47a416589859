package org.mutuality.directory;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mutuality.shared.AgencyId;

/**
 * A person in an agency's directory, with every role they hold or held. People are never deleted:
 * they are deactivated, and their roles end.
 */
public record Person(
        PersonId id, AgencyId agencyId, PersonDetails details, boolean active, int version, List<PersonRole> roles) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(details, "details");
        roles = List.copyOf(roles);
    }

    public String displayName() {
        return details.displayName();
    }

    /** The roles held on the given day. */
    public Set<Role> activeRoles(LocalDate day) {
        EnumSet<Role> result = EnumSet.noneOf(Role.class);
        roles.stream().filter(r -> r.activeOn(day)).forEach(r -> result.add(r.role()));
        return result;
    }
}
