package org.mutuality.safety.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Concerns;
import org.mutuality.safety.Incident;
import org.mutuality.safety.IncidentCursor;
import org.mutuality.safety.IncidentId;
import org.mutuality.safety.Incidents;
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

/** Incident pages: the list and the form to record one, one incident with accounts and handling. */
@Controller
class IncidentsController {

    private final Incidents incidents;
    private final Concerns concerns;
    private final Directory directory;
    private final Clock clock;
    private final Pages pages;

    IncidentsController(Incidents incidents, Concerns concerns, Directory directory, Clock clock, Pages pages) {
        this.incidents = incidents;
        this.concerns = concerns;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    /** The newest incidents the person may read, or those after {@code after}, with a link to older ones. */
    @GetMapping("/incidents")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        IncidentCursor cursor = IncidentCursor.parse(after);
        Page<Incident> page = incidents.list(user, cursor, Incidents.PAGE);
        model.addAttribute("incidents", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("older", cursor != null);
        model.addAttribute("names", names(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("people", incidents.whoMayBeNamed(user));
        return "safety/incidents";
    }

    @PostMapping("/incidents")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable LocalDate occurredOn,
            @RequestParam(defaultValue = "") String whatHappened,
            @RequestParam(defaultValue = "") String agreedNext,
            @RequestParam(required = false) @Nullable List<UUID> involvedIds,
            RedirectAttributes redirect) {
        try {
            Incident i = incidents.record(
                    user,
                    occurredOn,
                    whatHappened,
                    agreedNext,
                    involvedIds == null
                            ? List.of()
                            : involvedIds.stream().map(PersonId::new).toList());
            redirect.addFlashAttribute("notice", "incident.recorded");
            return "redirect:/incidents/" + i.id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/incidents";
        }
    }

    @GetMapping("/incidents/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Incident i = incidents.view(user, new IncidentId(id));
        model.addAttribute("incident", i);
        model.addAttribute("names", names(user));
        model.addAttribute("involved", i.involved().contains(user.personId()));
        model.addAttribute("handler", concerns.isHandler(user) && !i.involved().contains(user.personId()));
        model.addAttribute("mine", user.personId().equals(i.handler()));
        model.addAttribute("outcomes", Incident.Outcome.values());
        return "safety/incident";
    }

    @PostMapping("/incidents/{id}/accounts")
    String account(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "incident.accountSaved",
                "/incidents/" + id,
                () -> incidents.addAccount(user, new IncidentId(id), text));
    }

    @PostMapping("/incidents/{id}/take")
    String take(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "incident.taken",
                "/incidents/" + id,
                () -> incidents.take(user, new IncidentId(id), acknowledge, consultationId));
    }

    @PostMapping("/incidents/{id}/resolve")
    String resolve(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "incident.resolved",
                "/incidents/" + id,
                () -> incidents.resolve(user, new IncidentId(id), Incident.Outcome.named(outcome), note));
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
