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

    /** Whether the person works for the agency (paid or volunteer) on the given day. */
    public boolean isStaffOn(LocalDate day) {
        return activeRoles(day).stream().anyMatch(Role::isStaff);
    }

    /** Whether the person is active and works as a peer (paid or volunteer) on the given day. */
    public boolean isActivePeerOn(LocalDate day) {
        return active && activeRoles(day).stream().anyMatch(Role::isPeer);
    }

    /**
     * The roles the viewer may see. Roles that receive services are confidential: a service-user
     * role is seen by clinicians, a participant role by staff, and neither is seen by colleagues when
     * the person also works for the agency. The person and administrators see every role.
     */
    public List<PersonRole> rolesVisibleTo(SignedInUser viewer, LocalDate today) {
        if (viewer.isSelf(id) || viewer.isAdministrator()) {
            return roles;
        }
        boolean staff = isStaffOn(today);
        return roles.stream()
                .filter(r -> !r.role().receivesServices() || (!staff && viewer.maySeeServiceRole(r.role())))
                .toList();
    }

    /** The roles held today that the viewer may see (see {@link #rolesVisibleTo}). */
    public Set<Role> activeRolesVisibleTo(SignedInUser viewer, LocalDate today) {
        EnumSet<Role> result = EnumSet.noneOf(Role.class);
        rolesVisibleTo(viewer, today).stream().filter(r -> r.activeOn(today)).forEach(r -> result.add(r.role()));
        return result;
    }

    /** The roles held on the given day. */
    public Set<Role> activeRoles(LocalDate day) {
        EnumSet<Role> result = EnumSet.noneOf(Role.class);
        roles.stream().filter(r -> r.activeOn(day)).forEach(r -> result.add(r.role()));
        return result;
    }
}
