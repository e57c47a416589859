package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.workforce.Attestation;
import org.mutuality.workforce.AttestationReport;
import org.mutuality.workforce.AttestationStatus;
import org.mutuality.workforce.CodeOfConduct;
import org.mutuality.workforce.ConductText;
import org.mutuality.workforce.ConductVersion;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The code of conduct under {@code /api/v1/code-of-conduct}, and the caller's own attestation under
 * {@code /api/v1/me/attestation}. API tokens are not held back by an attestation that is due (ADR
 * 0023): {@code GET /api/v1/me/attestation} says whether one is.
 */
@RestController
class CodeOfConductApi {

    private final CodeOfConduct code;

    CodeOfConductApi(CodeOfConduct code) {
        this.code = code;
    }

    /** The current version, or the one named by {@code version} (404 when there is none). */
    @GetMapping("/api/v1/code-of-conduct")
    ConductVersionJson read(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable Integer version) {
        return ConductVersionJson.of(version == null ? code.current(user) : code.version(user, version));
    }

    /** Every version, newest first, without their text. */
    @GetMapping("/api/v1/code-of-conduct/versions")
    List<VersionSummaryJson> versions(@AuthenticationPrincipal SignedInUser user) {
        return code.versions(user).stream().map(VersionSummaryJson::of).toList();
    }

    /** Publishes a new version (privacy lead or manager; 403 otherwise; 400 and nothing saved for a bad body). */
    @PutMapping("/api/v1/code-of-conduct")
    ConductVersionJson publish(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PublishBody body) {
        return ConductVersionJson.of(
                code.publish(user, new ConductText(body.text().en(), body.text().fr()), body.reason()));
    }

    @GetMapping("/api/v1/me/attestation")
    StatusJson status(@AuthenticationPrincipal SignedInUser user) {
        return StatusJson.of(code.status(user));
    }

    /** Attests the current version (409 for an earlier one, 404 for one that does not exist, 403 for non-staff). */
    @PostMapping("/api/v1/me/attestation")
    AttestationJson attest(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody AttestBody body) {
        Attestation a = code.attest(user, body.version());
        return new AttestationJson(a.version(), a.at());
    }

    /** Who among today's staff has attested the current version (privacy lead or manager). */
    @GetMapping("/api/v1/code-of-conduct/attestations")
    ReportJson report(@AuthenticationPrincipal SignedInUser user) {
        AttestationReport report = code.report(user);
        return new ReportJson(
                report.currentVersion(),
                report.pending().size(),
                report.rows().stream()
                        .map(r -> new RowJson(
                                r.person().value(),
                                r.name(),
                                r.attestedVersion(),
                                r.attestedAt(),
                                r.attestedCurrent(report.currentVersion())))
                        .toList());
    }

    record TextJson(@NotNull String en, @NotNull String fr) {}

    record PublishBody(
            @NotNull @Valid TextJson text, @NotNull String reason) {}

    record AttestBody(@NotNull Integer version) {}

    record ConductVersionJson(
            int version,
            TextJson text,
            @Nullable String reason,
            @Nullable UUID publishedBy,
            Instant publishedAt,
            boolean startingText) {

        static ConductVersionJson of(ConductVersion v) {
            return new ConductVersionJson(
                    v.number(),
                    new TextJson(v.text().en(), v.text().fr()),
                    v.reason(),
                    v.publishedBy() == null ? null : v.publishedBy().value(),
                    v.publishedAt(),
                    v.isStartingText());
        }
    }

    record VersionSummaryJson(
            int version, @Nullable String reason, @Nullable UUID publishedBy, Instant publishedAt) {

        static VersionSummaryJson of(ConductVersion v) {
            return new VersionSummaryJson(
                    v.number(),
                    v.reason(),
                    v.publishedBy() == null ? null : v.publishedBy().value(),
                    v.publishedAt());
        }
    }

    record StatusJson(int currentVersion, @Nullable Integer attestedVersion, boolean required, boolean due) {

        static StatusJson of(AttestationStatus s) {
            return new StatusJson(s.currentVersion(), s.attestedVersion(), s.required(), s.due());
        }
    }

    record AttestationJson(int version, Instant attestedAt) {}

    record RowJson(
            UUID personId,
            String name,
            @Nullable Integer attestedVersion,
            @Nullable Instant attestedAt,
            boolean attestedCurrent) {}

    record ReportJson(int currentVersion, int pending, List<RowJson> staff) {}
}
