package org.mutuality.practice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A journal as its author takes it away: Markdown, or a plain PDF (dates, prompts, the text wrapped
 * to the page). The PDF embeds Liberation Sans, which PDFBox ships, so that French accents, « » and
 * œ print, and any character beyond the font prints as "?" rather than failing the export.
 */
@Component
class JournalExport {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float TEXT_SIZE = 11;
    private static final float HEADING_SIZE = 13;
    private static final float TITLE_SIZE = 16;
    private static final float LEADING = 1.4f;

    private final MessageSource messages;
    private final Clock clock;

    JournalExport(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The journal as Markdown: a title, then each entry under its date and prompt. */
    String markdown(String author, List<JournalEntry> entries, Locale locale) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(messages.getMessage("journal.export.title", new Object[] {author}, locale));
        md.append("\n\n");
        if (entries.isEmpty()) {
            md.append(messages.getMessage("journal.none", null, locale)).append('\n');
        }
        for (JournalEntry e : entries) {
            md.append("## ").append(heading(e, locale)).append("\n\n");
            if (e.prompt() != null) {
                md.append("*").append(question(e.prompt(), locale)).append("*\n\n");
            }
            for (String line : e.text().split("\\R", -1)) {
                // A line of the entry that Markdown would read as a heading or a list stays text.
                md.append(line.matches("^\\s*([#>*+-]|\\d+\\.).*") ? "\\" + line.stripLeading() : line)
                        .append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The journal as a PDF. */
    byte[] pdf(String author, List<JournalEntry> entries, Locale locale) {
        try (PDDocument doc = new PDDocument();
                InputStream font = JournalExport.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is missing from the class path");
            }
            Writer w = new Writer(doc, PDType0Font.load(doc, font));
            w.line(messages.getMessage("journal.export.title", new Object[] {author}, locale), TITLE_SIZE);
            w.gap();
            if (entries.isEmpty()) {
                w.paragraph(messages.getMessage("journal.none", null, locale), TEXT_SIZE);
            }
            for (JournalEntry e : entries) {
                w.paragraph(heading(e, locale), HEADING_SIZE);
                if (e.prompt() != null) {
                    w.paragraph(question(e.prompt(), locale), TEXT_SIZE);
                }
                w.gap();
                for (String line : e.text().split("\\R", -1)) {
                    w.paragraph(line, TEXT_SIZE);
                }
                w.gap();
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the journal's PDF failed", e);
        }
    }

    private String heading(JournalEntry e, Locale locale) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .format(e.writtenAt().atZone(clock.getZone()));
        String prompt = messages.getMessage(
                e.prompt() == null
                        ? "journal.prompt.FREE"
                        : "journal.prompt." + e.prompt().name(),
                null,
                locale);
        return when + " · " + prompt;
    }

    private String question(JournalPrompt prompt, Locale locale) {
        return messages.getMessage("journal.prompt." + prompt.name() + ".question", null, locale);
    }

    /** Lays text out top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void paragraph(String text, float size) throws IOException {
            String printable = printable(text);
            if (printable.isBlank()) {
                gap();
                return;
            }
            for (String line : wrap(printable, size)) {
                line(line, size);
            }
        }

        void line(String text, float size) throws IOException {
            if (y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN, y);
            page.showText(printable(text));
            page.endText();
        }

        void gap() {
            y -= TEXT_SIZE * 0.6f;
        }

        void close() throws IOException {
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = p.getMediaBox().getHeight() - MARGIN;
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, size) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                // A word longer than the line is cut where it reaches the margin.
                String rest = word;
                while (width(rest, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
            return lines;
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /** The text with tabs as spaces and every character the font cannot draw as "?". */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.replace('\t', ' ').codePoints().forEach(c -> out.append(drawable(c) ? Character.toString(c) : "?"));
            return out.toString();
        }

        private boolean drawable(int codePoint) {
            try {
                font.encode(Character.toString(codePoint));
                return !Character.isISOControl(codePoint);
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
