package org.mutuality.support.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.Groups;
import org.mutuality.support.SupportGroup;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Group pages: the list, one group with members and attendance, and the forms that change them. */
@Controller
class GroupsController {

    private final Groups groups;
    private final Directory directory;
    private final Clock clock;

    private final Pages pages;

    GroupsController(Groups groups, Directory directory, Clock clock, Pages pages) {
        this.pages = pages;
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/groups")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        List<SupportGroup> visible = groups.visibleTo(user);
        model.addAttribute("groups", visible);
        model.addAttribute(
                "manageable",
                visible.stream()
                        .filter(g -> groups.manages(user, g))
                        .map(SupportGroup::id)
                        .collect(Collectors.toSet()));
        model.addAttribute("names", Forms.names(directory, user));
        model.addAttribute("programs", directory.programs(user.agencyId()));
        model.addAttribute("peers", peers(user));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("mayCreate", user.has(Role.SUPERVISOR) || user.has(Role.MANAGER));
        return "support/groups";
    }

    @PostMapping("/groups")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String meetsOn,
            @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(required = false) @Nullable UUID leaderId,
            RedirectAttributes redirect) {
        try {
            if (programId == null || leaderId == null) {
                throw new IllegalArgumentException("Choose the program and who leads the group.");
            }
            SupportGroup g = groups.create(
                    user,
                    new ProgramId(programId),
                    name,
                    description,
                    GroupsApi.schedule(meetsOn, startsAt, place),
                    new PersonId(leaderId));
            redirect.addFlashAttribute("notice", "group.created");
            return "redirect:/groups/" + g.id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/groups";
        }
    }

    @GetMapping("/groups/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        SupportGroup.Roster roster = groups.roster(user, id);
        LocalDate today = LocalDate.now(clock);
        Set<PersonId> current = roster.members().stream()
                .filter(m -> m.current(today))
                .map(SupportGroup.Member::person)
                .collect(Collectors.toSet());
        model.addAttribute("roster", roster);
        model.addAttribute(
                "current",
                roster.members().stream().filter(m -> m.current(today)).toList());
        model.addAttribute("names", Forms.names(directory, user));
        model.addAttribute("coordinator", groups.coordinates(user, roster.group()));
        model.addAttribute("today", today);
        model.addAttribute(
                "candidates",
                directory.everyone(user.agencyId()).stream()
                        .filter(p -> p.active()
                                && !current.contains(p.id())
                                && !p.id().equals(roster.group().leader())
                                && p.activeRoles(today).contains(Role.PARTICIPANT))
                        .sorted(Comparator.comparing(Person::displayName))
                        .toList());
        model.addAttribute("peers", peers(user));
        return "support/group";
    }

    @PostMapping("/groups/{id}/members")
    String add(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            RedirectAttributes redirect) {
        try {
            if (personId == null) {
                throw new IllegalArgumentException("Choose who joins the group.");
            }
            ConflictDecision decision = groups.addMember(user, id, new PersonId(personId), acknowledge);
            redirect.addFlashAttribute(
                    "notice", decision.decision() == Decision.ALLOW ? "group.added" : "group.addedWithWarning");
        } catch (AcknowledgementNeeded e) {
            pages.problem(redirect, e);
            redirect.addFlashAttribute("pendingMember", personId);
        } catch (IllegalArgumentException | ConflictException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/members/{personId}/leave")
    String leave(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID personId,
            RedirectAttributes redirect) {
        groups.removeMember(user, id, new PersonId(personId));
        redirect.addFlashAttribute("notice", "group.left");
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/leader")
    String leader(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID leaderId,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            RedirectAttributes redirect) {
        try {
            if (leaderId == null) {
                throw new IllegalArgumentException("Choose who leads the group.");
            }
            groups.changeLeader(user, id, new PersonId(leaderId), acknowledge);
            redirect.addFlashAttribute("notice", "group.leaderChanged");
        } catch (IllegalArgumentException | ConflictException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/sessions")
    String session(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String heldOn,
            @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String durationMinutes,
            @RequestParam(required = false) @Nullable List<UUID> present,
            RedirectAttributes redirect) {
        try {
            LocalDate on = Forms.date(heldOn, "heldOn");
            LocalTime time = GroupsApi.schedule(null, startsAt, null).startsAt();
            groups.recordSession(
                    user,
                    id,
                    on == null ? LocalDate.now(clock) : on,
                    time,
                    Forms.integer(durationMinutes, "durationMinutes"),
                    (present == null ? List.<UUID>of() : present)
                            .stream().map(PersonId::new).collect(Collectors.toSet()));
            redirect.addFlashAttribute("notice", "group.sessionSaved");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/groups/" + id;
    }

    private List<Person> peers(SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        return directory.everyone(user.agencyId()).stream()
                .filter(p -> p.active() && p.activeRoles(today).stream().anyMatch(Role::isPeer))
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }
}
