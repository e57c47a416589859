package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.support.Availability;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.PeerProfile;
import org.mutuality.support.PeerProfiles;
import org.mutuality.support.web.SupportJson.ProfileJson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in peer worker's profile under {@code /api/v1/me/peer-profile}. */
@RestController
class PeerProfileApi {

    private final PeerProfiles profiles;

    PeerProfileApi(PeerProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/me/peer-profile")
    ProfileJson profile(@AuthenticationPrincipal SignedInUser user) {
        return ProfileJson.of(profiles.mine(user));
    }

    @PutMapping("/api/v1/me/peer-profile")
    ProfileJson saveProfile(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody ProfileBody body) {
        PeerProfile profile = new PeerProfile(
                user.personId(),
                Text.languages("languages", body.languages()),
                body.gender(),
                Text.choices("livedExperience", body.livedExperience(), LivedExperience.class),
                Text.choices("availability", body.availability(), Availability.class),
                body.capacity(),
                body.accepting());
        return ProfileJson.of(profiles.save(user, profile));
    }

    record ProfileBody(
            @Nullable List<String> languages,
            @Nullable String gender,
            @Nullable List<String> livedExperience,
            @Nullable List<String> availability,
            @NotNull Integer capacity,
            @NotNull Boolean accepting) {}
}
