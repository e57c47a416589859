package org.mutuality.relationships.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.relationships.InvitationId;
import org.mutuality.relationships.ReflectionInvitation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Boundary plans and invitations to reflect under {@code /api/v1}. */
@RestController
class BoundariesApi {

    private final BoundaryPlans plans;

    BoundariesApi(BoundaryPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/me/boundary-plan")
    PlanJson mine(@AuthenticationPrincipal SignedInUser user) {
        return PlanJson.of(plans.mine(user));
    }

    @PutMapping("/api/v1/me/boundary-plan")
    PlanJson save(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PlanJson body) {
        Map<BoundaryArea, String> areas = new EnumMap<>(BoundaryArea.class);
        if (body.areas() != null) {
            areas.putAll(body.areas());
        }
        return PlanJson.of(plans.save(
                user,
                new BoundaryPlan(
                        user.personId(),
                        areas,
                        body.outsideContactsPerMonth(),
                        body.contactsPerWeek(),
                        body.longestSessionMinutes(),
                        body.noContactAfter(),
                        Boolean.TRUE.equals(body.shareWithSupervisor()))));
    }

    @GetMapping("/api/v1/me/reflections")
    List<InvitationJson> invitations(@AuthenticationPrincipal SignedInUser user) {
        return plans.invitations(user).stream().map(InvitationJson::of).toList();
    }

    @PostMapping("/api/v1/me/reflections/{id}")
    ResponseEntity<Void> reflect(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody ReflectionBody body) {
        plans.reflect(user, new InvitationId(id), body.reflection(), Boolean.TRUE.equals(body.share()));
        return ResponseEntity.noContent().build();
    }

    /** What the people the caller supervises chose to share; never the participant. */
    @GetMapping("/api/v1/reflections/shared-with-me")
    List<InvitationJson> shared(@AuthenticationPrincipal SignedInUser user) {
        return plans.sharedWithMe(user).stream().map(InvitationJson::of).toList();
    }

    record PlanJson(
            @Nullable Map<BoundaryArea, String> areas,
            @Nullable Integer outsideContactsPerMonth,
            @Nullable Integer contactsPerWeek,
            @Nullable Integer longestSessionMinutes,
            @Nullable LocalTime noContactAfter,
            @Nullable Boolean shareWithSupervisor) {
        static PlanJson of(BoundaryPlan p) {
            return new PlanJson(
                    p.areas(),
                    p.outsideContactsPerMonth(),
                    p.contactsPerWeek(),
                    p.longestSessionMinutes(),
                    p.noContactAfter(),
                    p.shareWithSupervisor());
        }
    }

    record InvitationJson(
            UUID id,
            UUID personId,
            String limit,
            @Nullable UUID participantId,
            List<String> detail,
            boolean sharedWithSupervisor,
            Instant createdAt,
            @Nullable String reflection,
            boolean reflectionShared,
            @Nullable Instant reflectedAt) {
        static InvitationJson of(ReflectionInvitation i) {
            return new InvitationJson(
                    i.id().value(),
                    i.person().value(),
                    i.limit().name(),
                    i.participant() == null ? null : i.participant().value(),
                    List.of(i.args()),
                    i.sharedWithSupervisor(),
                    i.createdAt(),
                    i.reflection(),
                    i.reflectionShared(),
                    i.reflectedAt());
        }
    }

    record ReflectionBody(
            @Nullable String reflection, @Nullable Boolean share) {}
}
