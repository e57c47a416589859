package org.mutuality.support.web;

import java.util.List;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.Supervisions;
import org.mutuality.support.Caseloads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Caseloads across the team, for coordinators, with the peer workers whose supervision is overdue. */
@Controller
class CaseloadsController {

    private final Caseloads caseloads;
    private final Supervisions supervisions;

    CaseloadsController(Caseloads caseloads, Supervisions supervisions) {
        this.caseloads = caseloads;
        this.supervisions = supervisions;
    }

    @GetMapping("/support/caseloads")
    String caseloads(@AuthenticationPrincipal SignedInUser user, Model model) {
        List<Caseloads.Row> rows = caseloads.team(user);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "supervisionOverdue",
                supervisions.overdueAmong(
                        user.agencyId(), rows.stream().map(Caseloads.Row::peer).toList()));
        return "support/caseloads";
    }
}
