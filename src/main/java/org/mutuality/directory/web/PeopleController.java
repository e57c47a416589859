package org.mutuality.directory.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.Refusals;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PeopleQuery;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.web.Pages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory screens: search, view, create and edit people and their roles. */
@Controller
class PeopleController {

    static final String LIST = "directory/people";
    static final String RESULTS = "directory/people :: results";
    static final String VIEW = "directory/person";
    static final String FORM = "directory/person-form";
    static final int PAGE_SIZE = 20;

    private final Directory directory;
    private final Clock clock;
    private final AuditLog audit;
    private final Refusals refusals;

    private final Pages pages;

    PeopleController(Directory directory, Clock clock, AuditLog audit, Refusals refusals, Pages pages) {
        this.pages = pages;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
        this.refusals = refusals;
    }

    @GetMapping("/people")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "q", required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        if (!user.isStaff()) {
            return "redirect:/people/" + user.personId();
        }
        Role wanted = parseRole(role);
        if (wanted != null && wanted.receivesServices() && !user.maySeeServiceRole(wanted)) {
            wanted = null;
        }
        String query = text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
        model.addAttribute(
                "results",
                directory.search(
                        user.agencyId(),
                        PeopleQuery.forViewer(user, query, wanted, inactive, Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("role", wanted);
        model.addAttribute("inactive", inactive);
        model.addAttribute("roles", filterableRoles(user));
        model.addAttribute("today", LocalDate.now(clock));
        return htmx != null ? RESULTS : LIST;
    }

    @GetMapping("/people/new")
    String newPerson(@AuthenticationPrincipal SignedInUser user, Model model) {
        requireAdministrator(user);
        model.addAttribute("form", new PersonForm());
        model.addAttribute("creating", true);
        return FORM;
    }

    @PostMapping("/people")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        requireAdministrator(user);
        if (!errors.hasErrors()) {
            try {
                Person person = directory.register(user.agencyId(), form.toDetails());
                audit.record(ProfileAudit.write(user, person.id(), "created"));
                redirect.addFlashAttribute("notice", "person.created");
                return "redirect:/people/" + person.id();
            } catch (IllegalArgumentException e) {
                errors.reject("form.invalid", pages.text(e));
            }
        }
        model.addAttribute("creating", true);
        return FORM;
    }

    @GetMapping("/people/{id}")
    String view(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Person person = visible(user, new PersonId(id));
        audit.recordRead(ProfileAudit.read(user, person.id()));
        addPersonModel(user, person, model);
        if (!model.containsAttribute("roleForm")) {
            RoleForm roleForm = new RoleForm();
            roleForm.setStartDate(LocalDate.now(clock));
            model.addAttribute("roleForm", roleForm);
        }
        return VIEW;
    }

    @GetMapping("/people/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Person person = visible(user, new PersonId(id));
        requireMayEdit(user, person.id());
        model.addAttribute("form", PersonForm.of(person));
        model.addAttribute("person", person);
        model.addAttribute("creating", false);
        model.addAttribute("showContact", user.maySeeContactDetailsOf(person.id()));
        return FORM;
    }

    @PostMapping("/people/{id}")
    String update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        requireMayEdit(user, person.id());
        if (!errors.hasErrors()) {
            try {
                Person corrected = directory.correct(user, person.id(), form.toDetails(), form.getVersion());
                audit.record(ProfileAudit.write(user, person.id(), ProfileAudit.corrected(person, corrected)));
                redirect.addFlashAttribute("notice", "person.saved");
                return "redirect:/people/" + id;
            } catch (IllegalArgumentException e) {
                errors.reject("form.invalid", pages.text(e));
            } catch (ConflictException e) {
                errors.reject("person.changedMeanwhile");
            }
        }
        model.addAttribute("person", person);
        model.addAttribute("creating", false);
        model.addAttribute("showContact", true);
        return FORM;
    }

