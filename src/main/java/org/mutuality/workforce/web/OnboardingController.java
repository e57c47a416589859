package org.mutuality.workforce.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.OnboardingPlan;
import org.mutuality.workforce.Onboardings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The onboarding pages: my plan (the steps I own to tick, and the plans of the people I supervise),
 * and a supervisee's plan, which their supervisor starts, ticks, completes with steps and check-ins,
 * and closes, and the privacy lead reads.
 */
@Controller
class OnboardingController {

    static final String MINE = "workforce/onboarding";
    static final String PLAN = "workforce/onboarding-plan";

    private final Onboardings onboardings;
    private final Directory directory;
    private final Pages pages;

    OnboardingController(Onboardings onboardings, Directory directory, Pages pages) {
        this.onboardings = onboardings;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/onboarding")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        Optional<OnboardingPlan> plan = onboardings.mine(user);
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        model.addAttribute("plan", plan.orElse(null));
        model.addAttribute("today", onboardings.today());
        model.addAttribute("me", user.personId().value());
        model.addAttribute("names", names);
        model.addAttribute("supervising", onboardings.supervising(user));
        model.addAttribute(
                "supervisees",
                onboardings.supervisees(user).stream()
                        .map(p -> new WorkPlanController.Named(p.value(), names.getOrDefault(p, "")))
                        .toList());
        return MINE;
    }

    @PostMapping("/onboarding")
    String tickMine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(name = "done", required = false) @Nullable List<Integer> done,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/onboarding", "/onboarding", () -> {
            onboardings.tickMine(user, done == null ? List.of() : done, version);
            return "onboarding.saved";
        });
    }

    @GetMapping("/people/{id}/onboarding")
    String of(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        PersonId person = new PersonId(id);
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        boolean startable = onboardings.startable(user, person);
        model.addAttribute("plan", startable ? null : onboardings.of(user, person));
        model.addAttribute("startable", startable);
        model.addAttribute("writes", onboardings.supervises(user, person));
        model.addAttribute("personId", id);
        model.addAttribute("name", names.getOrDefault(person, ""));
        model.addAttribute("names", names);
        model.addAttribute("today", onboardings.today());
        model.addAttribute("staff", staff(user));
        model.addAttribute("maxWeek", OnboardingPlan.MAX_WEEK);
        model.addAttribute("me", user.personId().value());
        return PLAN;
    }

    @PostMapping("/people/{id}/onboarding/start")
    String start(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String startedOn,
            RedirectAttributes redirect) {
        String back = path(id);
        return pages.act(redirect, back, back, () -> {
            onboardings.start(user, new PersonId(id), day("startedOn", startedOn));
            return "onboarding.started";
        });
    }

    @PostMapping("/people/{id}/onboarding")
    String tickFor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(name = "done", required = false) @Nullable List<Integer> done,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            RedirectAttributes redirect) {
        String back = path(id);
        return pages.act(redirect, back, back, () -> {
            onboardings.tickFor(user, new PersonId(id), done == null ? List.of() : done, version, acknowledge);
            return "onboarding.saved";
        });
    }

    @PostMapping("/people/{id}/onboarding/steps")
    String addStep(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "0") String week,
            @RequestParam(required = false) @Nullable UUID owner,
            RedirectAttributes redirect) {
        String back = path(id);
        return pages.act(redirect, back, back, Map.of("typedTitle", title), () -> {
            onboardings.addStep(
                    user, new PersonId(id), title, number(week), owner == null ? null : new PersonId(owner));
            return "onboarding.stepAdded";
        });
    }

    @PostMapping("/people/{id}/onboarding/owner")
    String reassign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int step,
            @RequestParam UUID owner,
            RedirectAttributes redirect) {
        String back = path(id);
        return pages.act(redirect, back, back, () -> {
            onboardings.reassign(user, new PersonId(id), step, new PersonId(owner));
            return "onboarding.reassigned";
        });
    }

    @PostMapping("/people/{id}/onboarding/check-ins")
    String checkIn(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            RedirectAttributes redirect) {
        String back = path(id);
        return pages.act(redirect, back, back, Map.of("typedNote", note), () -> {
            LocalDate on = day("date", date);
            onboardings.checkIn(user, new PersonId(id), on == null ? onboardings.today() : on, note, acknowledge);
            return "onboarding.checkInSaved";
        });
    }

    @PostMapping("/people/{id}/onboarding/close")
    String close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        String back = path(id);
        return pages.act(redirect, back, back, () -> {
            onboardings.close(user, new PersonId(id));
            return "onboarding.closedNow";
        });
    }

    /** The staff today, by name: who a step may be given to. */
    private List<WorkPlanController.Named> staff(SignedInUser user) {
        LocalDate today = onboardings.today();
        return directory.everyone(user.agencyId()).stream()
                .filter(p -> p.activeRoles(today).stream().anyMatch(Role::isStaff))
                .map(p -> new WorkPlanController.Named(p.id().value(), p.displayName()))
                .sorted(Comparator.comparing(WorkPlanController.Named::name))
                .toList();
    }

    private static String path(UUID id) {
        return "/people/" + id + "/onboarding";
    }

    private static @Nullable LocalDate day(String field, String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInputException("onboarding.badDate", field);
        }
    }

    private static int number(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("onboarding.badWeek", OnboardingPlan.MAX_WEEK);
        }
    }
}
