package org.mutuality.directory;

import java.util.EnumSet;
import java.util.Set;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * A role a person holds in an agency. One person may hold several at once: a peer worker who is
 * also a participant or a service user is normal.
 */
public enum Role {
    PEER_WORKER(true),
    VOLUNTEER_PEER(true),
    PARTICIPANT(false),
    SERVICE_USER(false),
    CLINICIAN(true),
    SUPERVISOR(true),
    MANAGER(true),
    RESEARCHER(true),
    PRIVACY_LEAD(true),
    ADMINISTRATOR(true);

    private final boolean staff;

    Role(boolean staff) {
        this.staff = staff;
    }

    /** Whether this role works for the agency (paid or volunteer), rather than receiving its services. */
    public boolean isStaff() {
        return staff;
    }

    /** Whether this is a peer role: the person brings their own lived experience to the work. */
    public boolean isPeer() {
        return this == PEER_WORKER || this == VOLUNTEER_PEER;
    }

    /**
     * Whether holding this role means receiving the agency's services. Such roles are confidential:
     * see {@link Person#rolesVisibleTo}.
     */
    public boolean receivesServices() {
        return this == PARTICIPANT || this == SERVICE_USER;
    }

    /**
     * Whether giving this role takes two people: one proposes it, another confirms it, and neither is
     * the person receiving it. These roles open records, oversee others or run the directory.
     */
    public boolean isPrivileged() {
        return this == PRIVACY_LEAD
                || this == ADMINISTRATOR
                || this == MANAGER
                || this == SUPERVISOR
                || this == CLINICIAN;
    }

    /** The Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> staffRoles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : values()) {
            if (r.staff) {
                roles.add(r);
            }
        }
        return roles;
    }

    /** Parses a role name case-insensitively; refuses unknown names with the accepted values. */
    public static Role parse(String value) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(value.trim())) {
                return r;
            }
        }
        throw new BadInputException(
                "text.notAChoice",
                Explanation.field("role"),
                EnumSet.allOf(Role.class).toString());
    }
}
