package org.mutuality.safety.web;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Concern;
import org.mutuality.safety.ConcernCursor;
import org.mutuality.safety.ConcernId;
import org.mutuality.safety.Concerns;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Raising a concern, following one's own concerns, and handling them. */
@Controller
class ConcernsController {

    private final Concerns concerns;
    private final Directory directory;
    private final Pages pages;

    ConcernsController(Concerns concerns, Directory directory, Pages pages) {
        this.concerns = concerns;
        this.directory = directory;
        this.pages = pages;
    }

    /**
     * The newest concerns to handle (or those after {@code after}) and the newest the person raised
     * (or those after {@code mineAfter}), each list with a link to older ones.
     */
    @GetMapping("/concerns")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String mineAfter,
            Model model) {
        ConcernCursor handling = ConcernCursor.parse(after);
        ConcernCursor raised = ConcernCursor.parse(mineAfter);
        Page<Concern> mine = concerns.mine(user, raised, Concerns.PAGE);
        model.addAttribute("mine", mine.items());
        model.addAttribute("mineNext", mine.next());
        model.addAttribute("handler", concerns.isHandler(user));
        if (concerns.isHandler(user)) {
            Page<Concern> toHandle = concerns.toHandle(user, all, handling, Concerns.PAGE);
            model.addAttribute("toHandle", toHandle.items());
            model.addAttribute("next", toHandle.next());
        }
        model.addAttribute("older", handling != null || raised != null);
        model.addAttribute("all", all);
        model.addAttribute("names", names(user));
        model.addAttribute("myWorkers", concerns.workersOf(user));
        return "safety/concerns";
    }

    @PostMapping("/concerns")
    String raise(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID aboutId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean anonymous,
            RedirectAttributes redirect) {
        try {
            Concern c = concerns.raise(user, aboutId == null ? null : new PersonId(aboutId), text, anonymous);
            redirect.addFlashAttribute("notice", "concern.raised");
            return "redirect:/concerns/" + c.id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/concerns";
        }
    }

    @GetMapping("/concerns/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Concern c = concerns.view(user, new ConcernId(id));
        model.addAttribute("concern", c);
        model.addAttribute("names", names(user));
        model.addAttribute("raiser", user.personId().equals(c.raisedBy()));
        model.addAttribute(
                "handler", concerns.isHandler(user) && !user.personId().equals(c.about()));
        model.addAttribute("mine", user.personId().equals(c.handler()));
        return "safety/concern";
    }

    @PostMapping("/concerns/{id}/take")
    String take(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "concern.taken",
                "/concerns/" + id,
                () -> concerns.take(user, new ConcernId(id), acknowledge, consultationId));
    }

    @PostMapping("/concerns/{id}/answer")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String answer,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "concern.answered",
                "/concerns/" + id,
                () -> concerns.answer(user, new ConcernId(id), answer));
    }

    @PostMapping("/concerns/{id}/close")
    String close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(redirect, "concern.closed", "/concerns/" + id, () -> concerns.close(user, new ConcernId(id)));
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
