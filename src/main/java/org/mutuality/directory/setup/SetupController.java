package org.mutuality.directory.setup;

import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time setup page of a new installation: the agency and its first administrator. */
@Controller
class SetupController {

    static final String SETUP = "directory/setup";

    private final FirstAdministrator first;

    private final Pages pages;

    SetupController(FirstAdministrator first, Pages pages) {
        this.pages = pages;
        this.first = first;
    }

    @GetMapping("/setup")
    String form() {
        if (!first.setupOpen()) {
            throw new NotFoundException("notFound.setup", "this installation");
        }
        return SETUP;
    }

    @PostMapping("/setup")
    String complete(
            @RequestParam String token,
            @RequestParam String agencyName,
            @RequestParam String adminName,
            @RequestParam String username,
            @RequestParam String password,
            Model model) {
        if (!first.setupOpen()) {
            throw new NotFoundException("notFound.setup", "this installation");
        }
        try {
            if (first.completeSetup(token, agencyName, adminName, username, password)
                    .isPresent()) {
                return "redirect:/login?setupDone";
            }
            model.addAttribute("problem", "setup.wrongToken");
        } catch (IllegalArgumentException e) {
            pages.problem(model, e);
        }
        model.addAttribute("formAgencyName", agencyName);
        model.addAttribute("adminName", adminName);
        model.addAttribute("username", username);
        return SETUP;
    }
}
