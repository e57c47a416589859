package org.mutuality.conflicts.web;

import java.util.List;
import org.mutuality.conflicts.ScanReport;
import org.mutuality.shared.Csv;

/**
 * Writes the agency scan as CSV, one row per finding, with {@link Csv}.
 */
final class ScanCsv {

    private ScanCsv() {}

    static String write(ScanReport report) {
        StringBuilder csv = new StringBuilder();
        Csv.row(
                csv,
                List.of(
                        "group",
                        "decision",
                        "rule",
                        "actor",
                        "subject",
                        "pairing",
                        "action",
                        "power",
                        "duration",
                        "termination",
                        "score",
                        "reasons"));
        int group = 0;
        for (ScanReport.Group g : report.groups()) {
            group++;
            for (ScanReport.Finding f : g.findings()) {
                Csv.row(
                        csv,
                        List.of(
                                Integer.toString(group),
                                f.decision().name(),
                                g.rule(),
                                f.actorName(),
                                f.subjectName(),
                                f.pairing(),
                                f.action().name(),
                                f.power(),
                                f.duration(),
                                f.termination(),
                                Integer.toString(f.score()),
                                String.join(" | ", f.reasons())));
            }
        }
        return csv.toString();
    }
}
