package org.mutuality.audit.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mutuality.audit.AuditEntry;
import org.mutuality.shared.Csv;

/** A person's access log as CSV (RFC 4180); formula-like cells are prefixed with an apostrophe. */
final class AccessLogCsv {

    private AccessLogCsv() {}

    static String write(List<AuditEntry> entries, Map<UUID, String> names) {
        StringBuilder csv = new StringBuilder();
        row(csv, "when", "who", "roles", "action", "record", "purpose", "basis", "outcome", "sequence");
        for (AuditEntry e : entries) {
            row(
                    csv,
                    e.recordedAt().toString(),
                    e.actorId() == null
                            ? ""
                            : names.getOrDefault(e.actorId(), e.actorId().toString()),
                    nz(e.actorRoles()),
                    e.action(),
                    nz(e.recordKind()),
                    nz(e.purpose()),
                    nz(e.basis()),
                    e.outcome(),
                    e.seq() == null ? "" : e.seq().toString());
        }
        return csv.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static void row(StringBuilder csv, String... cells) {
        Csv.row(csv, List.of(cells));
    }
}
