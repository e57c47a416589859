package org.mutuality.notices.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.Notice;
import org.mutuality.notices.NoticeCursor;
import org.mutuality.notices.Notices;
import org.mutuality.shared.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in person's notices; opening one marks it read and goes where it points. */
@Controller
class NoticesController {

    static final String PAGE = "notices/notices";

    private final Notices notices;

    NoticesController(Notices notices) {
        this.notices = notices;
    }

    /** The newest notices, or those after {@code after}, with a link to older ones. */
    @GetMapping("/notices")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        NoticeCursor cursor = NoticeCursor.parse(after);
        Page<Notice> page = notices.mine(user, cursor, Notices.PAGE);
        model.addAttribute("notices", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("older", cursor != null);
        return PAGE;
    }

    @PostMapping("/notices/{id}/read")
    String open(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return "redirect:" + notices.markRead(user, id).link();
    }
}
