package org.mutuality.support.web;

import org.mutuality.directory.SignedInUser;
import org.mutuality.support.Caseloads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Caseloads across the team, for coordinators. */
@Controller
class CaseloadsController {

    private final Caseloads caseloads;

    CaseloadsController(Caseloads caseloads) {
        this.caseloads = caseloads;
    }

    @GetMapping("/support/caseloads")
    String caseloads(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("rows", caseloads.team(user));
        return "support/caseloads";
    }
}
