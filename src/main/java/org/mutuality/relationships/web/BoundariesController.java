package org.mutuality.relationships.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.relationships.InvitationId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;
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

    static final String PAGE = "/boundaries";

    private final BoundaryPlans plans;
    private final Directory directory;
    private final Pages pages;

    BoundariesController(BoundaryPlans plans, Directory directory, Pages pages) {
        this.plans = plans;
        this.directory = directory;
        this.pages = pages;
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
        return pages.act(redirect, "boundary.saved", PAGE, () -> {
            Map<BoundaryArea, String> areas = new EnumMap<>(BoundaryArea.class);
            for (BoundaryArea area : BoundaryArea.values()) {
                areas.put(area, form.getOrDefault("area." + area.name(), ""));
            }
            plans.save(
                    user,
                    new BoundaryPlan(
                            user.personId(),
                            areas,
                            number(form, "outsideContactsPerMonth"),
                            number(form, "contactsPerWeek"),
                            number(form, "longestSessionMinutes"),
                            time(form, "noContactAfter"),
                            "true".equals(form.get("shareWithSupervisor"))));
        });
    }

    @PostMapping("/boundaries/reflections/{id}")
    String reflect(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reflection,
            @RequestParam(defaultValue = "false") boolean share,
            RedirectAttributes redirect) {
        return pages.act(
                redirect, "reflection.saved", PAGE, () -> plans.reflect(user, new InvitationId(id), reflection, share));
    }

    @GetMapping("/boundaries/shared")
    String shared(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("invitations", plans.sharedWithMe(user));
        model.addAttribute("names", names(user));
        return "relationships/boundaries-shared";
    }

    /** The form's whole number, or null when left empty; refused naming the field, never the value. */
    static @Nullable Integer number(Map<String, String> form, String field) {
        String value = Text.trimmedOrNull(form.get(field));
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadInputException("form.wholeNumber", Explanation.field(field));
        }
    }

    /** The form's time of day, or null when left empty; refused naming the field, never the value. */
    static @Nullable LocalTime time(Map<String, String> form, String field) {
        String value = Text.trimmedOrNull(form.get(field));
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("form.time", Explanation.field(field));
        }
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
