package org.mutuality.safety.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Pauses;
import org.mutuality.safety.ReturnStepId;
import org.mutuality.safety.RolePause;
import org.mutuality.safety.RolePauseId;
import org.mutuality.safety.RolePauses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Role pauses, return plans and reassignment under {@code /api/v1/pauses}. */
@RestController
class PausesApi {

    private final RolePauses pauses;

    PausesApi(RolePauses pauses) {
        this.pauses = pauses;
    }

    @PostMapping("/api/v1/pauses")
    ResponseEntity<PauseJson> pause(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PauseBody body) {
        RolePause.Plan plan = new RolePause.Plan(
                new PersonId(body.personId()),
                body.scopes(),
                body.reason(),
                body.returnOn(),
                body.steps() == null ? List.of() : body.steps());
        RolePause p = pauses.pause(user, plan, Boolean.TRUE.equals(body.acknowledge()));
        return ResponseEntity.created(URI.create("/api/v1/pauses/" + p.id())).body(PauseJson.of(p));
    }

    @GetMapping("/api/v1/pauses")
    List<PauseJson> list(@AuthenticationPrincipal SignedInUser user) {
        return pauses.visibleTo(user).stream().map(PauseJson::of).toList();
    }

    @GetMapping("/api/v1/pauses/{id}")
    PauseJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return PauseJson.of(pauses.view(user, new RolePauseId(id)));
    }

    @PostMapping("/api/v1/pauses/{id}/note")
    PauseJson note(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody NoteBody body) {
        return PauseJson.of(pauses.note(user, new RolePauseId(id), body.note()));
    }

    @PostMapping("/api/v1/pauses/{id}/steps/{stepId}/done")
    PauseJson step(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID stepId) {
        return PauseJson.of(pauses.stepDone(user, new RolePauseId(id), new ReturnStepId(stepId)));
    }

    /** Moves one participant to another peer worker, after the conflict check (acknowledged, or on a consultation). */
    @PostMapping("/api/v1/pauses/{id}/reassign")
    ResponseEntity<Void> reassign(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ReassignBody body) {
        pauses.reassign(
                user,
                new RolePauseId(id),
                new PersonId(body.participantId()),
                new PersonId(body.peerId()),
                Boolean.TRUE.equals(body.acknowledge()),
                body.consultationId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/pauses/{id}/return")
    PauseJson back(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return PauseJson.of(pauses.returnToRole(user, new RolePauseId(id)));
    }

    record PauseBody(
            @NotNull UUID personId,
            @NotNull Set<Pauses.@NotNull Scope> scopes,
            @NotNull String reason,
            @Nullable LocalDate returnOn,
            @Nullable List<String> steps,
            @Nullable Boolean acknowledge) {}

    record NoteBody(@NotNull String note) {}

    record ReassignBody(
            @NotNull UUID participantId,
            @NotNull UUID peerId,
            @Nullable Boolean acknowledge,
            @Nullable UUID consultationId) {}

    record StepJson(
            UUID id, int position, String text, @Nullable LocalDate doneOn) {}

    record PauseJson(
            UUID id,
            UUID personId,
            Set<Pauses.Scope> scopes,
            String reason,
            @Nullable String personNote,
            UUID pausedById,
            LocalDate pausedOn,
            @Nullable LocalDate returnOn,
            @Nullable LocalDate returnedOn,
            List<StepJson> steps) {
        static PauseJson of(RolePause p) {
            return new PauseJson(
                    p.id().value(),
                    p.person().value(),
                    p.scopes(),
                    p.reason(),
                    p.personNote(),
                    p.pausedBy().value(),
                    p.pausedOn(),
                    p.returnOn(),
                    p.returnedOn(),
                    p.steps().stream()
                            .map(s -> new StepJson(s.id().value(), s.position(), s.text(), s.doneOn()))
                            .toList());
        }
    }
}
