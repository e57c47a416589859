package org.mutuality.shared;

import java.time.ZoneId;

/**
 * The time zone an agency lives in: the one home of "local time" for every page and message that
 * shows a moment to a person. The directory, which keeps the agencies, implements it.
 */
public interface AgencyZones {

    /** The agency's time zone; the default zone for an agency that is not known. */
    ZoneId zoneOf(AgencyId agency);

    /** The zone Mutuality assumes until an agency sets its own. */
    ZoneId DEFAULT = ZoneId.of("America/Toronto");
}
