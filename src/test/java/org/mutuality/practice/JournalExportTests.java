package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.springframework.context.support.ResourceBundleMessageSource;

class JournalExportTests {

    static final String FRENCH = "Élan, cœur, « à côté », ça reçoit, où, naïve, Œuvre";

    final JournalExport export = new JournalExport(
            messages(), Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneId.of("America/Toronto")));
    final PersonId author = new PersonId(UUID.randomUUID());

    @Test
    void printsFrenchAccentsInThePdf() throws IOException {
        byte[] pdf = export.pdf("Zoé", List.of(entry(FRENCH, JournalPrompt.SELF_CARE)), Locale.FRENCH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Journal réflexif de Zoé")
                    .contains(FRENCH)
                    .contains("Prendre soin de moi");
        }
    }

    @Test
    void wrapsALongEntryOntoMorePages() throws IOException {
        String longText = "Une phrase assez longue pour remplir une ligne entière de la page. ".repeat(150);

        byte[] pdf = export.pdf("Zoé", List.of(entry(longText.strip(), null)), Locale.FRENCH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void printsACharacterBeyondTheFontAsAQuestionMark() throws IOException {
        byte[] pdf = export.pdf("Zoé", List.of(entry("Merci \uD83D\uDE4F à vous", null)), Locale.FRENCH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Merci ? à vous");
        }
    }

    @Test
    void writesTheDateInLocalTimeAndThePromptInMarkdown() {
        String md = export.markdown("Zoé", List.of(entry("Dans mes mots.", JournalPrompt.MUTUALITY)), Locale.FRENCH);

        assertThat(md)
                .startsWith("# Journal réflexif de Zoé")
                .contains("## ")
                .contains("07:00")
                .contains("Mutualité")
                .contains("Dans mes mots.");
    }

    @Test
    void keepsALineOfTheEntryFromBecomingAMarkdownHeading() {
        String md = export.markdown("Zoé", List.of(entry("# not a heading\n- nor a list", null)), Locale.ENGLISH);

        assertThat(md).contains("\\# not a heading").contains("\\- nor a list");
    }

    private JournalEntry entry(String text, JournalPrompt prompt) {
        return new JournalEntry(
                JournalEntryId.random(), author, prompt, text, Instant.parse("2026-11-30T12:00:00Z"), null);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}
