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
 * (686868); a year or a street number of four or five digits stays text. A number the words
 * before it say to text, and not to call ("text CONNECT to 686868"), opens messages ({@code sms:}).
 */
final class CrisisLines {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w-])\\+?\\d(?:[-. ]?\\d)+(?![\\w-])");

    /** The words that say a number takes text messages, in English and French. */
    private static final Pattern TEXT_ONLY = Pattern.compile("(?iu)\\b(text|texto|textez|sms)\\b");

    /** The words that say a number takes calls. */
    private static final Pattern CALL = Pattern.compile("(?iu)\\b(call|phone|appelez|composez|téléphonez)\\b");

    /**
     * A piece of a line: text, and the digits to dial when it is a phone number.
     *
     * @param sms whether the words before the number say to text it and not to call it ("text CONNECT to
     *     686868"): the link opens messages instead of the dialler
     */
    record Part(String text, @Nullable String tel, boolean sms) {
        Part(String text) {
            this(text, null, false);
        }
    }

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
            String before = line.substring(from, m.start());
            if (!before.isEmpty()) {
                parts.add(new Part(before));
            }
            boolean sms =
                    TEXT_ONLY.matcher(before).find() && !CALL.matcher(before).find();
            parts.add(new Part(found, digits, sms));
            from = m.end();
        }
        if (from < line.length()) {
            parts.add(new Part(line.substring(from)));
        }
        return parts;
    }
}
