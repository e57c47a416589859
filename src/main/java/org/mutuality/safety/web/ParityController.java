package org.mutuality.safety.web;

import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Parity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The parity report (S13), as a page and as JSON, for the privacy lead. */
@Controller
class ParityController {

    private final Parity parity;

    ParityController(Parity parity) {
        this.parity = parity;
    }

    @GetMapping("/parity")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("report", parity.report(user));
        return "safety/parity";
    }

    @GetMapping("/api/v1/parity")
    @ResponseBody
    Parity.Report json(@AuthenticationPrincipal SignedInUser user) {
        return parity.report(user);
    }
}
