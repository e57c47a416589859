package org.mutuality.voice.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.voice.CrisisPlan;
import org.mutuality.voice.CrisisPlans;
import org.mutuality.voice.CrisisSection;
import org.mutuality.voice.Goal;
import org.mutuality.voice.GoalId;
import org.mutuality.voice.LifeArea;
import org.mutuality.voice.RecoveryPlan;
import org.mutuality.voice.RecoveryPlans;
import org.mutuality.voice.Step;
import org.mutuality.voice.SuggestionId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant's pages: my recovery plan (one form per goal, made for a phone, and the steps my
 * peer worker suggested), its history, my crisis plan with the people I share it with, a page to
 * print it, and a shared crisis plan as a person it names reads it.
 */
@Controller
class VoiceController {

    static final String RECOVERY = "voice/recovery-plan";
    static final String HISTORY = "voice/recovery-history";
    static final String CRISIS = "voice/crisis-plan";
    static final String PRINT = "voice/crisis-print";

    /** Empty step rows a goal's form offers for new steps. */
    static final int NEW_STEPS = 2;

    private final RecoveryPlans recovery;
    private final CrisisPlans crisis;
    private final Directory directory;
    private final Pages pages;
    private final Clock clock;

    VoiceController(RecoveryPlans recovery, CrisisPlans crisis, Directory directory, Pages pages, Clock clock) {
        this.recovery = recovery;
        this.crisis = crisis;
        this.directory = directory;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/recovery-plan")
    String recoveryPlan(@AuthenticationPrincipal SignedInUser user, Model model) {
        RecoveryPlan plan = recovery.mine(user);
        model.addAttribute("plan", plan);
        model.addAttribute("waiting", recovery.waiting(user));
        model.addAttribute("areas", LifeArea.values());
        model.addAttribute("newSteps", NEW_STEPS);
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return RECOVERY;
    }

    @PostMapping("/recovery-plan/goals")
    String writeGoal(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return pages.act(redirect, "voice.goalSaved", "/recovery-plan", () -> {
            UUID id = form.get("goalId") == null || form.get("goalId").isBlank()
                    ? UUID.randomUUID()
                    : uuid(form.get("goalId"));
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < Goal.MAX_STEPS + NEW_STEPS; i++) {
                String text = form.get("step" + i + ".text");
                if (text == null || text.isBlank()) {
                    continue;
                }
                steps.add(Step.write(
                        "step",
                        text,
                        form.get("step" + i + ".who"),
                        date("step" + i + ".due", form.get("step" + i + ".due")),
                        "true".equals(form.get("step" + i + ".done")),
                        null));
            }
            String area = form.get("area");
            Goal goal = Goal.write(
                    "goal",
                    new GoalId(id),
                    area == null || area.isBlank() ? null : Text.choice("area", area, LifeArea.class),
                    form.get("words"),
                    date("target", form.get("target")),
                    steps);
            recovery.writeGoal(user, version(form.get("version")), goal);
        });
    }

    @PostMapping("/recovery-plan/goals/{goalId}/remove")
    String removeGoal(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID goalId,
            @RequestParam(required = false) @Nullable String version,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "voice.goalRemoved",
                "/recovery-plan",
                () -> recovery.removeGoal(user, version(version), new GoalId(goalId)));
    }

    @PostMapping("/recovery-plan/suggestions/{id}/accept")
    String accept(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "voice.suggestionAccepted",
                "/recovery-plan",
                () -> recovery.accept(user, new SuggestionId(id)));
    }

    @PostMapping("/recovery-plan/suggestions/{id}/decline")
    String decline(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "voice.suggestionDeclined",
                "/recovery-plan",
                () -> recovery.decline(user, new SuggestionId(id)));
    }

    @GetMapping("/recovery-plan/history")
    String history(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer before,
            Model model) {
        List<RecoveryPlan> versions =
                recovery.history(user, before == null ? Integer.MAX_VALUE : before, VoiceApi.VERSIONS);
        model.addAttribute("versions", versions);
        model.addAttribute(
                "older",
                versions.size() == VoiceApi.VERSIONS
                                && versions.get(versions.size() - 1).version() > 1
                        ? versions.get(versions.size() - 1).version()
                        : null);
        return HISTORY;
    }

    @GetMapping("/crisis-plan")
    String crisisPlan(@AuthenticationPrincipal SignedInUser user, Model model) {
        CrisisPlan plan = crisis.mine(user);
        model.addAttribute("plan", plan);
        model.addAttribute("sections", CrisisSection.values());
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "people",
                directory.everyone(user.agencyId()).stream()
                        .filter(p -> p.active() && !p.id().equals(user.personId()) && p.isStaffOn(today))
                        .sorted(Comparator.comparing(Person::displayName))
                        .toList());
        model.addAttribute("limit", Text.Limit.MESSAGE.characters());
        return CRISIS;
    }

    @PostMapping("/crisis-plan")
    String writeCrisisPlan(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "sharedWith", required = false) @Nullable List<String> sharedWith,
            RedirectAttributes redirect) {
        return pages.act(redirect, "voice.crisisSaved", "/crisis-plan", () -> {
            Map<CrisisSection, String> sections = new EnumMap<>(CrisisSection.class);
            for (CrisisSection s : CrisisSection.values()) {
                String text = Text.optional("sections." + s.name(), form.get(s.name()), Text.Limit.MESSAGE);
                if (text != null) {
                    sections.put(s, text);
                }
            }
            List<PersonId> people = new ArrayList<>();
            for (String id : sharedWith == null ? List.<String>of() : sharedWith) {
                people.add(new PersonId(uuid(id)));
            }
            crisis.writeMine(user, version(form.get("version")), sections, people);
        });
    }

    @GetMapping("/crisis-plan/print")
    String print(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plan", crisis.mine(user));
        model.addAttribute("sections", CrisisSection.values());
        model.addAttribute("name", user.displayName());
        return PRINT;
    }

    @GetMapping("/people/{id}/crisis-plan")
    String shared(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        PersonId person = new PersonId(id);
        model.addAttribute("plan", crisis.sharedWith(user, person));
        model.addAttribute("sections", CrisisSection.values());
        model.addAttribute("name", directory.displayNames(user.agencyId()).getOrDefault(person, ""));
        return PRINT;
    }

    private static @Nullable Integer version(@Nullable String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(version.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("voice.notANumber", Explanation.field("version"));
        }
    }

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadInputException("voice.notADate", Explanation.field(field));
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("voice.notAnId", Explanation.field("id"));
        }
    }
}
