package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.workforce.RoleDescription;
import org.mutuality.workforce.RoleDescriptions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Role descriptions under {@code /api/v1/roles/{role}/description} (read by anyone of the agency,
 * revised by a manager or the privacy lead) and the caller's own readings under {@code
 * /api/v1/me/role-descriptions}.
 */
@RestController
class RoleDescriptionsApi {

    private final RoleDescriptions descriptions;

    RoleDescriptionsApi(RoleDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    @GetMapping("/api/v1/roles/{role}/description")
    DescriptionJson current(@AuthenticationPrincipal SignedInUser user, @PathVariable String role) {
        Role r = Text.choice("role", role, Role.class);
        return DescriptionJson.of(
                descriptions.current(user.agencyId(), r),
                descriptions.takesPartInInvoluntaryInterventions(user.agencyId(), r));
    }

    @GetMapping("/api/v1/roles/{role}/description/versions")
    List<DescriptionJson> versions(@AuthenticationPrincipal SignedInUser user, @PathVariable String role) {
        Role r = Text.choice("role", role, Role.class);
        boolean involuntary = descriptions.takesPartInInvoluntaryInterventions(user.agencyId(), r);
        return descriptions.history(user.agencyId(), r).stream()
                .map(d -> DescriptionJson.of(d, involuntary))
                .toList();
    }

    @PutMapping("/api/v1/roles/{role}/description")
    DescriptionJson revise(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String role,
            @Valid @RequestBody RevisionBody body) {
        Role r = Text.choice("role", role, Role.class);
        RoleDescription next =
                descriptions.revise(user, r, body.text().en(), body.text().fr(), body.reason());
        return DescriptionJson.of(next, descriptions.takesPartInInvoluntaryInterventions(user.agencyId(), r));
    }

    @GetMapping("/api/v1/me/role-descriptions")
    List<HeldJson> mine(@AuthenticationPrincipal SignedInUser user) {
        return descriptions.held(user).stream().map(HeldJson::of).toList();
    }

    @PostMapping("/api/v1/me/role-descriptions/{role}/read")
    HeldJson read(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String role, @Valid @RequestBody ReadBody body) {
        return HeldJson.of(descriptions.confirmRead(user, Text.choice("role", role, Role.class), body.version()));
    }

    /** The two texts of a new version. */
    record Texts(@Nullable String en, @Nullable String fr) {}

    /** A new version: its texts and, if the writer wishes, why. */
    record RevisionBody(
            @NotNull @Valid Texts text, @Nullable String reason) {}

    /** The version the person read. */
    record ReadBody(@NotNull Integer version) {}

    record DescriptionJson(
            Role role,
            int version,
            Texts text,
            boolean shipped,
            @Nullable UUID writtenBy,
            Instant writtenAt,
            @Nullable String reason,
            boolean takesPartInInvoluntaryInterventions) {
        static DescriptionJson of(RoleDescription d, boolean involuntary) {
            return new DescriptionJson(
                    d.role(),
                    d.version(),
                    new Texts(d.english(), d.french()),
                    d.isShipped(),
                    d.writtenBy() == null ? null : d.writtenBy().value(),
                    d.writtenAt(),
                    d.reason(),
                    involuntary);
        }
    }

    record HeldJson(
            Role role,
            int currentVersion,
            @Nullable Integer readVersion,
            @Nullable Instant readAt,
            boolean read) {
        static HeldJson of(RoleDescriptions.Held h) {
            return new HeldJson(h.role(), h.current().version(), h.readVersion(), h.readAt(), h.read());
        }
    }
}
