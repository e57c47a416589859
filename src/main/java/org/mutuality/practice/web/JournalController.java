package org.mutuality.practice.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.Journal;
import org.mutuality.practice.JournalEntry;
import org.mutuality.practice.JournalEntryId;
import org.mutuality.practice.JournalPrompt;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The journal's pages: my journal (write with a prompt, list, export), one entry (read, share,
 * unshare, delete after a confirmation), and the entries supervisees share with the reader.
 */
@Controller
class JournalController {

    static final String LIST = "practice/journal";
    static final String ENTRY = "practice/journal-entry";
    static final String SHARED = "practice/journal-shared";

    /** The prompts a new entry may answer; a dilemma's summary comes from the navigator. */
    static final List<JournalPrompt> PROMPTS = List.of(
            JournalPrompt.MUTUALITY, JournalPrompt.SELF_DISCLOSURE, JournalPrompt.BOUNDARIES, JournalPrompt.SELF_CARE);

    private final Journal journal;
    private final JournalDownloads downloads;
    private final Directory directory;
    private final Pages pages;

    JournalController(Journal journal, JournalDownloads downloads, Directory directory, Pages pages) {
        this.journal = journal;
        this.downloads = downloads;
        this.directory = directory;
        this.pages = pages;
    }

    /** An entry as a page lists it; the page draws its times in the agency's local time. */
    record Row(
            UUID id,
            PersonId author,
            @Nullable JournalPrompt prompt,
            Instant writtenAt,
            @Nullable Instant sharedAt) {}

    @GetMapping("/journal")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String prompt,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute(
                "entries", journal.mine(user, page).stream().map(this::row).toList());
        model.addAttribute("prompts", PROMPTS);
        model.addAttribute("chosen", prompt == null ? "" : prompt);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", Journal.PAGE_SIZE);
        model.addAttribute("limit", JournalEntry.LIMIT.characters());
        return LIST;
    }

    @PostMapping("/journal")
    String write(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String prompt,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        try {
            JournalPrompt chosen = prompt.isBlank() ? null : Text.choice("prompt", prompt, JournalPrompt.class);
            JournalEntry e = journal.write(user, chosen, text);
            redirect.addFlashAttribute("notice", "journal.written");
            return "redirect:/journal/" + e.id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/journal";
        }
    }

    @GetMapping("/journal/{id}")
    String one(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean delete,
            Model model) {
        JournalEntry e = journal.read(user, new JournalEntryId(id));
        model.addAttribute("entry", e);
        model.addAttribute("writtenAt", e.writtenAt());
        model.addAttribute("sharedAt", e.sharedAt());
        model.addAttribute("own", true);
        model.addAttribute("confirmDelete", delete);
        return ENTRY;
    }

    @PostMapping("/journal/{id}/share")
    String share(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(
                redirect, "journal.sharedNow", "/journal/" + id, () -> journal.share(user, new JournalEntryId(id)));
    }

    @PostMapping("/journal/{id}/unshare")
    String unshare(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(
                redirect, "journal.unsharedNow", "/journal/" + id, () -> journal.unshare(user, new JournalEntryId(id)));
    }

    /** Deletes for good; the entry's page asks first ({@code ?delete=true}) and this needs its tick. */
    @PostMapping("/journal/{id}/delete")
    String delete(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "journal.confirmDelete");
            return "redirect:/journal/" + id + "?delete=true";
        }
        return pages.act(redirect, "journal.deleted", "/journal", () -> journal.delete(user, new JournalEntryId(id)));
    }

    @GetMapping("/journal/export.md")
    ResponseEntity<byte[]> markdown(@AuthenticationPrincipal SignedInUser user, Locale locale) {
        return downloads.markdown(user, locale);
    }

    @GetMapping("/journal/export.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, Locale locale) {
        return downloads.pdf(user, locale);
    }

    @GetMapping("/journal/shared")
    String shared(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute(
                "entries",
                journal.sharedWithMe(user, page).stream().map(this::row).toList());
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", Journal.PAGE_SIZE);
        return SHARED;
    }

    @GetMapping("/journal/shared/{id}")
    String sharedOne(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        JournalEntry e = journal.readShared(user, new JournalEntryId(id));
        model.addAttribute("entry", e);
        model.addAttribute("writtenAt", e.writtenAt());
        model.addAttribute("sharedAt", e.sharedAt());
        model.addAttribute("own", false);
        model.addAttribute("author", directory.displayNames(user.agencyId()).get(e.author()));
        model.addAttribute("confirmDelete", false);
        return ENTRY;
    }

    private Row row(Journal.Listed e) {
        return new Row(e.id().value(), e.author(), e.prompt(), e.writtenAt(), e.sharedAt());
    }
}
