package org.mutuality.safety.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Concerns;
import org.mutuality.safety.Pauses;
import org.mutuality.safety.ReturnStepId;
import org.mutuality.safety.RolePause;
import org.mutuality.safety.RolePauseId;
import org.mutuality.safety.RolePauses;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Role pause pages: the list and the form, one pause with its return plan and reassignment. */
@Controller
class PausesController {

    private final RolePauses pauses;
    private final Concerns concerns;
    private final Directory directory;
    private final Clock clock;

    private final Pages pages;

    PausesController(RolePauses pauses, Concerns concerns, Directory directory, Clock clock, Pages pages) {
        this.pages = pages;
        this.pauses = pauses;
        this.concerns = concerns;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/pauses")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("pauses", pauses.visibleTo(user));
        model.addAttribute("names", names(user));
        model.addAttribute("mayPause", concerns.isHandler(user));
        model.addAttribute("scopes", Pauses.Scope.values());
        model.addAttribute("today", today);
        model.addAttribute("staff", pauses.pausable(user));
        return "safety/pauses";
    }

    @PostMapping("/pauses")
    String pause(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable List<String> scopes,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @Nullable LocalDate returnOn,
            @RequestParam(defaultValue = "") String steps,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        try {
            Set<Pauses.Scope> chosen = EnumSet.noneOf(Pauses.Scope.class);
            for (String s : scopes == null ? List.<String>of() : scopes) {
                chosen.add(Pauses.Scope.named(s));
            }
            RolePause.Plan plan = new RolePause.Plan(
                    personId == null ? null : new PersonId(personId),
                    chosen,
                    reason,
                    returnOn,
                    Arrays.asList(steps.split("\\R")));
            RolePause p = pauses.pause(user, plan, acknowledge, confirm);
            redirect.addFlashAttribute("notice", "pause.made");
            return "redirect:/pauses/" + p.id();
        } catch (IllegalArgumentException | ConflictException e) {
            pages.problem(redirect, e);
            return "redirect:/pauses";
        }
    }

    @GetMapping("/pauses/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        RolePause p = pauses.view(user, new RolePauseId(id));
        boolean manages = pauses.manages(user, p);
        model.addAttribute("pause", p);
        model.addAttribute("names", names(user));
        model.addAttribute("self", user.personId().equals(p.person()));
        model.addAttribute("manages", manages);
        if (manages && p.active()) {
            model.addAttribute("reassign", pauses.reassignments(user, p.id()));
        }
        if (manages) {
            model.addAttribute("handovers", pauses.handovers(user, p.id()));
        }
        return "safety/pause";
    }

    @PostMapping("/pauses/{id}/note")
    String note(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return pages.act(
                redirect, "pause.noteSaved", "/pauses/" + id, () -> pauses.note(user, new RolePauseId(id), note));
    }

    @PostMapping("/pauses/{id}/steps/{stepId}/done")
    String step(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID stepId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "pause.stepDone",
                "/pauses/" + id,
                () -> pauses.stepDone(user, new RolePauseId(id), new ReturnStepId(stepId)));
    }

    @PostMapping("/pauses/{id}/reassign")
    String reassign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID participantId,
            @RequestParam(required = false) @Nullable UUID peerId,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "pause.reassigned",
                "/pauses/" + id,
                () -> pauses.reassign(
                        user,
                        new RolePauseId(id),
                        new PersonId(participantId),
                        peerId == null ? null : new PersonId(peerId),
                        acknowledge,
                        consultationId));
    }

    @PostMapping("/pauses/{id}/return")
    String back(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "pause.returned",
                "/pauses/" + id,
                () -> pauses.returnToRole(user, new RolePauseId(id), confirm));
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
