package org.mutuality.practice.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.Journal;
import org.mutuality.practice.JournalEntry;
import org.mutuality.practice.JournalEntryId;
import org.mutuality.practice.JournalPrompt;
import org.mutuality.shared.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reflective journal under {@code /api/v1/me/journal} (the author's) and {@code
 * /api/v1/journal/shared} (what supervisees share with the caller). An entry someone may not read
 * answers exactly as a missing one.
 */
@RestController
class JournalApi {

    private final Journal journal;
    private final JournalDownloads downloads;

    JournalApi(Journal journal, JournalDownloads downloads) {
        this.journal = journal;
        this.downloads = downloads;
    }

    @PostMapping("/api/v1/me/journal")
    ResponseEntity<Map<String, UUID>> write(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody EntryBody body) {
        JournalPrompt prompt = body.prompt() == null ? null : Text.choice("prompt", body.prompt(), JournalPrompt.class);
        JournalEntry e = journal.write(user, prompt, body.text());
        return ResponseEntity.created(URI.create("/api/v1/me/journal/" + e.id()))
                .body(Map.of("id", e.id().value()));
    }

    @GetMapping("/api/v1/me/journal")
    List<ListedJson> mine(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page) {
        return journal.mine(user, page).stream().map(ListedJson::of).toList();
    }

    @GetMapping("/api/v1/me/journal/{id}")
    EntryJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return EntryJson.of(journal.read(user, new JournalEntryId(id)));
    }

    @PostMapping("/api/v1/me/journal/{id}/share")
    ListedJson share(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ListedJson.of(journal.share(user, new JournalEntryId(id)));
    }

    @PostMapping("/api/v1/me/journal/{id}/unshare")
    ListedJson unshare(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ListedJson.of(journal.unshare(user, new JournalEntryId(id)));
    }

    @DeleteMapping("/api/v1/me/journal/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        journal.delete(user, new JournalEntryId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/journal/export.md")
    ResponseEntity<byte[]> markdown(@AuthenticationPrincipal SignedInUser user, Locale locale) {
        return downloads.markdown(user, locale);
    }

    @GetMapping("/api/v1/me/journal/export.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, Locale locale) {
        return downloads.pdf(user, locale);
    }

    @GetMapping("/api/v1/journal/shared")
    List<ListedJson> shared(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page) {
        return journal.sharedWithMe(user, page).stream().map(ListedJson::of).toList();
    }

    @GetMapping("/api/v1/journal/shared/{id}")
    EntryJson sharedOne(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return EntryJson.of(journal.readShared(user, new JournalEntryId(id)));
    }

    /** A new entry: its text, and the prompt it answers (a {@link JournalPrompt} name) or none. */
    record EntryBody(@NotNull String text, @Nullable String prompt) {}

    record ListedJson(
            UUID id,
            UUID authorId,
            @Nullable JournalPrompt prompt,
            Instant writtenAt,
            @Nullable Instant sharedAt) {
        static ListedJson of(Journal.Listed e) {
            return new ListedJson(e.id().value(), e.author().value(), e.prompt(), e.writtenAt(), e.sharedAt());
        }
    }

    record EntryJson(
            UUID id,
            UUID authorId,
            @Nullable JournalPrompt prompt,
            String text,
            Instant writtenAt,
            @Nullable Instant sharedAt) {
        static EntryJson of(JournalEntry e) {
            return new EntryJson(e.id().value(), e.author().value(), e.prompt(), e.text(), e.writtenAt(), e.sharedAt());
        }
    }
}
