package org.mutuality.directory.agencies;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.AgencyZones;
import org.springframework.stereotype.Component;

/** Each agency's time zone, as stored with the agency, kept in memory once read. */
@Component
class StoredAgencyZones implements AgencyZones {

    private final Agencies agencies;
    private final Map<AgencyId, ZoneId> zones = new ConcurrentHashMap<>();

    StoredAgencyZones(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public ZoneId zoneOf(AgencyId agency) {
        return zones.computeIfAbsent(agency, a -> agencies.zone(a).orElse(DEFAULT));
    }
}
