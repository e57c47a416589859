package org.mutuality.practice.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.ChecklistTopic;
import org.mutuality.practice.SupervisionForm;
import org.mutuality.practice.SupervisionSchedule;
import org.mutuality.practice.SupervisionSessionId;
import org.mutuality.practice.SupervisionView;
import org.mutuality.practice.Supervisions;
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

/**
 * Supervision pages: what is due and the sessions one knows of, one session (agenda, topics, notes,
 * actions, sign-off), the list of supervisors with the ratio, and the schedule.
 */
@Controller
class SupervisionController {

    static final String OVERVIEW = "practice/supervision";
    static final String SESSION = "practice/supervision-session";
    static final String SUPERVISORS = "practice/supervision-supervisors";
    static final String SETTINGS = "practice/supervision-settings";

    private final Supervisions supervisions;
    private final Directory directory;
    private final Clock clock;
    private final Pages pages;

    SupervisionController(Supervisions supervisions, Directory directory, Clock clock, Pages pages) {
        this.supervisions = supervisions;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    @GetMapping("/supervision")
    String overview(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("due", supervisions.due(user));
        model.addAttribute("sessions", supervisions.list(user));
        model.addAttribute("supervisees", supervisions.superviseesOf(user));
        model.addAttribute("forms", SupervisionForm.values());
        model.addAttribute("today", LocalDate.now(clock));
        return OVERVIEW;
    }

    @PostMapping("/supervision/sessions")
    String plan(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID superviseeId,
            @RequestParam(required = false) @Nullable LocalDate heldOn,
            @RequestParam(defaultValue = "60") int minutes,
            @RequestParam(defaultValue = "") String form,
            RedirectAttributes redirect) {
        try {
            if (superviseeId == null) {
                throw new BadInputException("text.required", Explanation.field("superviseeId"));
            }
            SupervisionView v = supervisions.plan(
                    user,
                    new PersonId(superviseeId),
                    heldOn == null ? LocalDate.now(clock) : heldOn,
                    minutes,
                    Text.choice("form", form, SupervisionForm.class));
            redirect.addFlashAttribute("notice", "supervision.planned");
            return "redirect:/supervision/sessions/" + v.session().id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/supervision";
        }
    }

    @GetMapping("/supervision/sessions/{id}")
    String session(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        SupervisionView v = supervisions.view(user, new SupervisionSessionId(id));
        model.addAttribute("view", v);
        model.addAttribute("s", v.session());
        model.addAttribute("part", v.session().partOf(user.personId()));
        model.addAttribute("readOnly", v.readOnly());
        model.addAttribute("names", names(user));
        model.addAttribute("topics", ChecklistTopic.values());
        return SESSION;
    }

    @PostMapping("/supervision/sessions/{id}/notes")
    String note(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean privateNote,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                privateNote ? "supervision.privateNoteSaved" : "supervision.noteSaved",
                path(id),
                () -> supervisions.note(user, new SupervisionSessionId(id), text, privateNote));
    }

    @PostMapping("/supervision/sessions/{id}/topics")
    String topics(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<String> topics,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "supervision.topicsSaved",
                path(id),
                () -> supervisions.discuss(
                        user,
                        new SupervisionSessionId(id),
                        Text.choices("topics", topics == null ? List.of() : topics, ChecklistTopic.class)));
    }

    @PostMapping("/supervision/sessions/{id}/actions")
    String action(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable LocalDate dueOn,
            RedirectAttributes redirect) {
        return pages.act(redirect, "supervision.actionSaved", path(id), () -> {
            if (dueOn == null) {
                throw new BadInputException("text.required", Explanation.field("dueOn"));
            }
            supervisions.agree(user, new SupervisionSessionId(id), text, dueOn);
        });
    }

    @PostMapping("/supervision/sessions/{id}/actions/{actionId}/done")
    String done(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID actionId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "supervision.actionDoneSaved",
                path(id),
                () -> supervisions.complete(user, new SupervisionSessionId(id), actionId));
    }

    /** Signs the caller's part: final once both have signed, so the page asks for a tick first. */
    @PostMapping("/supervision/sessions/{id}/sign-off")
    String signOff(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "supervision.confirmSignOff");
            return "redirect:" + path(id);
        }
        return pages.act(
                redirect,
                "supervision.signed",
                path(id),
                () -> supervisions.signOff(user, new SupervisionSessionId(id), null));
    }

    @GetMapping("/supervision/supervisors")
    String supervisors(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("loads", supervisions.supervisors(user));
        model.addAttribute("schedule", supervisions.schedule(user));
        return SUPERVISORS;
    }

    @GetMapping("/supervision/settings")
    String settings(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("schedule", supervisions.schedule(user));
        model.addAttribute("roles", Role.staffRoles().stream().sorted().toList());
        model.addAttribute("mayChange", supervisions.setsSchedule(user));
        model.addAttribute("maxWeeks", SupervisionSchedule.MAX_WEEKS);
        model.addAttribute("maxRatio", SupervisionSchedule.MAX_RATIO);
        return SETTINGS;
    }

    @PostMapping("/supervision/settings")
    String saveSettings(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return pages.act(redirect, "supervision.settingsSaved", "/supervision/settings", () -> {
            Map<Role, Integer> weeks = new EnumMap<>(Role.class);
            for (Role role : Role.staffRoles()) {
                String value = form.get("weeks_" + role.name());
                if (value != null && !value.isBlank()) {
                    weeks.put(role, number("everyWeeks", value));
                }
            }
            int ratio = number("ratio", form.getOrDefault("ratio", ""));
            supervisions.saveSchedule(user, new SupervisionSchedule(weeks, ratio));
        });
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("supervision.wholeNumber", Explanation.field(field));
        }
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }

    private static String path(UUID id) {
        return "/supervision/sessions/" + id;
    }
}
