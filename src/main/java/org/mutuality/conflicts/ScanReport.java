package org.mutuality.conflicts;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * The agency scan: every pairing that can act and has a conflict, grouped by what it is (so that a
 * small town's many neighbours read as one group), groups and findings riskiest first.
 */
public record ScanReport(LocalDate day, int pairingsWithConflict, List<Group> groups) {

    public ScanReport {
        groups = List.copyOf(groups);
    }

    /** Findings of the same decision, rule and relationship kind. */
    public record Group(
            Decision decision,
            String rule,
            @Nullable String relationship,
            String explanation,
            int highestScore,
            List<Finding> findings) {

        public Group {
            findings = List.copyOf(findings);
        }
    }

    /** One pairing: who can act over whom, and the rating of the conflict. */
    public record Finding(
            PersonId actorId,
            String actorName,
            PersonId subjectId,
            String subjectName,
            String pairing,
            Action action,
            Decision decision,
            List<String> reasons,
            String power,
            String duration,
            String termination,
            int score) {

        public Finding {
            reasons = List.copyOf(reasons);
        }
    }
}
