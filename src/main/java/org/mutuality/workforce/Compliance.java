package org.mutuality.workforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mutuality.directory.Role;

/**
 * The rules of a person's training file, as a pure function of the catalogue, their roles today and
 * what is recorded (no I/O, so the same answer on a page, in the API, in the CSV and in the parity
 * report):
 *
 * <ol>
 *   <li>every entry of the catalogue required of one of the roles they hold today is checked: missing
 *       when nothing is recorded, else by the record that stands (the one that expires last, or
 *       never): expired, expiring within 60 days, or current;
 *   <li>every certification they hold is checked by the one that stands for its issuing body;
 *   <li>the rule is written for roles, never for a kind of person: a peer worker and a clinician
 *       holding the same roles are checked alike (S13).
 * </ol>
 */
public final class Compliance {

    private Compliance() {}

    /** The requirements of one person, the ones to act on first, then by catalogue order. */
    public static List<Requirement> of(
            Set<Role> roles,
            List<Training> catalogue,
            List<TrainingRecord> records,
            List<Certification> certifications,
            LocalDate today) {
        List<Requirement> all = new ArrayList<>();
        for (Training training : catalogue) {
            if (!training.requiredOf(roles)) {
                continue;
            }
            TrainingRecord standing = null;
            for (TrainingRecord r : records) {
                if (r.training().equals(training.id()) && (standing == null || r.supersedes(standing))) {
                    standing = r;
                }
            }
            all.add(new Requirement(
                    training, standing, null, standing == null ? Standing.MISSING : standing.standing(today)));
        }
        Map<String, Certification> byBody = new LinkedHashMap<>();
        for (Certification c : certifications) {
            byBody.merge(c.body().toLowerCase(Locale.ROOT), c, (a, b) -> b.supersedes(a) ? b : a);
        }
        for (Certification c : byBody.values()) {
            all.add(new Requirement(null, null, c, c.standing(today)));
        }
        all.sort(Comparator.comparing(Requirement::standing));
        return all;
    }
}
