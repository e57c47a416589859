package org.mutuality.directory;

import org.mutuality.shared.AgencyId;

/** A person was added, corrected, given or relieved of a role, deactivated or reactivated. */
public record PersonChanged(AgencyId agencyId, PersonId personId) {}
