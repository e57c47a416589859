package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.mutuality.directory.SignedInUser;
import org.mutuality.support.PeerRole;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The description of the peer role, under {@code /api/v1/peer-role}. */
@RestController
class PeerRoleApi {

    private final PeerRole peerRole;

    PeerRoleApi(PeerRole peerRole) {
        this.peerRole = peerRole;
    }

    /** What a peer worker does, in plain words, in English ({@code en}) or French ({@code fr}). */
    @GetMapping("/api/v1/peer-role")
    RoleJson role(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "en") String lang) {
        return new RoleJson(lang, peerRole.text(user.agencyId(), lang), peerRole.customised(user.agencyId(), lang));
    }

    @PutMapping("/api/v1/peer-role")
    RoleJson saveRole(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody RoleBody body) {
        return new RoleJson(body.lang(), peerRole.save(user, body.lang(), body.text()), true);
    }

    record RoleJson(String lang, String text, boolean customised) {}

    record RoleBody(@NotNull String lang, @NotNull String text) {}
}
