package org.mutuality.access.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.BreakGlass;
import org.mutuality.access.BreakGlassGrant;
import org.mutuality.access.BreakGlassGrantId;
import org.mutuality.access.BreakGlassReason;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Break-the-glass under {@code /api/v1/access/break-glass}: open a record, see one's uses, review. */
@RestController
class BreakGlassApi {

    private final BreakGlass breakGlass;

    BreakGlassApi(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    /** Opens the record for a limited time; the answer says until when. */
    @PostMapping("/api/v1/access/break-glass")
    ResponseEntity<GrantJson> open(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody OpenBody body) {
        BreakGlassGrant grant =
                breakGlass.open(user, new PersonId(body.subjectId()), body.recordKind(), body.reason(), body.detail());
        return ResponseEntity.created(URI.create("/api/v1/access/break-glass/mine"))
                .body(GrantJson.of(grant));
    }

    @GetMapping("/api/v1/access/break-glass/mine")
    List<GrantJson> mine(@AuthenticationPrincipal SignedInUser user) {
        return breakGlass.mine(user).stream().map(GrantJson::of).toList();
    }

    /** The privacy lead's review queue: {@code status=pending} (the default) or {@code all}. */
    @GetMapping("/api/v1/access/break-glass")
    List<GrantJson> queue(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "pending") String status) {
        if (!status.equals("pending") && !status.equals("all")) {
            throw new BadInputException("breakGlass.queueStatus");
        }
        return breakGlass.queue(user, status.equals("pending")).stream()
                .map(GrantJson::of)
                .toList();
    }

    @PostMapping("/api/v1/access/break-glass/{id}/review")
    GrantJson review(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ReviewBody body) {
        return GrantJson.of(breakGlass.review(user, new BreakGlassGrantId(id), body.outcome(), body.note()));
    }

    record OpenBody(
            @NotNull UUID subjectId,
            @NotNull RecordKind recordKind,
            @NotNull BreakGlassReason reason,
            @NotNull @Size(min = 10, max = 1000) String detail) {}

    record ReviewBody(
            @NotNull BreakGlassGrant.Outcome outcome,
            @Size(max = 1000) @Nullable String note) {}

    record GrantJson(
            UUID id,
            UUID readerId,
            UUID subjectId,
            String recordKind,
            String reason,
            String detail,
            Instant grantedAt,
            Instant expiresAt,
            boolean overrodeDirective,
            @Nullable String review,
            @Nullable UUID reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable String reviewNote) {
        static GrantJson of(BreakGlassGrant g) {
            BreakGlassGrant.Review r = g.review();
            return new GrantJson(
                    g.id().value(),
                    g.reader().value(),
                    g.subject().value(),
                    g.kind().name(),
                    g.reason().name(),
                    g.detail(),
                    g.grantedAt(),
                    g.expiresAt(),
                    g.overrodeDirective(),
                    r == null ? null : r.outcome().name(),
                    r == null ? null : r.reviewer().value(),
                    r == null ? null : r.reviewedAt(),
                    r == null ? null : r.note());
        }
    }
}
