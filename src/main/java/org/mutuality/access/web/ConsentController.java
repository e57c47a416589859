package org.mutuality.access.web;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.ConsentDirectives;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.audit.Refusals;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Who may not see my record": the person's consent directives, given and withdrawn in the browser. */
@Controller
class ConsentController {

    static final String PAGE = "access/consent";

    private final ConsentDirectives directives;
    private final Directory directory;
    private final java.time.Clock clock;
    private final Refusals refusals;

    private final Pages pages;

    ConsentController(
            ConsentDirectives directives, Directory directory, java.time.Clock clock, Refusals refusals, Pages pages) {
        this.pages = pages;
        this.directives = directives;
        this.directory = directory;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/people/{id}/consent")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        PersonId person = new PersonId(id);
        model.addAttribute("directives", directives.of(user, person));
        model.addAttribute("readers", directives.readers(user, person));
        Map<PersonId, String> names = directory.everyone(user.agencyId()).stream()
                .collect(Collectors.toMap(Person::id, Person::displayName, (a, b) -> a));
        model.addAttribute("person", directory.requirePerson(user.agencyId(), person));
        model.addAttribute("names", names);
        model.addAttribute(
                "others",
                directory.everyone(user.agencyId()).stream()
                        .filter(p ->
                                p.active() && !p.id().equals(person) && p.isStaffOn(java.time.LocalDate.now(clock)))
                        .sorted(Comparator.comparing(Person::displayName))
                        .toList());
        model.addAttribute(
                "kinds",
                java.util.Arrays.stream(RecordKind.values())
                        .filter(RecordKind::withholdable)
                        .toList());
        model.addAttribute("purposes", Purpose.values());
        return PAGE;
    }

    @PostMapping("/people/{id}/consent")
    String give(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID withheldFrom,
            @RequestParam(required = false) @Nullable Purpose purpose,
            @RequestParam(required = false) @Nullable RecordKind recordKind,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            directives.give(
                    user,
                    new PersonId(id),
                    withheldFrom == null ? null : new PersonId(withheldFrom),
                    purpose,
                    recordKind,
                    note);
            redirect.addFlashAttribute("notice", "consent.given");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/people/" + id + "/consent";
    }

    @PostMapping("/people/{id}/consent/{directiveId}/withdraw")
    String withdraw(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID directiveId,
            RedirectAttributes redirect) {
        try {
            directives.withdraw(user, new PersonId(id), directiveId);
            redirect.addFlashAttribute("notice", "consent.withdrawn");
        } catch (NotFoundException e) {
            // Someone else's directives are hidden as missing ones: the same redirect, but the refusal is recorded.
            refusals.recordIfRefusal(e);
            redirect.addFlashAttribute("problem", "consent.notActive");
        }
        return "redirect:/people/" + id + "/consent";
    }
}
