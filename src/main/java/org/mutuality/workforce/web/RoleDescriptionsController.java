package org.mutuality.workforce.web;

import java.util.Locale;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.RoleDescription;
import org.mutuality.workforce.RoleDescriptions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Role descriptions' pages: every staff role's description and its versions, the form a manager or
 * the privacy lead revises it with, and "my roles", where a person confirms they read the version in
 * force of each role they hold.
 */
@Controller
class RoleDescriptionsController {

    static final String LIST = "workforce/roles";
    static final String ONE = "workforce/role";
    static final String EDIT = "workforce/role-edit";
    static final String MINE = "workforce/my-roles";

    private final RoleDescriptions descriptions;
    private final Pages pages;

    RoleDescriptionsController(RoleDescriptions descriptions, Pages pages) {
        this.descriptions = descriptions;
        this.pages = pages;
    }

    @GetMapping("/roles")
    String list(Model model) {
        model.addAttribute("roles", RoleDescriptions.roles());
        return LIST;
    }

    @GetMapping("/roles/{role}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable String role, Locale locale, Model model) {
        Role r = Text.choice("role", role, Role.class);
        RoleDescription current = descriptions.current(user.agencyId(), r);
        model.addAttribute("role", r);
        model.addAttribute("current", current);
        model.addAttribute("text", current.text(locale));
        model.addAttribute("versions", descriptions.history(user.agencyId(), r));
        model.addAttribute("involuntary", descriptions.takesPartInInvoluntaryInterventions(user.agencyId(), r));
        model.addAttribute("mayRevise", descriptions.mayRevise(user));
        return ONE;
    }

    @GetMapping("/roles/{role}/edit")
    String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable String role, Model model) {
        Role r = Text.choice("role", role, Role.class);
        if (!descriptions.mayRevise(user)) {
            throw new org.mutuality.shared.ForbiddenException("roleDescription.whoRevises");
        }
        model.addAttribute("role", r);
        RoleDescription current = descriptions.current(user.agencyId(), r);
        model.addAttribute("current", current);
        if (!model.containsAttribute("english")) {
            model.addAttribute("english", current.english());
            model.addAttribute("french", current.french());
            model.addAttribute("reason", "");
        }
        model.addAttribute("limit", RoleDescription.LIMIT.characters());
        return EDIT;
    }

    @PostMapping("/roles/{role}/edit")
    String revise(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String role,
            @RequestParam(defaultValue = "") String english,
            @RequestParam(defaultValue = "") String french,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Role r = Text.choice("role", role, Role.class);
        return pages.act(
                redirect,
                "/roles/" + r.name(),
                "/roles/" + r.name() + "/edit",
                java.util.Map.of("english", english, "french", french, "reason", reason),
                () -> {
                    descriptions.revise(user, r, english, french, reason);
                    return "roleDescription.revised";
                });
    }

    @GetMapping("/me/roles")
    String mine(@AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        model.addAttribute("held", descriptions.held(user));
        model.addAttribute("locale", locale);
        return MINE;
    }

    @PostMapping("/me/roles/{role}/read")
    String read(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String role,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "roleDescription.readNow",
                "/me/roles",
                () -> descriptions.confirmRead(user, Text.choice("role", role, Role.class), version));
    }
}
