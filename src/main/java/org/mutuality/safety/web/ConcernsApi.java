package org.mutuality.safety.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Concern;
import org.mutuality.safety.ConcernCursor;
import org.mutuality.safety.ConcernId;
import org.mutuality.safety.Concerns;
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

/** Concerns from participants under {@code /api/v1/concerns} and {@code /api/v1/me/concerns}. */
@RestController
class ConcernsApi {

    private final Concerns concerns;

    ConcernsApi(Concerns concerns) {
        this.concerns = concerns;
    }

    @PostMapping("/api/v1/concerns")
    ResponseEntity<ConcernJson> raise(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody RaiseBody body) {
        Concern c = concerns.raise(
                user,
                body.aboutId() == null ? null : new PersonId(body.aboutId()),
                body.text(),
                Boolean.TRUE.equals(body.anonymous()));
        return ResponseEntity.created(URI.create("/api/v1/concerns/" + c.id())).body(ConcernJson.of(c));
    }

    /**
     * A page of the concerns the caller raised, newest first (30 unless {@code limit} says otherwise,
     * at most 200), after {@code after}; a {@code Link: <…>; rel="next"} header names the next page.
     */
    @GetMapping("/api/v1/me/concerns")
    ResponseEntity<List<ConcernJson>> mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Concerns.PAGE);
        Page<Concern> page = concerns.mine(user, ConcernCursor.parse(after), size);
        return NextPage.ok(page, ConcernJson::of, UriComponentsBuilder.fromPath("/api/v1/me/concerns"), size);
    }

    /**
     * A page of the concerns to handle: open ones unless {@code all=true}; never those about the
     * caller; paged as {@link #mine}.
     */
    @GetMapping("/api/v1/concerns")
    ResponseEntity<List<ConcernJson>> toHandle(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Concerns.PAGE);
        Page<Concern> page = concerns.toHandle(user, all, ConcernCursor.parse(after), size);
        UriComponentsBuilder at = UriComponentsBuilder.fromPath("/api/v1/concerns");
        if (all) {
            at = at.queryParam("all", true);
        }
        return NextPage.ok(page, ConcernJson::of, at, size);
    }

    @GetMapping("/api/v1/concerns/{id}")
    ConcernJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ConcernJson.of(concerns.view(user, new ConcernId(id)));
    }

    @PostMapping("/api/v1/concerns/{id}/take")
    ConcernJson take(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable TakeBody body) {
        return ConcernJson.of(concerns.take(
                user,
                new ConcernId(id),
                body != null && Boolean.TRUE.equals(body.acknowledge()),
                body == null ? null : body.consultationId()));
    }

    @PostMapping("/api/v1/concerns/{id}/answer")
    ConcernJson answer(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody AnswerBody body) {
        return ConcernJson.of(concerns.answer(user, new ConcernId(id), body.answer()));
    }

    @PostMapping("/api/v1/concerns/{id}/close")
    ConcernJson close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ConcernJson.of(concerns.close(user, new ConcernId(id)));
    }

    /**
     * Who raised an anonymous concern, for a privacy lead who is not its subject and says why; the
     * opening is audited and its reason kept (ADR 0007).
     */
    @PostMapping("/api/v1/concerns/{id}/raiser")
    RaiserJson raiser(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody RaiserBody body) {
        return new RaiserJson(
                id, concerns.raiserOf(user, new ConcernId(id), body.reason()).value());
    }

    record RaiserBody(@NotNull String reason) {}

    record RaiserJson(UUID concernId, UUID raisedById) {}

    record RaiseBody(
            @Nullable UUID aboutId,
            @NotNull String text,
            @Nullable Boolean anonymous) {}

    record TakeBody(@Nullable Boolean acknowledge, @Nullable UUID consultationId) {}

    record AnswerBody(@NotNull String answer) {}

    record ConcernJson(
            UUID id,
            @Nullable UUID raisedById,
            boolean anonymous,
            @Nullable UUID aboutId,
            String text,
            String status,
            @Nullable UUID handlerId,
            @Nullable UUID consultationId,
            @Nullable String answer,
            Instant createdAt,
            Instant updatedAt) {
        static ConcernJson of(Concern c) {
            return new ConcernJson(
                    c.id().value(),
                    c.raisedBy() == null ? null : c.raisedBy().value(),
                    c.anonymous(),
                    c.about() == null ? null : c.about().value(),
                    c.text(),
                    c.status().name(),
                    c.handler() == null ? null : c.handler().value(),
                    c.consultation(),
                    c.answer(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }
}
