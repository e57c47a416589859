package org.mutuality.relationships.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My boundary plan, invitations to reflect, and what people I supervise chose to share. */
@Controller
class BoundariesController {

    private final BoundaryPlans plans;
    private final Directory directory;

    private final Pages pages;

    BoundariesController(BoundaryPlans plans, Directory directory, Pages pages) {
        this.pages = pages;
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping("/boundaries")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plan", plans.mine(user));
        model.addAttribute("areas", BoundaryArea.values());
        model.addAttribute("invitations", plans.invitations(user));
        model.addAttribute("names", names(user));
        return "relationships/boundaries";
    }

    @PostMapping("/boundaries")
    String save(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            Map<BoundaryArea, String> areas = new EnumMap<>(BoundaryArea.class);
            for (BoundaryArea area : BoundaryArea.values()) {
                areas.put(area, form.getOrDefault("area." + area.name(), ""));
            }
            plans.save(
                    user,
                    new BoundaryPlan(
                            user.personId(),
                            areas,
                            number(form.get("outsideContactsPerMonth"), "outsideContactsPerMonth"),
                            number(form.get("contactsPerWeek"), "contactsPerWeek"),
                            number(form.get("longestSessionMinutes"), "longestSessionMinutes"),
                            time(form.get("noContactAfter")),
                            "true".equals(form.get("shareWithSupervisor"))));
            redirect.addFlashAttribute("notice", "boundary.saved");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/boundaries";
    }

    @PostMapping("/boundaries/reflections/{id}")
    String reflect(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reflection,
            @RequestParam(defaultValue = "false") boolean share,
            RedirectAttributes redirect) {
        try {
            plans.reflect(user, id, reflection, share);
            redirect.addFlashAttribute("notice", "reflection.saved");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/boundaries";
    }

    @GetMapping("/boundaries/shared")
    String shared(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("invitations", plans.sharedWithMe(user));
        model.addAttribute("names", names(user));
        return "relationships/boundaries-shared";
    }

    static @Nullable Integer number(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number or left empty, was '"
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
        }
    }

    static @Nullable LocalTime time(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("noContactAfter must be a time such as 20:00, was '"
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
        }
    }

    private Map<org.mutuality.directory.PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
