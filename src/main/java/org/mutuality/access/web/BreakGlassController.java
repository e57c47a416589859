package org.mutuality.access.web;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.BreakGlass;
import org.mutuality.access.BreakGlassGrant;
import org.mutuality.access.BreakGlassGrantId;
import org.mutuality.access.BreakGlassReason;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The break-the-glass form behind a refused record, and the privacy lead's review queue. */
@Controller
class BreakGlassController {

    static final String QUEUE = "access/break-glass";
    static final String QUEUE_PAGE = "/access/break-glass";

    private final BreakGlass breakGlass;
    private final Directory directory;
    private final Pages pages;

    BreakGlassController(BreakGlass breakGlass, Directory directory, Pages pages) {
        this.breakGlass = breakGlass;
        this.directory = directory;
        this.pages = pages;
    }

    @PostMapping("/people/{id}/break-glass")
    String open(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable RecordKind kind,
            @RequestParam(required = false) @Nullable BreakGlassReason reason,
            @RequestParam(defaultValue = "") String detail,
            RedirectAttributes redirect) {
        String notes = "/people/" + id + "/notes";
        return pages.act(redirect, notes, notes, Map.of("breakGlassDetail", detail), () -> {
            breakGlass.open(user, new PersonId(id), kind, reason, detail);
            return "breakGlass.opened";
        });
    }

    @GetMapping("/access/break-glass")
    String queue(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        model.addAttribute("grants", breakGlass.queue(user, !all));
        model.addAttribute("all", all);
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("outcomes", BreakGlassGrant.Outcome.values());
        return QUEUE;
    }

    @PostMapping("/access/break-glass/{grantId}/review")
    String review(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID grantId,
            @RequestParam(required = false) BreakGlassGrant.@Nullable Outcome outcome,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "breakGlass.reviewed",
                QUEUE_PAGE,
                () -> breakGlass.review(user, new BreakGlassGrantId(grantId), outcome, note, confirm));
    }
}
