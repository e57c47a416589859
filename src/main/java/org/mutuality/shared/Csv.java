package org.mutuality.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV (RFC 4180) for exports. A cell that a spreadsheet would run as a formula is prefixed
 * with an apostrophe, so an export never carries a formula into someone's spreadsheet.
 */
public final class Csv {

    private Csv() {}

    /** Appends one row, ended by CRLF. */
    public static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(Csv::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** One cell, defused and quoted when needed. */
    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
