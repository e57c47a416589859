package org.mutuality.conflicts;

import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;

/** An agency's conflict policy has a new version. */
public record PolicyChanged(AgencyId agencyId, int version, PersonId changedBy) {}
