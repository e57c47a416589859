package org.mutuality.home;

import java.time.Clock;
import java.time.LocalDate;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home screen: who you are here, your roles today, and where to go next. */
@Controller
class HomeController {

    static final String HOME = "home/index";

    private final Directory directory;
    private final Clock clock;

    HomeController(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        Person me = directory.requirePerson(user.agencyId(), user.personId());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("me", me);
        model.addAttribute("myRoles", me.activeRoles(today));
        model.addAttribute("programCount", directory.programs(user.agencyId()).size());
        return HOME;
    }
}
