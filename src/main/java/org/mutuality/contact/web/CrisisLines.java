package org.mutuality.contact.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Crisis resources as a page shows them: one list of parts per line, each phone number a part of its
 * own with the digits to dial, so that it becomes a tap-to-call link and never breaks across lines.
 * A phone number is a run of digits with dashes, dots or spaces between them that holds three or
 * more digits (9-8-8, 1-800-668-6868), or a bare run of exactly three digits (911) or of six or more
 * (686868); a year or a street number of four or five digits stays text.
 */
final class CrisisLines {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w-])\\+?\\d(?:[-. ]?\\d)+(?![\\w-])");

    /** A piece of a line: text, and the digits to dial when it is a phone number. */
    record Part(String text, @Nullable String tel) {}

    private CrisisLines() {}

    static List<List<Part>> of(@Nullable String resources) {
        List<List<Part>> lines = new ArrayList<>();
        if (resources == null) {
            return lines;
        }
        for (String line : resources.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(parts(line.strip()));
            }
        }
        return lines;
    }

    private static List<Part> parts(String line) {
        List<Part> parts = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        int from = 0;
        while (m.find()) {
            String found = m.group().strip();
            String digits = found.replaceAll("[^0-9+]", "");
            boolean separated = !found.equals(digits);
            int count = digits.replace("+", "").length();
            boolean phone = separated ? count >= 3 : count == 3 || count >= 6;
            if (!phone) {
                continue;
            }
            if (m.start() > from) {
                parts.add(new Part(line.substring(from, m.start()), null));
            }
            parts.add(new Part(found, digits));
            from = m.end();
        }
        if (from < line.length()) {
            parts.add(new Part(line.substring(from), null));
        }
        return parts;
    }
}
