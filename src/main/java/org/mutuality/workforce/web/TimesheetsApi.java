package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.workforce.ApprovalOutcome;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetDecision;
import org.mutuality.workforce.TimesheetEntry;
import org.mutuality.workforce.TimesheetEntryId;
import org.mutuality.workforce.Timesheets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Timesheets under {@code /api/v1/timesheets}. */
@RestController
class TimesheetsApi {

    private final Timesheets timesheets;

    TimesheetsApi(Timesheets timesheets) {
        this.timesheets = timesheets;
    }

    @PostMapping("/api/v1/timesheets")
    ResponseEntity<EntryJson> record(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody HoursBody body) {
        TimesheetEntry entry = timesheets.record(user, new RecordHours(body.date(), body.hours(), body.activity()));
        return ResponseEntity.created(URI.create("/api/v1/timesheets/" + entry.id()))
                .body(EntryJson.of(entry));
    }

    @GetMapping("/api/v1/timesheets")
    List<EntryJson> mine(@AuthenticationPrincipal SignedInUser user) {
        return timesheets.mine(user).stream().map(EntryJson::of).toList();
    }

    @GetMapping("/api/v1/timesheets/to-approve")
    List<EntryJson> toApprove(@AuthenticationPrincipal SignedInUser user) {
        return timesheets.waitingFor(user).stream().map(EntryJson::of).toList();
    }

    @GetMapping("/api/v1/timesheets/{id}")
    EntryJson read(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return EntryJson.of(timesheets.read(user, new TimesheetEntryId(id)));
    }

    @GetMapping("/api/v1/timesheets/{id}/decisions")
    List<DecisionRecordJson> decisions(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return timesheets.decisions(user, new TimesheetEntryId(id)).stream()
                .map(DecisionRecordJson::of)
                .toList();
    }

    /** 200 with the approved entry; 409 with the policy's decision, reasons and alternatives when refused. */
    @PostMapping("/api/v1/timesheets/{id}/approve")
    ResponseEntity<ApprovalJson> approve(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable @Valid ApproveBody body) {
        boolean consulted = body != null && Boolean.TRUE.equals(body.consulted());
        ApprovalOutcome outcome =
                timesheets.approve(user, new TimesheetEntryId(id), consulted, body == null ? null : body.note());
        if (outcome instanceof ApprovalOutcome.Approved approved) {
            return ResponseEntity.ok(ApprovalJson.of("APPROVED", approved.entry(), approved.check()));
        }
        ApprovalOutcome.Refused refused = (ApprovalOutcome.Refused) outcome;
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApprovalJson.of(
                        refused.needsConsultation() ? "NEEDS_CONSULTATION" : "REFUSED",
                        refused.entry(),
                        refused.check()));
    }

    @PostMapping("/api/v1/timesheets/{id}/hand-over")
    EntryJson handOver(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody HandOverBody body) {
        return EntryJson.of(timesheets.handOver(user, new TimesheetEntryId(id), new PersonId(body.approverId())));
    }

    record HoursBody(
            @NotNull LocalDate date,
            @NotNull BigDecimal hours,
            @NotBlank @Size(max = 500) String activity) {}

    record ApproveBody(
            @Nullable Boolean consulted,
            @Size(max = 1000) @Nullable String note) {}

    record HandOverBody(@NotNull UUID approverId) {}

    record EntryJson(
            UUID id,
            UUID personId,
            LocalDate date,
            BigDecimal hours,
            String activity,
            String status,
            @Nullable UUID approverId,
            @Nullable UUID decidedBy,
            @Nullable Instant decidedAt) {

        static EntryJson of(TimesheetEntry e) {
            return new EntryJson(
                    e.id().value(),
                    e.person().value(),
                    e.date(),
                    e.hours(),
                    e.activity(),
                    e.status().name(),
                    e.approver() == null ? null : e.approver().value(),
                    e.decidedBy() == null ? null : e.decidedBy().value(),
                    e.decidedAt());
        }
    }

    record ReasonJson(
            String rule, String decision, @Nullable String relationship, String explanation, List<String> safeguards) {}

    record AlternativeJson(UUID personId, String name) {}

    record ApprovalJson(
            String outcome,
            String decision,
            EntryJson entry,
            List<ReasonJson> reasons,
            List<AlternativeJson> alternatives) {

        static ApprovalJson of(String outcome, TimesheetEntry entry, ConflictDecision check) {
            return new ApprovalJson(
                    outcome,
                    check.decision().name(),
                    EntryJson.of(entry),
                    check.reasons().stream()
                            .map(r -> new ReasonJson(
                                    r.rule(), r.decision().name(), r.relationship(), r.explanation(), r.safeguards()))
                            .toList(),
                    check.alternatives().stream()
                            .map(a -> new AlternativeJson(a.personId().value(), a.name()))
                            .toList());
        }
    }

    record DecisionRecordJson(
            UUID id,
            UUID actorId,
            String outcome,
            @Nullable String policyDecision,
            @Nullable String detail,
            Instant at) {
        static DecisionRecordJson of(TimesheetDecision d) {
            return new DecisionRecordJson(
                    d.id(), d.actor().value(), d.outcome().name(), d.policyDecision(), d.detail(), d.at());
        }
    }
}
