package org.mutuality.workforce;

import java.util.List;
import java.util.Map;
import org.mutuality.directory.PersonId;

/**
 * One person's training file as a reader allowed to see it sees it: what their roles require and
 * where each stands, every training record and certification (newest first), the catalogue by id
 * (to name each record's training), and whether the reader may record for them.
 */
public record TrainingFile(
        PersonId person,
        String name,
        List<Requirement> requirements,
        List<TrainingRecord> records,
        List<Certification> certifications,
        Map<TrainingId, Training> catalogue,
        boolean mayRecord) {

    public TrainingFile {
        requirements = List.copyOf(requirements);
        records = List.copyOf(records);
        certifications = List.copyOf(certifications);
        catalogue = Map.copyOf(catalogue);
    }
}
