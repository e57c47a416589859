package org.mutuality.safety.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Incident;
import org.mutuality.safety.IncidentCursor;
import org.mutuality.safety.IncidentId;
import org.mutuality.safety.Incidents;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Boundary incidents under {@code /api/v1/incidents}. */
@RestController
class IncidentsApi {

    private final Incidents incidents;

    IncidentsApi(Incidents incidents) {
        this.incidents = incidents;
    }

    @PostMapping("/api/v1/incidents")
    ResponseEntity<IncidentJson> record(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody RecordBody body) {
        Incident i = incidents.record(
                user,
                body.occurredOn(),
                body.whatHappened(),
                body.agreedNext(),
                body.involvedIds().stream().map(PersonId::new).toList());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + i.id())).body(IncidentJson.of(i));
    }

    /**
     * A page of the incidents the caller is involved in, or of every one for those who handle
     * incidents, newest first (30 unless {@code limit} says otherwise, at most 200), after
     * {@code after}; a {@code Link: <…>; rel="next"} header names the next page.
     */
    @GetMapping("/api/v1/incidents")
    ResponseEntity<List<IncidentJson>> list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Incidents.PAGE);
        Page<Incident> page = incidents.list(user, IncidentCursor.parse(after), size);
        return NextPage.ok(page, IncidentJson::of, UriComponentsBuilder.fromPath("/api/v1/incidents"), size);
    }

    @GetMapping("/api/v1/incidents/{id}")
    IncidentJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return IncidentJson.of(incidents.view(user, new IncidentId(id)));
    }

    @PostMapping("/api/v1/incidents/{id}/accounts")
    IncidentJson account(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody AccountBody body) {
        return IncidentJson.of(incidents.addAccount(user, new IncidentId(id), body.text()));
    }

    @PostMapping("/api/v1/incidents/{id}/take")
    IncidentJson take(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable TakeBody body) {
        return IncidentJson.of(incidents.take(
                user,
                new IncidentId(id),
                body != null && Boolean.TRUE.equals(body.acknowledge()),
                body == null ? null : body.consultationId()));
    }

    @PostMapping("/api/v1/incidents/{id}/resolve")
    IncidentJson resolve(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ResolveBody body) {
        return IncidentJson.of(incidents.resolve(user, new IncidentId(id), body.outcome(), body.note()));
    }

    record RecordBody(
            @Nullable LocalDate occurredOn,
            @NotNull String whatHappened,
            @Nullable String agreedNext,
            @NotNull List<@NotNull UUID> involvedIds) {}

    record AccountBody(@NotNull String text) {}

    record TakeBody(@Nullable Boolean acknowledge, @Nullable UUID consultationId) {}

    record ResolveBody(
            Incident.@NotNull Outcome outcome, @Nullable String note) {}

    record AccountJson(UUID id, UUID authorId, String text, Instant at) {}

    record IncidentJson(
            UUID id,
            UUID recordedById,
            LocalDate occurredOn,
            String whatHappened,
            @Nullable String agreedNext,
            List<UUID> involvedIds,
            String status,
            @Nullable UUID handlerId,
            @Nullable UUID consultationId,
            @Nullable String outcome,
            @Nullable String outcomeNote,
            List<AccountJson> accounts,
            Instant createdAt) {
        static IncidentJson of(Incident i) {
            return new IncidentJson(
                    i.id().value(),
                    i.recordedBy().value(),
                    i.occurredOn(),
                    i.whatHappened(),
                    i.agreedNext(),
                    i.involved().stream().map(PersonId::value).sorted().toList(),
                    i.status().name(),
                    i.handler() == null ? null : i.handler().value(),
                    i.consultation(),
                    i.outcome() == null ? null : i.outcome().name(),
                    i.outcomeNote(),
                    i.accounts().stream()
                            .map(a -> new AccountJson(a.id(), a.author().value(), a.text(), a.at()))
                            .toList(),
                    i.createdAt());
        }
    }
}
