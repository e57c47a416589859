package org.mutuality.records.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.BreakGlassReason;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.records.NoteCursor;
import org.mutuality.records.NoteId;
import org.mutuality.records.NotesRead;
import org.mutuality.records.Records;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.Pages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's notes: those the reader may see, and writing or amending one where the reader may. */
@Controller
class NotesController {

    static final String PAGE = "records/notes";

    static final String REFUSED = "records/notes-refused";

    private final Records records;
    private final Directory directory;
    private final Clock clock;
    private final Pages pages;

    NotesController(Records records, Directory directory, Clock clock, Pages pages) {
        this.records = records;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    @GetMapping("/people/{id}/notes")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String after,
            Model model,
            HttpServletResponse response) {
        Person person = directory.visibleTo(user, new PersonId(id));
        NoteCursor cursor = NoteCursor.parse(after);
        Map<RecordKind, NotesRead.Shown> shown =
                records.readable(user, person.id(), Records.noteKinds(null), null, cursor, Records.PAGE);
        model.addAttribute("older", cursor != null);
        model.addAttribute("person", person);
        if (shown.isEmpty()) {
            if (!user.isStaff()) {
                throw new ForbiddenException("note.notInCircle");
            }
            model.addAttribute("kinds", Records.noteKinds(null));
            model.addAttribute("reasons", BreakGlassReason.values());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return REFUSED;
        }
        model.addAttribute("shown", shown);
        model.addAttribute(
                "writable",
                shown.entrySet().stream()
                        .filter(e -> Records.writesOn(e.getValue().basis()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return PAGE;
    }

    @PostMapping("/people/{id}/notes")
    String write(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam RecordKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable UUID amends,
            RedirectAttributes redirect) {
        String notes = "/people/" + id + "/notes";
        return pages.act(redirect, notes, notes, () -> {
            records.write(user, new PersonId(id), kind, date, text, amends == null ? null : new NoteId(amends));
            return amends == null ? "note.written" : "note.amended";
        });
    }
}
