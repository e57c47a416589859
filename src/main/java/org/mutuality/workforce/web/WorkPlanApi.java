package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.workforce.WorkPlan;
import org.mutuality.workforce.WorkPlans;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work plans: the caller's own under {@code /api/v1/me/work-plan}, a supervisee's under {@code
 * /api/v1/people/{id}/work-plan}. A plan the caller may not read answers exactly as a missing person.
 * {@code year} defaults to this year.
 */
@RestController
class WorkPlanApi {

    private final WorkPlans plans;

    WorkPlanApi(WorkPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/me/work-plan")
    WorkPlanJson mine(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable Integer year) {
        return WorkPlanJson.of(plans.mine(user, year(year)));
    }

    @PutMapping("/api/v1/me/work-plan")
    WorkPlanJson planMine(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody WorkPlanBody body) {
        return WorkPlanJson.of(plans.planMine(user, year(body.year()), body.goals(), projects(body), body.version()));
    }

    @PostMapping("/api/v1/me/work-plan/sign")
    WorkPlanJson signMine(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody WorkPlanSignBody body) {
        return WorkPlanJson.of(plans.signMine(user, year(body.year()), stage(body), body.text()));
    }

    @GetMapping("/api/v1/people/{id}/work-plan")
    WorkPlanJson of(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer year) {
        return WorkPlanJson.of(plans.of(user, new PersonId(id), year(year)));
    }

    @PutMapping("/api/v1/people/{id}/work-plan")
    WorkPlanJson planFor(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody WorkPlanBody body) {
        return WorkPlanJson.of(
                plans.planFor(user, new PersonId(id), year(body.year()), body.goals(), projects(body), body.version()));
    }

    @PostMapping("/api/v1/people/{id}/work-plan/sign")
    WorkPlanJson signFor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody WorkPlanSignBody body) {
        return WorkPlanJson.of(plans.signAsSupervisor(
                user,
                new PersonId(id),
                year(body.year()),
                stage(body),
                body.text(),
                Boolean.TRUE.equals(body.acknowledge())));
    }

    private int year(@Nullable Integer year) {
        return year == null ? plans.thisYear() : year;
    }

    private static WorkPlan.Stage stage(WorkPlanSignBody body) {
        return Text.choice("stage", body.stage(), WorkPlan.Stage.class);
    }

    private static List<WorkPlan.Project> projects(WorkPlanBody body) {
        return body.projects() == null
                ? List.of()
                : body.projects().stream()
                        .map(p -> WorkPlan.Project.of(p.name(), p.outcome()))
                        .toList();
    }

    /** A project as sent. */
    record ProjectJson(@Nullable String name, @Nullable String outcome) {}

    /**
     * The goals and projects of a year's plan (each list replaces the one stored), and the version the
     * writer saw, to refuse a write over someone else's.
     */
    record WorkPlanBody(
            @Nullable Integer year,
            @NotNull List<String> goals,
            @Nullable List<ProjectJson> projects,
            @Nullable Integer version) {}

    /** One part of a review: which review, the text signed, and the conflict check acknowledged. */
    record WorkPlanSignBody(
            @Nullable Integer year,
            @NotNull String stage,
            @NotNull String text,
            @Nullable Boolean acknowledge) {}

    record SignatureJson(WorkPlan.Stage stage, WorkPlan.Side side, String text, UUID signedBy, Instant signedAt) {}

    record WorkPlanJson(
            UUID personId,
            int year,
            int version,
            List<String> goals,
            List<ProjectJson> projects,
            List<SignatureJson> signatures,
            boolean midYearComplete,
            boolean closed) {
        static WorkPlanJson of(WorkPlan p) {
            return new WorkPlanJson(
                    p.person().value(),
                    p.year(),
                    p.version(),
                    p.goals(),
                    p.projects().stream()
                            .map(x -> new ProjectJson(x.name(), x.outcome()))
                            .toList(),
                    p.signatures().stream()
                            .map(s -> new SignatureJson(
                                    s.stage(), s.side(), s.text(), s.signedBy().value(), s.signedAt()))
                            .toList(),
                    p.complete(WorkPlan.Stage.MID_YEAR),
                    p.closed());
        }
    }
}
