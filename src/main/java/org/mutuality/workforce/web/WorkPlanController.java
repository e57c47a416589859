package org.mutuality.workforce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.WorkPlan;
import org.mutuality.workforce.WorkPlans;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work plan's pages: my plan for a year (goals, projects, my part of each review, and the people
 * I supervise), and a supervisee's plan, which their supervisor writes and signs with them and the
 * privacy lead reads.
 */
@Controller
class WorkPlanController {

    static final String PLAN = "workforce/work-plan";

    /** Empty rows a form offers beyond the goals and projects written. */
    static final int BLANK_ROWS = 2;

    private final WorkPlans plans;
    private final Directory directory;
    private final Pages pages;

    WorkPlanController(WorkPlans plans, Directory directory, Pages pages) {
        this.plans = plans;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/work-plan")
    String mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer year,
            Model model) {
        WorkPlan plan = plans.mine(user, year == null ? plans.thisYear() : year);
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        model.addAttribute(
                "supervisees",
                plans.supervisees(user).stream()
                        .map(p -> new Named(p.value(), names.getOrDefault(p, "")))
                        .toList());
        return show(user, plan, true, true, "/work-plan", user.displayName(), model);
    }

    @PostMapping("/work-plan")
    String planMine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam int year,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(name = "goal", required = false) @Nullable List<String> goals,
            @RequestParam(name = "projectName", required = false) @Nullable List<String> names,
            @RequestParam(name = "projectOutcome", required = false) @Nullable List<String> outcomes,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "workPlan.saved",
                "/work-plan?year=" + year,
                () -> plans.planMine(user, year, filled(goals), projects(names, outcomes), version));
    }

    @PostMapping("/work-plan/sign")
    String signMine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam int year,
            @RequestParam(defaultValue = "") String stage,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "workPlan.signed",
                "/work-plan?year=" + year,
                () -> plans.signMine(user, year, Text.choice("stage", stage, WorkPlan.Stage.class), text));
    }

    @GetMapping("/people/{id}/work-plan")
    String of(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer year,
            Model model) {
        PersonId person = new PersonId(id);
        WorkPlan plan = plans.of(user, person, year == null ? plans.thisYear() : year);
        model.addAttribute("supervisees", List.of());
        return show(
                user,
                plan,
                false,
                plans.supervises(user, person),
                "/people/" + id + "/work-plan",
                directory.displayNames(user.agencyId()).getOrDefault(person, ""),
                model);
    }

    @PostMapping("/people/{id}/work-plan")
    String planFor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam int year,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(name = "goal", required = false) @Nullable List<String> goals,
            @RequestParam(name = "projectName", required = false) @Nullable List<String> names,
            @RequestParam(name = "projectOutcome", required = false) @Nullable List<String> outcomes,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "workPlan.saved",
                "/people/" + id + "/work-plan?year=" + year,
                () -> plans.planFor(user, new PersonId(id), year, filled(goals), projects(names, outcomes), version));
    }

    @PostMapping("/people/{id}/work-plan/sign")
    String signFor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam int year,
            @RequestParam(defaultValue = "") String stage,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            RedirectAttributes redirect) {
        String back = "/people/" + id + "/work-plan?year=" + year;
        return pages.act(redirect, back, back, Map.of("typed", text, "typedStage", stage), () -> {
            plans.signAsSupervisor(
                    user, new PersonId(id), year, Text.choice("stage", stage, WorkPlan.Stage.class), text, acknowledge);
            return "workPlan.signed";
        });
    }

    /** A person a page links to. */
    record Named(UUID id, String name) {}

    private String show(
            SignedInUser user, WorkPlan plan, boolean own, boolean writes, String path, String name, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("own", own);
        model.addAttribute("writes", writes && !plan.closed());
        model.addAttribute("signs", writes);
        model.addAttribute("mySide", own ? WorkPlan.Side.PERSON : WorkPlan.Side.SUPERVISOR);
        model.addAttribute("path", path);
        model.addAttribute("name", name);
        model.addAttribute("stages", WorkPlan.Stage.values());
        model.addAttribute("sides", WorkPlan.Side.values());
        model.addAttribute("blankGoals", blanks());
        model.addAttribute("blankProjects", blanks());
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return PLAN;
    }

    private static List<Integer> blanks() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(i);
        }
        return rows;
    }

    /** The goals typed, blank rows left out. */
    private static List<String> filled(@Nullable List<String> typed) {
        return typed == null
                ? List.of()
                : typed.stream().filter(t -> !Text.trimmed(t).isEmpty()).toList();
    }

    /** The projects typed, rows without a name or an outcome left out. */
    private static List<WorkPlan.Project> projects(@Nullable List<String> names, @Nullable List<String> outcomes) {
        List<WorkPlan.Project> projects = new ArrayList<>();
        if (names == null) {
            return projects;
        }
        for (int i = 0; i < names.size(); i++) {
            String outcome = outcomes != null && i < outcomes.size() ? outcomes.get(i) : null;
            if (!Text.trimmed(names.get(i)).isEmpty() || !Text.trimmed(outcome).isEmpty()) {
                projects.add(WorkPlan.Project.of(names.get(i), outcome));
            }
        }
        return projects;
    }
}
