package org.mutuality.support.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.GroupCursor;
import org.mutuality.support.GroupId;
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
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    @GetMapping("/groups")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        GroupCursor cursor = GroupCursor.parse(after);
        Page<SupportGroup> page = groups.visibleTo(user, cursor, Groups.PAGE);
        List<SupportGroup> visible = page.items();
        model.addAttribute("groups", visible);
        model.addAttribute("next", page.next());
        model.addAttribute("older", cursor != null);
        model.addAttribute(
                "manageable",
                visible.stream()
                        .filter(g -> groups.manages(user, g))
                        .map(SupportGroup::id)
                        .collect(Collectors.toSet()));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("programs", directory.programs(user.agencyId()));
        model.addAttribute("peers", groups.leaders(user));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("mayCreate", groups.mayStart(user));
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
            SupportGroup g = groups.create(
                    user,
                    new ProgramId(Forms.chosen(programId, "group.chooseProgramAndLeader")),
                    name,
                    description,
                    Forms.schedule(meetsOn, startsAt, place),
                    new PersonId(Forms.chosen(leaderId, "group.chooseProgramAndLeader")));
            redirect.addFlashAttribute("notice", "group.created");
            return "redirect:/groups/" + g.id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/groups";
        }
    }

    @GetMapping("/groups/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        SupportGroup.Roster roster = groups.roster(user, new GroupId(id));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("roster", roster);
        model.addAttribute(
                "current",
                roster.members().stream().filter(m -> m.current(today)).toList());
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("coordinator", groups.coordinates(user, roster.group()));
        model.addAttribute("today", today);
        model.addAttribute("candidates", groups.candidates(user, roster));
        model.addAttribute("peers", groups.leaders(user));
        return "support/group";
    }

    @PostMapping("/groups/{id}/members")
    String add(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            RedirectAttributes redirect) {
        // Chosen again if the conflict check asks for an acknowledgement.
        redirect.addFlashAttribute("pendingMember", personId);
        return pages.act(redirect, to(id), () -> {
            PersonId person = new PersonId(Forms.chosen(personId, "group.choosePerson"));
            Decision decision = groups.addMember(user, new GroupId(id), person, acknowledge, consultationId)
                    .decision();
            return decision == Decision.ALLOW ? "group.added" : "group.addedWithWarning";
        });
    }

    @PostMapping("/groups/{id}/members/{personId}/leave")
    String leave(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID personId,
            RedirectAttributes redirect) {
        groups.removeMember(user, new GroupId(id), new PersonId(personId));
        redirect.addFlashAttribute("notice", "group.left");
        return "redirect:" + to(id);
    }

    @PostMapping("/groups/{id}/leader")
    String leader(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID leaderId,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "group.leaderChanged",
                to(id),
                () -> groups.changeLeader(
                        user,
                        new GroupId(id),
                        new PersonId(Forms.chosen(leaderId, "group.chooseLeader")),
                        acknowledge,
                        consultationId));
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
        return pages.act(redirect, "group.sessionSaved", to(id), () -> {
            LocalDate on = Forms.date(heldOn, "heldOn");
            groups.recordSession(
                    user,
                    new GroupId(id),
                    on == null ? LocalDate.now(clock) : on,
                    Forms.time(startsAt, "startsAt"),
                    Forms.integer(durationMinutes, "durationMinutes"),
                    (present == null ? List.<UUID>of() : present)
                            .stream().map(PersonId::new).collect(Collectors.toSet()));
        });
    }

    private static String to(UUID id) {
        return "/groups/" + id;
    }
}
