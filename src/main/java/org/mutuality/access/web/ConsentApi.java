package org.mutuality.access.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.ConsentDirective;
import org.mutuality.access.ConsentDirectiveId;
import org.mutuality.access.ConsentDirectives;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.web.Pages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lockbox under {@code /api/v1/people/{id}/consent-directives}, who can read a person's record,
 * and the guard's what-if at {@code /api/v1/access/check}.
 */
@RestController
class ConsentApi {

    private final ConsentDirectives directives;
    private final Pages pages;

    ConsentApi(ConsentDirectives directives, Pages pages) {
        this.directives = directives;
        this.pages = pages;
    }

    @GetMapping("/api/v1/people/{id}/consent-directives")
    List<DirectiveJson> list(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return directives.of(user, new PersonId(id)).stream()
                .map(DirectiveJson::of)
                .toList();
    }

    /** Who can read part of the person's record today and why: the person and the privacy lead only. */
    @GetMapping("/api/v1/people/{id}/readers")
    List<ReaderJson> readers(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return directives.readers(user, new PersonId(id)).stream()
                .map(r -> new ReaderJson(
                        r.reader().value(), r.basis().name(), r.kind().name(), r.withheld()))
                .toList();
    }

    record ReaderJson(UUID personId, String basis, String recordKind, boolean withheld) {}

    /** The guard's what-if: one's own access, or anyone's for the privacy lead. */
    @PostMapping("/api/v1/access/check")
    CheckJson check(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CheckBody body) {
        AccessDecision decision = directives.check(
                user, new PersonId(body.readerId()), new PersonId(body.subjectId()), body.recordKind(), body.purpose());
        if (decision instanceof AccessDecision.Granted granted) {
            return new CheckJson(true, granted.basis().name(), null);
        }
        return new CheckJson(false, null, pages.text(Explanation.of(((AccessDecision.Refused) decision).reason())));
    }

    record CheckBody(
            @NotNull UUID readerId,
            @NotNull UUID subjectId,
            @NotNull RecordKind recordKind,
            @NotNull Purpose purpose) {}

    record CheckJson(
            boolean allowed,
            @Nullable String basis,
            @Nullable String reason) {}

    @PostMapping("/api/v1/people/{id}/consent-directives")
    ResponseEntity<DirectiveJson> give(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody DirectiveBody body) {
        ConsentDirective given = directives.give(
                user,
                new PersonId(id),
                body.withheldFrom() == null ? null : new PersonId(body.withheldFrom()),
                body.purpose(),
                body.recordKind(),
                body.note());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/consent-directives"))
                .body(DirectiveJson.of(given));
    }

    @PostMapping("/api/v1/people/{id}/consent-directives/{directiveId}/withdraw")
    DirectiveJson withdraw(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID directiveId) {
        return DirectiveJson.of(directives.withdraw(user, new PersonId(id), new ConsentDirectiveId(directiveId)));
    }

    record DirectiveBody(
            @Nullable UUID withheldFrom,
            @Nullable Purpose purpose,
            @Nullable RecordKind recordKind,
            @Size(max = 500) @Nullable String note) {}

    record DirectiveJson(
            UUID id,
            @Nullable UUID withheldFrom,
            @Nullable String purpose,
            @Nullable String recordKind,
            @Nullable String note,
            UUID createdBy,
            Instant createdAt,
            boolean active,
            @Nullable Instant withdrawnAt) {
        static DirectiveJson of(ConsentDirective d) {
            return new DirectiveJson(
                    d.id().value(),
                    d.withheldFrom() == null ? null : d.withheldFrom().value(),
                    d.purpose() == null ? null : d.purpose().name(),
                    d.recordKind() == null ? null : d.recordKind().name(),
                    d.note(),
                    d.createdBy().value(),
                    d.createdAt(),
                    d.active(),
                    d.withdrawnAt());
        }
    }
}
