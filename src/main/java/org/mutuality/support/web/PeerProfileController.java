package org.mutuality.support.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.Availability;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.PeerProfile;
import org.mutuality.support.PeerProfiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The peer worker's own matching profile. */
@Controller
class PeerProfileController {

    private final PeerProfiles profiles;
    private final Pages pages;

    PeerProfileController(PeerProfiles profiles, Pages pages) {
        this.profiles = profiles;
        this.pages = pages;
    }

    @GetMapping("/support/profile")
    String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("profile", profiles.mine(user));
        model.addAttribute("areas", LivedExperience.values());
        model.addAttribute("times", Availability.values());
        return "support/profile";
    }

    @PostMapping("/support/profile")
    String save(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String gender,
            @RequestParam(required = false) @Nullable List<String> livedExperience,
            @RequestParam(required = false) @Nullable List<String> availability,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "false") boolean accepting,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "peerProfile.saved",
                "/support/profile",
                () -> profiles.save(
                        user,
                        new PeerProfile(
                                user.personId(),
                                Text.languages("languages", List.of(languages)),
                                gender,
                                Text.choices("livedExperience", livedExperience, LivedExperience.class),
                                Text.choices("availability", availability, Availability.class),
                                Forms.integer(capacity, "capacity"),
                                accepting)));
    }
}
