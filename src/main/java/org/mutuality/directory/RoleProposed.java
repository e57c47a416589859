package org.mutuality.directory;

import org.mutuality.shared.AgencyId;

/**
 * A privileged role was proposed for a person by {@code proposedBy}; it is not held until a second
 * person confirms it.
 */
public record RoleProposed(AgencyId agencyId, PersonId personId, RoleId roleId, Role role, PersonId proposedBy) {}
