package org.mutuality.voice.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.mutuality.voice.CrisisPlan;
import org.mutuality.voice.CrisisPlans;
import org.mutuality.voice.GoalId;
import org.mutuality.voice.RecoveryPlan;
import org.mutuality.voice.RecoveryPlans;
import org.mutuality.voice.Step;
import org.mutuality.voice.StepSuggestion;
import org.mutuality.voice.SuggestionId;
import org.mutuality.voice.web.VoiceJson.CrisisPlanIn;
import org.mutuality.voice.web.VoiceJson.CrisisPlanOut;
import org.mutuality.voice.web.VoiceJson.RecoveryPlanIn;
import org.mutuality.voice.web.VoiceJson.RecoveryPlanOut;
import org.mutuality.voice.web.VoiceJson.SuggestionIn;
import org.mutuality.voice.web.VoiceJson.SuggestionOut;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The participant's recovery and crisis plans: their own under {@code /api/v1/me/...} (versions newest
 * first, paged with {@code ?limit=} and {@code before}), what their peer worker reads and suggests, and
 * what a person they named reads, under {@code /api/v1/people/{id}/...}. What the caller may not read
 * answers exactly as a missing one.
 */
@RestController
class VoiceApi {

    static final int VERSIONS = 20;

    private final RecoveryPlans recovery;
    private final CrisisPlans crisis;

    VoiceApi(RecoveryPlans recovery, CrisisPlans crisis) {
        this.recovery = recovery;
        this.crisis = crisis;
    }

    @GetMapping("/api/v1/me/recovery-plan")
    RecoveryPlanOut mine(@AuthenticationPrincipal SignedInUser user) {
        return RecoveryPlanOut.of(recovery.mine(user), recovery.waiting(user));
    }

    @PutMapping("/api/v1/me/recovery-plan")
    RecoveryPlanOut write(@AuthenticationPrincipal SignedInUser user, @RequestBody RecoveryPlanIn body) {
        RecoveryPlan written = recovery.writeMine(user, body.version(), VoiceJson.goals(body.goals()));
        return RecoveryPlanOut.of(written, recovery.waiting(user));
    }

    /** The caller's versions, newest first; the {@code Link} header names the older ones. */
    @GetMapping("/api/v1/me/recovery-plan/versions")
    ResponseEntity<List<RecoveryPlanOut>> versions(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable Integer before) {
        int size = Page.limit(limit, VERSIONS);
        List<RecoveryPlan> versions = recovery.history(user, before == null ? Integer.MAX_VALUE : before, size);
        return NextPage.ok(
                versions.stream().map(p -> RecoveryPlanOut.of(p, List.of())).toList(),
                next(
                        "/api/v1/me/recovery-plan/versions",
                        size,
                        versions.size(),
                        () -> versions.get(versions.size() - 1).version()));
    }

    @PostMapping("/api/v1/me/recovery-plan/suggestions/{id}/accept")
    RecoveryPlanOut accept(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return RecoveryPlanOut.of(recovery.accept(user, new SuggestionId(id)), recovery.waiting(user));
    }

    @PostMapping("/api/v1/me/recovery-plan/suggestions/{id}/decline")
    SuggestionOut decline(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return SuggestionOut.of(recovery.decline(user, new SuggestionId(id)));
    }

    @GetMapping("/api/v1/people/{id}/recovery-plan")
    RecoveryPlanOut of(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return RecoveryPlanOut.of(recovery.of(user, new PersonId(id)), List.of());
    }

    @PostMapping("/api/v1/people/{id}/recovery-plan/suggestions")
    ResponseEntity<SuggestionOut> suggest(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestBody SuggestionIn body) {
        if (body.goalId() == null) {
            throw new BadInputException("text.required", Explanation.field("goalId"));
        }
        Step step = Step.write("step", body.text(), body.whoHelps(), body.due(), false, null);
        StepSuggestion s = recovery.suggest(user, new PersonId(id), new GoalId(body.goalId()), step);
        return ResponseEntity.status(HttpStatus.CREATED).body(SuggestionOut.of(s));
    }

    @GetMapping("/api/v1/me/crisis-plan")
    CrisisPlanOut crisis(@AuthenticationPrincipal SignedInUser user) {
        return CrisisPlanOut.of(crisis.mine(user), true);
    }

    @PutMapping("/api/v1/me/crisis-plan")
    CrisisPlanOut writeCrisis(@AuthenticationPrincipal SignedInUser user, @RequestBody CrisisPlanIn body) {
        return CrisisPlanOut.of(
                crisis.writeMine(
                        user, body.version(), VoiceJson.sections(body.sections()), VoiceJson.people(body.sharedWith())),
                true);
    }

    /** The caller's crisis plan versions, newest first; the {@code Link} header names the older ones. */
    @GetMapping("/api/v1/me/crisis-plan/versions")
    ResponseEntity<List<CrisisPlanOut>> crisisVersions(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable Integer before) {
        int size = Page.limit(limit, VERSIONS);
        List<CrisisPlan> versions = crisis.history(user, before == null ? Integer.MAX_VALUE : before, size);
        return NextPage.ok(
                versions.stream().map(p -> CrisisPlanOut.of(p, true)).toList(),
                next(
                        "/api/v1/me/crisis-plan/versions",
                        size,
                        versions.size(),
                        () -> versions.get(versions.size() - 1).version()));
    }

    @GetMapping("/api/v1/people/{id}/crisis-plan")
    CrisisPlanOut shared(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        PersonId person = new PersonId(id);
        return CrisisPlanOut.of(crisis.sharedWith(user, person), user.isSelf(person));
    }

    /** The next page's address when this one is full and older versions remain. */
    private static @Nullable String next(String path, int size, int got, java.util.function.IntSupplier lastVersion) {
        if (got < size) {
            return null;
        }
        int last = lastVersion.getAsInt();
        return last <= 1
                ? null
                : NextPage.address(UriComponentsBuilder.fromPath(path), size, "before", String.valueOf(last));
    }
}