    @PostMapping("/people/{id}/roles")
    String addRole(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("roleForm") RoleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        requireAdministrator(user);
        if (!errors.hasErrors()) {
            try {
                PersonRole role = directory.proposeRole(user, person.id(), form.toCommand());
                audit.record(ProfileAudit.write(
                        user,
                        person.id(),
                        role.awaitingConfirmation() ? "role " + role.role() + " proposed" : "role added"));
                redirect.addFlashAttribute("notice", role.awaitingConfirmation() ? "role.proposed" : "role.added");
                return "redirect:/people/" + id;
            } catch (ForbiddenException e) {
                refusals.recordIfRefusal(e);
                errors.reject("role.notForYourself");
            } catch (IllegalArgumentException e) {
                errors.reject("form.invalid", pages.text(e));
            } catch (NotFoundException e) {
                errors.reject("role.programOrTeamUnknown");
            }
        }
        addPersonModel(user, person, model);
        return VIEW;
    }

    @PostMapping("/people/{id}/roles/{roleId}/confirm")
    String confirmRole(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID roleId,
            RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        try {
            PersonRole role = directory.confirmRole(user, person.id(), new RoleId(roleId));
            audit.record(ProfileAudit.write(user, person.id(), "role " + role.role() + " confirmed"));
            redirect.addFlashAttribute("notice", "role.confirmed");
        } catch (ForbiddenException e) {
            audit.record(ProfileAudit.denied(user, person.id(), "role confirmation refused"));
            redirect.addFlashAttribute("problem", "role.cannotConfirm");
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problem", "role.notWaiting");
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/roles/{roleId}/end")
    String endRole(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID roleId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endDate,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        requireAdministrator(user);
        if (!confirm) {
            redirect.addFlashAttribute("problem", "form.confirmFirst");
            return "redirect:/people/" + id;
        }
        try {
            org.mutuality.directory.PersonRole ended = directory.endRole(
                    user.agencyId(), person.id(), new RoleId(roleId), endDate == null ? LocalDate.now(clock) : endDate);
            audit.record(ProfileAudit.roleEnded(user, person.id(), ended));
            redirect.addFlashAttribute("notice", "role.ended");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("problem", "role.cannotEnd");
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        requireAdministrator(user);
        if (user.isSelf(person.id())) {
            redirect.addFlashAttribute("problem", "person.cannotDeactivateSelf");
        } else {
            directory.setActive(user.agencyId(), person.id(), false);
            audit.record(ProfileAudit.activeSet(user, person.id(), false));
            redirect.addFlashAttribute("notice", "person.deactivated");
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        requireAdministrator(user);
        directory.setActive(user.agencyId(), person.id(), true);
        audit.record(ProfileAudit.activeSet(user, person.id(), true));
        redirect.addFlashAttribute("notice", "person.reactivated");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/account")
    String openAccount(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam String username,
            java.util.Locale locale,
            RedirectAttributes redirect) {
        Person person = visible(user, new PersonId(id));
        requireAdministrator(user);
        try {
            directory.inviteToAccount(user, person.id(), username, locale);
            audit.record(ProfileAudit.accountOpened(user, person.id()));
            redirect.addFlashAttribute("notice", "account.invited");
        } catch (IllegalArgumentException | ConflictException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/people/" + id;
    }

    private void addPersonModel(SignedInUser user, Person person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("visibleRoles", person.rolesVisibleTo(user, LocalDate.now(clock)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("showContact", user.maySeeContactDetailsOf(person.id()));
        model.addAttribute("mayEdit", user.mayEditProfileOf(person.id()));
        model.addAttribute("programs", directory.programs(user.agencyId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "username", directory.usernameOf(user.agencyId(), person.id()).orElse(null));
    }

    /** The person, if the caller may see them; people of other agencies and hidden people are 404. */
    private Person visible(SignedInUser user, PersonId id) {
        return directory.visibleTo(user, id);
    }

    private static void requireAdministrator(SignedInUser user) {
        if (!user.isAdministrator()) {
            throw new ForbiddenException("directory.administratorsOnly");
        }
    }

    private static void requireMayEdit(SignedInUser user, PersonId person) {
        if (!user.mayEditProfileOf(person)) {
            throw new ForbiddenException("directory.administratorsOnlyForProfile");
        }
    }

    private static java.util.List<Role> filterableRoles(SignedInUser user) {
        return Arrays.stream(Role.values())
                .filter(r -> !r.receivesServices() || user.maySeeServiceRole(r))
                .toList();
    }

    private static @Nullable Role parseRole(@Nullable String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        return Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(role))
                .findFirst()
                .orElse(null);
    }
}
