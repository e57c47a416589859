package org.mutuality.directory.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's programs and their teams. */
@Controller
class ProgramsController {

    static final String LIST = "directory/programs";

    private final Directory directory;
    private final Pages pages;

    ProgramsController(Directory directory, Pages pages) {
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/programs")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("programs", directory.programs(user.agencyId()));
        return LIST;
    }

    @PostMapping("/programs")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect) {
        return pages.act(
                redirect, "program.created", "/programs", () -> directory.createProgram(user, name, description));
    }

    @PostMapping("/programs/{id}/teams")
    String createTeam(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        return pages.act(
                redirect, "team.created", "/programs", () -> directory.createTeam(user, new ProgramId(id), name));
    }
}
