package org.mutuality.directory;

import org.mutuality.shared.AgencyId;

/**
 * An agency was created. Published inside the transaction that creates it, so a module that gives
 * every agency a starting record (such as the code of conduct) can add it with a plain {@code
 * EventListener} in the same transaction: the agency never exists without it.
 */
public record AgencyCreated(AgencyId agencyId) {}
