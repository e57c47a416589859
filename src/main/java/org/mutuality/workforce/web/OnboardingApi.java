package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.OnboardingPlan;
import org.mutuality.workforce.OnboardingStepKind;
import org.mutuality.workforce.Onboardings;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Onboarding plans: the caller's own under {@code /api/v1/me/onboarding}, the plans of the people they
 * supervise under {@code /api/v1/onboarding} and {@code /api/v1/people/{id}/onboarding}. A plan the
 * caller may not read answers exactly as a missing person.
 */
@RestController
class OnboardingApi {

    private final Onboardings onboardings;

    OnboardingApi(Onboardings onboardings) {
        this.onboardings = onboardings;
    }

    @GetMapping("/api/v1/me/onboarding")
    OnboardingJson mine(@AuthenticationPrincipal SignedInUser user) {
        return onboardings
                .mine(user)
                .map(p -> OnboardingJson.of(p, onboardings.today()))
                .orElseThrow(() -> new NotFoundException("notFound.onboarding", user.personId()));
    }

    @PutMapping("/api/v1/me/onboarding")
    OnboardingJson tickMine(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody OnboardingTickBody body) {
        return OnboardingJson.of(onboardings.tickMine(user, body.done(), body.version()), onboardings.today());
    }

    @GetMapping("/api/v1/onboarding")
    List<OnboardingProgressJson> supervising(@AuthenticationPrincipal SignedInUser user) {
        return onboardings.supervising(user).stream()
                .map(p -> new OnboardingProgressJson(
                        p.person().value(),
                        p.week(),
                        p.plan().doneCount(),
                        p.plan().steps().size(),
                        p.plan()
                                .next()
                                .map(s -> OnboardingStepJson.of(p.plan(), s, onboardings.today()))
                                .orElse(null)))
                .toList();
    }

    @GetMapping("/api/v1/people/{id}/onboarding")
    OnboardingJson of(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return OnboardingJson.of(onboardings.of(user, new PersonId(id)), onboardings.today());
    }

    @PostMapping("/api/v1/people/{id}/onboarding")
    @ResponseStatus(HttpStatus.CREATED)
    OnboardingJson start(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody OnboardingStartBody body) {
        return OnboardingJson.of(onboardings.start(user, new PersonId(id), body.startedOn()), onboardings.today());
    }

    @PutMapping("/api/v1/people/{id}/onboarding")
    OnboardingJson tickFor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody OnboardingTickBody body) {
        return OnboardingJson.of(
                onboardings.tickFor(
                        user, new PersonId(id), body.done(), body.version(), Boolean.TRUE.equals(body.acknowledge())),
                onboardings.today());
    }

    @PostMapping("/api/v1/people/{id}/onboarding/steps")
    @ResponseStatus(HttpStatus.CREATED)
    OnboardingJson addStep(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody OnboardingStepBody body) {
        return OnboardingJson.of(
                onboardings.addStep(
                        user,
                        new PersonId(id),
                        body.title(),
                        body.week(),
                        body.ownerId() == null ? null : new PersonId(body.ownerId())),
                onboardings.today());
    }

    @PutMapping("/api/v1/people/{id}/onboarding/owners")
    OnboardingJson reassign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody OnboardingOwnerBody body) {
        return OnboardingJson.of(
                onboardings.reassign(user, new PersonId(id), body.step(), new PersonId(body.ownerId())),
                onboardings.today());
    }

    @PostMapping("/api/v1/people/{id}/onboarding/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    OnboardingJson checkIn(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody OnboardingCheckInBody body) {
        return OnboardingJson.of(
                onboardings.checkIn(
                        user, new PersonId(id), body.date(), body.note(), Boolean.TRUE.equals(body.acknowledge())),
                onboardings.today());
    }

    @PostMapping("/api/v1/people/{id}/onboarding/close")
    OnboardingJson close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return OnboardingJson.of(onboardings.close(user, new PersonId(id)), onboardings.today());
    }

    /**
     * The steps that are done after the change (a step not listed is open), the version the writer saw,
     * and, for the review at 90 days, the conflict check's warning acknowledged.
     */
    record OnboardingTickBody(
            @NotNull List<@NotNull Integer> done,
            @Nullable Integer version,
            @Nullable Boolean acknowledge) {}

    /** The person's first day; today when absent. */
    record OnboardingStartBody(@Nullable LocalDate startedOn) {}

    /** A step the supervisor adds: its title, its week, and who owns it (the supervisor when absent). */
    record OnboardingStepBody(
            @NotNull String title, int week, @Nullable UUID ownerId) {}

    /** Which step (its number) and who owns it from now on. */
    record OnboardingOwnerBody(int step, @NotNull UUID ownerId) {}

    /** A check-in held: its day, what is worth keeping, and the conflict check's warning acknowledged. */
    record OnboardingCheckInBody(
            @NotNull LocalDate date,
            @NotNull String note,
            @Nullable Boolean acknowledge) {}

    record OnboardingStepJson(
            int number,
            OnboardingStepKind kind,
            @Nullable String title,
            int week,
            UUID ownerId,
            @Nullable LocalDate doneOn,
            @Nullable UUID doneBy,
            boolean late) {
        static OnboardingStepJson of(OnboardingPlan plan, OnboardingPlan.Step s, LocalDate today) {
            return new OnboardingStepJson(
                    s.number(),
                    s.kind(),
                    s.title(),
                    s.week(),
                    s.owner().value(),
                    s.doneOn(),
                    s.doneBy() == null ? null : s.doneBy().value(),
                    plan.late(s, today));
        }
    }

    record OnboardingCheckInJson(LocalDate date, String note, UUID heldBy) {}

    record OnboardingJson(
            UUID personId,
            LocalDate startedOn,
            int week,
            int version,
            List<OnboardingStepJson> steps,
            List<OnboardingCheckInJson> checkIns,
            @Nullable LocalDate closedOn) {
        static OnboardingJson of(OnboardingPlan p, LocalDate today) {
            return new OnboardingJson(
                    p.person().value(),
                    p.startedOn(),
                    p.weekOn(today),
                    p.version(),
                    p.byWeek().stream()
                            .map(s -> OnboardingStepJson.of(p, s, today))
                            .toList(),
                    p.checkIns().stream()
                            .map(c -> new OnboardingCheckInJson(
                                    c.heldOn(), c.note(), c.heldBy().value()))
                            .toList(),
                    p.closedOn());
        }
    }

    /** A supervisee's open plan, in brief: the week it is in, steps done of all, and the next step. */
    record OnboardingProgressJson(
            UUID personId,
            int week,
            int done,
            int steps,
            @Nullable OnboardingStepJson next) {}
}
