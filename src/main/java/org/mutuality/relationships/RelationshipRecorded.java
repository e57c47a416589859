package org.mutuality.relationships;

import org.mutuality.shared.AgencyId;

/** A relationship was recorded, or ended, in an agency's register. */
public record RelationshipRecorded(AgencyId agencyId, RelationshipId relationshipId) {}
