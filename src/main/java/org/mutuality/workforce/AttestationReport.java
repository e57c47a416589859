package org.mutuality.workforce;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * Who among today's staff has attested the current version of the code of conduct, for the privacy
 * lead and managers.
 *
 * @param rows every active staff member, those who have not attested the current version first, then
 *     by name
 */
public record AttestationReport(int currentVersion, List<Row> rows) {

    public AttestationReport {
        rows = List.copyOf(rows);
    }

    /** The staff who have not attested the current version yet. */
    public List<Row> pending() {
        return rows.stream().filter(r -> !r.attestedCurrent(currentVersion)).toList();
    }

    /**
     * One staff member and the latest version they attested.
     *
     * @param attestedVersion null when they never attested
     * @param attestedAt when they attested it; null when they never did
     */
    public record Row(
            PersonId person,
            String name,
            @Nullable Integer attestedVersion,
            @Nullable Instant attestedAt) {

        public boolean attestedCurrent(int current) {
            return attestedVersion != null && attestedVersion >= current;
        }
    }
}
