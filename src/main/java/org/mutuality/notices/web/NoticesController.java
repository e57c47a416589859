package org.mutuality.notices.web;

import java.util.UUID;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.Notice;
import org.mutuality.notices.Notices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in person's notices; opening one marks it read and goes where it points. */
@Controller
class NoticesController {

    static final String PAGE = "notices/notices";

    private final Notices notices;

    NoticesController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("notices", notices.mine(user, 100));
        return PAGE;
    }

    @PostMapping("/notices/{id}/read")
    String open(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        notices.markRead(user, id);
        String link = notices.mine(user, 100).stream()
                .filter(n -> n.id().equals(id))
                .map(Notice::link)
                .findFirst()
                .orElse("/notices");
        return "redirect:" + link;
    }
}
