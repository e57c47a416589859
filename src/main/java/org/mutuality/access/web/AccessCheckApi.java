package org.mutuality.access.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessCheck;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The guard's what-if at {@code /api/v1/access/check}: one's own access, or anyone's for the privacy lead. */
@RestController
class AccessCheckApi {

    private final AccessCheck access;
    private final Pages pages;

    AccessCheckApi(AccessCheck access, Pages pages) {
        this.access = access;
        this.pages = pages;
    }

    @PostMapping("/api/v1/access/check")
    CheckJson check(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CheckBody body) {
        AccessDecision decision = access.check(
                user, new PersonId(body.readerId()), new PersonId(body.subjectId()), body.recordKind(), body.purpose());
        if (decision instanceof AccessDecision.Granted granted) {
            return new CheckJson(true, granted.basis(), null);
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
}
