package org.mutuality.workforce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the Markdown an agency writes for its code of conduct into HTML that is safe to put in a
 * page. Mutuality has no Markdown library, and the code needs only a small part of Markdown (see
 * ADR 0023), so this renders that part and nothing else:
 *
 * <ul>
 *   <li>{@code #}, {@code ##}, {@code ###} headings, drawn one level down ({@code h2} to {@code
 *       h4}), so the page keeps its own {@code h1};
 *   <li>paragraphs, separated by a blank line;
 *   <li>lists with {@code -} or {@code *}, and numbered lists ({@code 1.});
 *   <li>{@code **strong**} and {@code *emphasis*} (or {@code _emphasis_}) within a line.
 * </ul>
 *
 * Every character of the text is HTML-escaped before any tag is added, so HTML in the text shows as
 * text and never runs; no links, images or attributes are ever produced. Everything else Markdown
 * knows shows as the characters typed.
 */
final class SafeMarkdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,3})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+(.*)$");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])[*_](?=\\S)(.+?)(?<=\\S)[*_](?![\\w*])");

    private SafeMarkdown() {}

    /** The text as HTML: escaped, with only the tags listed above. */
    static String html(String markdown) {
        StringBuilder out = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        @Nullable String list = null;
        for (String line : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String kind = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
            if (kind == null || line.isBlank() || heading.matches()) {
                if (kind == null && !line.isBlank() && !heading.matches() && list == null) {
                    paragraph.add(line.strip());
                    continue;
                }
                flush(out, paragraph);
                list = close(out, list);
                if (heading.matches()) {
                    int level = heading.group(1).length() + 1;
                    out.append("<h").append(level).append('>');
                    out.append(inline(heading.group(2)))
                            .append("</h")
                            .append(level)
                            .append(">\n");
                } else if (!line.isBlank()) {
                    paragraph.add(line.strip());
                }
                continue;
            }
            flush(out, paragraph);
            if (!kind.equals(list)) {
                close(out, list);
                list = kind;
                out.append('<').append(list).append(">\n");
            }
            String item = "ul".equals(kind) ? bullet.group(1) : numbered.group(1);
            out.append("<li>").append(inline(item)).append("</li>\n");
        }
        flush(out, paragraph);
        close(out, list);
        return out.toString();
    }

    /** Closes the open list, if any; null, as no list is open afterwards. */
    private static @Nullable String close(StringBuilder out, @Nullable String list) {
        if (list != null) {
            out.append("</").append(list).append(">\n");
        }
        return null;
    }

    private static void flush(StringBuilder out, List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            out.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
            paragraph.clear();
        }
    }

    /** Escapes the text, then marks strong and emphasised words (the markers are not escaped characters). */
    private static String inline(String text) {
        String escaped = escape(text);
        escaped = STRONG.matcher(escaped).replaceAll("<strong>$1</strong>");
        return EMPHASIS.matcher(escaped).replaceAll("<em>$1</em>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
