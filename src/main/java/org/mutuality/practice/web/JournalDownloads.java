package org.mutuality.practice.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.Journal;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The author's journal as a file to keep, for the API and the page alike; never cached on the way. */
@Component
class JournalDownloads {

    private final Journal journal;

    JournalDownloads(Journal journal) {
        this.journal = journal;
    }

    ResponseEntity<byte[]> markdown(SignedInUser user, Locale locale) {
        return file(
                journal.markdown(user, locale).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "markdown", StandardCharsets.UTF_8),
                "journal.md");
    }

    ResponseEntity<byte[]> pdf(SignedInUser user, Locale locale) {
        return file(journal.pdf(user, locale), MediaType.APPLICATION_PDF, "journal.pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
