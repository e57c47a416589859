package org.mutuality.directory;

import org.mutuality.shared.AgencyId;

/** A second person confirmed a privileged role; the person holds it from now on. */
public record RoleConfirmed(AgencyId agencyId, PersonId personId, RoleId roleId, Role role, PersonId confirmedBy) {}
