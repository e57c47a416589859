package org.mutuality.conflicts.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.PolicyPreview;
import org.mutuality.conflicts.PolicyVersion;
import org.mutuality.conflicts.ScanReport;
import org.mutuality.conflicts.policy.InvalidPolicy;
import org.mutuality.conflicts.policy.PolicyDiff;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conflict checks and the agency's conflict policy under {@code /api/v1/conflicts}. */
@RestController
class ConflictsApi {

    static final String YAML = "application/yaml";

    private final ConflictCheck check;
    private final Pages pages;

    ConflictsApi(ConflictCheck check, Pages pages) {
        this.check = check;
        this.pages = pages;
    }

    @PostMapping("/api/v1/conflicts/check")
    DecisionJson check(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CheckBody body) {
        requireStaff(user);
        ConflictDecision decision = check.ask(
                user, Action.parse(body.action()), new PersonId(body.actorId()), new PersonId(body.subjectId()));
        return DecisionJson.of(decision);
    }

    @GetMapping(
            value = "/api/v1/conflicts/policy",
            produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<String> policy(@AuthenticationPrincipal SignedInUser user) {
        requireStaff(user);
        PolicyVersion current = check.policy(user.agencyId());
        return ResponseEntity.ok()
                .header("X-Policy-Version", Integer.toString(current.version()))
                .contentType(MediaType.parseMediaType(YAML + ";charset=UTF-8"))
                .body(current.text());
    }

    @PutMapping(
            value = "/api/v1/conflicts/policy",
            consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    VersionJson changePolicy(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String reason,
            @RequestBody String text) {
        return VersionJson.of(check.changePolicy(user, text, reason));
    }

    /** What a policy text would change among today's pairings; nothing is changed. The privacy lead only. */
    @PostMapping(
            value = "/api/v1/conflicts/policy/preview",
            consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    PolicyPreviewJson previewPolicy(@AuthenticationPrincipal SignedInUser user, @RequestBody String text) {
        return PolicyPreviewJson.of(check.previewPolicy(user, text));
    }

    /** Puts an earlier version's text back in force, as a new version. The privacy lead only. */
    @PostMapping("/api/v1/conflicts/policy/versions/{version}/restore")
    ResponseEntity<VersionJson> restorePolicy(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable int version,
            @RequestParam(required = false) @Nullable String reason) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(VersionJson.of(check.restorePolicy(user, version, reason)));
    }

    /** The lines one version changed against another (by default the one before it). */
    @GetMapping("/api/v1/conflicts/policy/versions/{version}/diff")
    List<PolicyDiff.Line> diff(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable int version,
            @RequestParam(required = false) @Nullable Integer against) {
        requireStaff(user);
        PolicyVersion newer = check.policyVersion(user.agencyId(), version)
                .orElseThrow(() -> new NotFoundException("notFound.policyVersion", version));
        int other = against == null ? version - 1 : against;
        if (other < 0 && against == null) {
            return List.of(); // version 0 has none before it
        }
        PolicyVersion compared = check.policyVersion(user.agencyId(), other)
                .orElseThrow(() -> new NotFoundException("notFound.policyVersion", other));
        // Always from the older to the newer, as the page shows it.
        return compared.version() < newer.version()
                ? PolicyDiff.between(compared.text(), newer.text())
                : PolicyDiff.between(newer.text(), compared.text());
    }

    @GetMapping("/api/v1/conflicts/scan")
    ScanReport scan(@AuthenticationPrincipal SignedInUser user) {
        return check.scan(user);
    }

    @GetMapping("/api/v1/conflicts/scan.csv")
    ResponseEntity<byte[]> scanCsv(@AuthenticationPrincipal SignedInUser user) {
        return ScanController.csvResponse(check.scan(user));
    }

    @GetMapping("/api/v1/conflicts/policy/versions")
    List<VersionJson> versions(@AuthenticationPrincipal SignedInUser user) {
        requireStaff(user);
        return check.policyHistory(user.agencyId()).stream()
                .map(VersionJson::of)
                .toList();
    }

    @GetMapping(
            value = "/api/v1/conflicts/policy/versions/{version}",
            produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<String> version(@AuthenticationPrincipal SignedInUser user, @PathVariable int version) {
        requireStaff(user);
        PolicyVersion found = check.policyVersion(user.agencyId(), version)
                .orElseThrow(() -> new NotFoundException("notFound.policyVersion", version));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(YAML + ";charset=UTF-8"))
                .body(found.text());
    }

    @ExceptionHandler(InvalidPolicy.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPolicy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, pages.text(Explanation.of("policy.invalidDetail", e.explanation())));
        problem.setTitle("Invalid policy");
        problem.setType(URI.create("https://mutuality.org/problems/invalid-policy"));
        problem.setProperty("line", e.line());
        problem.setProperty("rule", e.rule());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    static void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("conflict.staffOnly");
        }
    }

    record CheckBody(
            @NotBlank String action,
            @NotNull UUID actorId,
            @NotNull UUID subjectId) {}

    record ReasonJson(
            String rule,
            String decision,
            @Nullable String relationship,
            String explanation,
            List<String> safeguards,
            @Nullable String via) {}

    record AlternativeJson(UUID personId, String name, boolean sameTeam, int load) {}

    record DecisionJson(String decision, List<ReasonJson> reasons, List<AlternativeJson> alternatives) {
        static DecisionJson of(ConflictDecision d) {
            return new DecisionJson(
                    d.decision().name(),
                    d.reasons().stream()
                            .map(r -> new ReasonJson(
                                    r.rule(),
                                    r.decision().name(),
                                    r.relationship(),
                                    r.explanation(),
                                    r.safeguards(),
                                    r.via()))
                            .toList(),
                    d.alternatives().stream()
                            .map(a -> new AlternativeJson(a.personId().value(), a.name(), a.sameTeam(), a.load()))
                            .toList());
        }
    }

    /** A policy preview as the API answers it. */
    record PolicyPreviewJson(int comparedWithVersion, int pairings, int changed, List<PolicyChangeJson> changes) {
        static PolicyPreviewJson of(PolicyPreview p) {
            return new PolicyPreviewJson(
                    p.version(),
                    p.pairings(),
                    p.changes().size(),
                    p.changes().stream().map(PolicyChangeJson::of).toList());
        }
    }

    /** One pairing whose decision a previewed policy would change. */
    record PolicyChangeJson(
            UUID actorId,
            String actorName,
            UUID subjectId,
            String subjectName,
            Action action,
            Decision before,
            Decision after) {
        static PolicyChangeJson of(PolicyPreview.Change c) {
            return new PolicyChangeJson(
                    c.actorId().value(),
                    c.actorName(),
                    c.subjectId().value(),
                    c.subjectName(),
                    c.action(),
                    c.before(),
                    c.after());
        }
    }

    record VersionJson(
            int version,
            String reason,
            @Nullable UUID changedBy,
            @Nullable Instant changedAt) {
        static VersionJson of(PolicyVersion v) {
            return new VersionJson(
                    v.version(),
                    v.reason(),
                    v.changedBy() == null ? null : v.changedBy().value(),
                    v.changedAt());
        }
    }
}
