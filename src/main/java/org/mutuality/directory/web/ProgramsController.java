package org.mutuality.directory.web;

import java.util.UUID;
import org.mutuality.audit.AuditLog;
import org.mutuality.directory.Directory;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.springframework.dao.DataIntegrityViolationException;
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
    private final AuditLog audit;

    ProgramsController(Directory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/programs")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("programs", directory.programs(user.agencyId()));
        return LIST;
    }

    @PostMapping("/programs")
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        PeopleApi.requireAdministrator(user);
        if (name.isBlank() || name.length() > 200 || description.length() > 2000) {
            redirect.addFlashAttribute("problem", "program.invalid");
            return "redirect:/programs";
        }
        try {
            org.mutuality.directory.Program program =
                    directory.createProgram(user.agencyId(), name.strip(), ProgramsApi.blankToNull(description));
            audit.record(ProfileAudit.programCreated(user, program.id()));
            redirect.addFlashAttribute("notice", "program.created");
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("problem", "program.duplicate");
        }
        return "redirect:/programs";
    }

    @PostMapping("/programs/{id}/teams")
    String createTeam(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam String name,
            RedirectAttributes redirect) {
        PeopleApi.requireAdministrator(user);
        if (name.isBlank() || name.length() > 200) {
            redirect.addFlashAttribute("problem", "team.invalid");
            return "redirect:/programs";
        }
        try {
            org.mutuality.directory.Team team = directory.createTeam(user.agencyId(), new ProgramId(id), name.strip());
            audit.record(ProfileAudit.teamCreated(user, team.id()));
            redirect.addFlashAttribute("notice", "team.created");
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("problem", "team.duplicate");
        }
        return "redirect:/programs";
    }
}
