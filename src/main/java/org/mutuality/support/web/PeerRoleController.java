package org.mutuality.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.mutuality.directory.Directory;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.PeerRole;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a peer worker does, in plain words: the printable page and the form that keeps its text. */
@Controller
class PeerRoleController {

    static final String EDIT = "support/peer-support-edit";

    private final PeerRole peerRole;
    private final Directory directory;
    private final Pages pages;

    PeerRoleController(PeerRole peerRole, Directory directory, Pages pages) {
        this.peerRole = peerRole;
        this.directory = directory;
        this.pages = pages;
    }

    /** In the page's language. */
    @GetMapping("/peer-support")
    String about(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("text", peerRole.text(user.agencyId(), LocaleContextHolder.getLocale()));
        model.addAttribute("agency", directory.agencyName(user.agencyId()));
        model.addAttribute("mayEdit", peerRole.mayEdit(user));
        return "support/peer-support";
    }

    @GetMapping("/peer-support/edit")
    String edit(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!peerRole.mayEdit(user)) {
            throw new ForbiddenException("peerRole.keepersOnly");
        }
        model.addAttribute("en", peerRole.text(user.agencyId(), "en"));
        model.addAttribute("fr", peerRole.text(user.agencyId(), "fr"));
        return EDIT;
    }

    @PostMapping("/peer-support/edit")
    String save(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String en,
            @RequestParam(defaultValue = "") String fr,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            peerRole.saveBoth(user, en, fr);
        } catch (IllegalArgumentException e) {
            model.addAttribute("en", en);
            model.addAttribute("fr", fr);
            pages.problem(model, e);
            response.setStatus(400);
            return EDIT;
        }
        redirect.addFlashAttribute("notice", "peerRole.saved");
        return "redirect:/peer-support";
    }
}
