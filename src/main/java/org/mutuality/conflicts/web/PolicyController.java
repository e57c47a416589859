package org.mutuality.conflicts.web;

import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.PolicyVersion;
import org.mutuality.conflicts.policy.InvalidPolicy;
import org.mutuality.directory.Role;
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

/** The conflict policy page: read by staff, changed by the privacy lead, with every version kept. */
@Controller
class PolicyController {

    static final String PAGE = "conflicts/policy";

    private final ConflictCheck check;
    private final Pages pages;

    PolicyController(ConflictCheck check, Pages pages) {
        this.check = check;
        this.pages = pages;
    }

    @GetMapping("/conflicts/policy")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        ConflictsApi.requireStaff(user);
        PolicyVersion current = check.policy(user.agencyId());
        addModel(user, current, current.text(), model);
        return PAGE;
    }

    @GetMapping("/conflicts/policy/versions/{version}")
    String version(@AuthenticationPrincipal SignedInUser user, @PathVariable int version, Model model) {
        ConflictsApi.requireStaff(user);
        PolicyVersion shown = check.policyVersion(user.agencyId(), version)
                .orElseThrow(() -> new NotFoundException("notFound.policyVersion", version));
        addModel(user, shown, shown.text(), model);
        model.addAttribute(
                "viewingOld", shown.version() != check.policy(user.agencyId()).version());
        return PAGE;
    }

    @PostMapping("/conflicts/policy")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String text,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        ConflictsApi.requireStaff(user);
        try {
            PolicyVersion saved = check.changePolicy(user, text, reason);
            redirect.addFlashAttribute("notice", "policy.saved");
            redirect.addFlashAttribute("savedVersion", saved.version());
            return "redirect:/conflicts/policy";
        } catch (InvalidPolicy e) {
            model.addAttribute("policyError", pages.text(e.explanation()));
        } catch (IllegalArgumentException e) {
            pages.problem(model, e);
        }
        addModel(user, check.policy(user.agencyId()), text, model);
        model.addAttribute("reason", reason);
        return PAGE;
    }

    private void addModel(SignedInUser user, PolicyVersion shown, String text, Model model) {
        model.addAttribute("shown", shown);
        model.addAttribute("text", text);
        model.addAttribute("history", check.policyHistory(user.agencyId()));
        model.addAttribute("mayEdit", user.has(Role.PRIVACY_LEAD));
        if (!model.containsAttribute("viewingOld")) {
            model.addAttribute("viewingOld", false);
        }
    }
}
