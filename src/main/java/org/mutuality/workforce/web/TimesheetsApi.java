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
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.mutuality.workforce.ApprovalOutcome;
import org.mutuality.workforce.ApproverRoute;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetCursor;
import org.mutuality.workforce.TimesheetDecision;
import org.mutuality.workforce.TimesheetEntry;
import org.mutuality.workforce.TimesheetEntryId;
import org.mutuality.workforce.TimesheetVersion;
import org.mutuality.workforce.Timesheets;
import org.mutuality.workforce.WeekOfHours;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Timesheets under {@code /api/v1/timesheets}. */
@RestController
class TimesheetsApi {

    /** How many weeks the weeks endpoints give: about two months. */
    static final int WEEKS = 8;

    private final Timesheets timesheets;

    TimesheetsApi(Timesheets timesheets) {
        this.timesheets = timesheets;
    }

    @PostMapping("/api/v1/timesheets")
    ResponseEntity<TimesheetEntryJson> record(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody HoursBody body) {
        TimesheetEntry entry = timesheets.record(user, new RecordHours(body.date(), body.hours(), body.activity()));
        return ResponseEntity.created(URI.create("/api/v1/timesheets/" + entry.id()))
                .body(TimesheetEntryJson.of(entry));
    }

    /**
     * A page of the caller's own hours (30 unless {@code limit} says otherwise, at most 200), newest
     * first by the day worked; the next page's address is in the {@code Link} header.
     */
    @GetMapping("/api/v1/timesheets")
    ResponseEntity<List<TimesheetEntryJson>> mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Timesheets.PAGE);
        Page<TimesheetEntry> page = timesheets.mine(user, TimesheetCursor.parse(after), size);
        return NextPage.ok(page, TimesheetEntryJson::of, UriComponentsBuilder.fromPath("/api/v1/timesheets"), size);
    }

    @GetMapping("/api/v1/timesheets/to-approve")
    List<TimesheetEntryJson> toApprove(@AuthenticationPrincipal SignedInUser user) {
        return timesheets.waitingFor(user).stream().map(TimesheetEntryJson::of).toList();
    }

    @GetMapping("/api/v1/timesheets/{id}")
    TimesheetEntryJson read(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return TimesheetEntryJson.of(timesheets.read(user, new TimesheetEntryId(id)));
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
        return answered(
                timesheets.approve(user, new TimesheetEntryId(id), consulted, body == null ? null : body.note()));
    }

    /**
     * Asks the worker a question instead of approving: 200 with the entry, now {@code QUESTIONED};
     * 409 with the policy's decision, reasons and alternatives when the policy refuses this approver,
     * as for approving.
     */
    @PostMapping("/api/v1/timesheets/{id}/question")
    ResponseEntity<ApprovalJson> question(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody QuestionBody body) {
        return answered(timesheets.question(
                user, new TimesheetEntryId(id), Boolean.TRUE.equals(body.consulted()), body.text()));
    }

    /** Returns the hours to the worker with a reason: 200 with the entry, now {@code RETURNED}; 409 as for approving. */
    @PostMapping("/api/v1/timesheets/{id}/return")
    ResponseEntity<ApprovalJson> sendBack(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ReturnBody body) {
        return answered(timesheets.sendBack(
                user, new TimesheetEntryId(id), Boolean.TRUE.equals(body.consulted()), body.reason()));
    }

    /** The worker answers the question: the entry, waiting for approval again. */
    @PostMapping("/api/v1/timesheets/{id}/answer")
    TimesheetEntryJson answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody TimesheetAnswerBody body) {
        return TimesheetEntryJson.of(timesheets.answer(user, new TimesheetEntryId(id), body.text()));
    }

    /**
     * The worker corrects questioned or returned hours, with the fields of a new entry (and an
     * optional note): the entry, a new version waiting for approval again.
     */
    @PostMapping("/api/v1/timesheets/{id}/correct")
    TimesheetEntryJson correct(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody CorrectionBody body) {
        return TimesheetEntryJson.of(timesheets.correct(
                user,
                new TimesheetEntryId(id),
                new RecordHours(body.date(), body.hours(), body.activity()),
                body.note()));
    }

    /** The versions of the entry that corrections replaced, oldest first. */
    @GetMapping("/api/v1/timesheets/{id}/versions")
    List<TimesheetVersionJson> versions(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return timesheets.versions(user, new TimesheetEntryId(id)).stream()
                .map(TimesheetVersionJson::of)
                .toList();
    }

    /** The caller's last weeks: hours recorded beside direct-support time, most recent first. */
    @GetMapping("/api/v1/timesheets/weeks")
    List<WeekJson> myWeeks(@AuthenticationPrincipal SignedInUser user) {
        return weeks(user, user.personId());
    }

    /**
     * A person's last weeks, for their supervisor and whoever approves their hours; 404 for anyone
     * else, as for a person who does not exist.
     */
    @GetMapping("/api/v1/timesheets/weeks/{id}")
    List<WeekJson> weeksOf(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return weeks(user, new PersonId(id));
    }

    private List<WeekJson> weeks(SignedInUser user, PersonId person) {
        return timesheets.weeks(user, person, WEEKS).stream().map(WeekJson::of).toList();
    }

    private static ResponseEntity<ApprovalJson> answered(ApprovalOutcome outcome) {
        if (outcome instanceof ApprovalOutcome.Approved approved) {
            return ResponseEntity.ok(ApprovalJson.of("APPROVED", approved.entry(), approved.check()));
        }
        if (outcome instanceof ApprovalOutcome.Questioned questioned) {
            return ResponseEntity.ok(ApprovalJson.of("QUESTIONED", questioned.entry(), questioned.check()));
        }
        if (outcome instanceof ApprovalOutcome.Returned returned) {
            return ResponseEntity.ok(ApprovalJson.of("RETURNED", returned.entry(), returned.check()));
        }
        ApprovalOutcome.Refused refused = (ApprovalOutcome.Refused) outcome;
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApprovalJson.of(
                        refused.needsConsultation() ? "NEEDS_CONSULTATION" : "REFUSED",
                        refused.entry(),
                        refused.check()));
    }

    @PostMapping("/api/v1/timesheets/{id}/hand-over")
    TimesheetEntryJson handOver(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody HandOverBody body) {
        TimesheetEntryId entry = new TimesheetEntryId(id);
        PersonId to = new PersonId(body.approverId());
        if (Boolean.TRUE.equals(body.allOfWorker())) {
            return TimesheetEntryJson.of(
                    timesheets.handOverAllOf(user, entry, to).get(0));
        }
        return TimesheetEntryJson.of(timesheets.handOver(user, entry, to));
    }

    /** Where the caller's new hours go, and whom the conflict check passed over and why. */
    @GetMapping("/api/v1/timesheets/route")
    TimesheetRouteJson route(@AuthenticationPrincipal SignedInUser user) {
        ApproverRoute route = timesheets.routeOf(user);
        return new TimesheetRouteJson(
                route.approver() == null ? null : route.approver().value(),
                route.passedOver() == null ? null : route.passedOver().value(),
                route.reasons());
    }

    record HoursBody(
            @NotNull LocalDate date,
            @NotNull BigDecimal hours,
            @NotBlank @Size(max = 500) String activity) {}

    record ApproveBody(
            @Nullable Boolean consulted,
            @Size(max = 1000) @Nullable String note) {}

    /** {@code allOfWorker}: also every other entry of the same worker that waits for the caller. */
    record HandOverBody(@NotNull UUID approverId, @Nullable Boolean allOfWorker) {}

    record TimesheetRouteJson(
            @Nullable UUID approverId, @Nullable UUID passedOverId, List<String> reasons) {}

    record QuestionBody(
            @NotBlank @Size(max = 1000) String text,
            @Nullable Boolean consulted) {}

    record ReturnBody(
            @NotBlank @Size(max = 1000) String reason,
            @Nullable Boolean consulted) {}

    record TimesheetAnswerBody(@NotBlank @Size(max = 1000) String text) {}

    record CorrectionBody(
            @NotNull LocalDate date,
            @NotNull BigDecimal hours,
            @NotBlank @Size(max = 500) String activity,
            @Size(max = 1000) @Nullable String note) {}

    record TimesheetVersionJson(
            int version, LocalDate date, BigDecimal hours, String activity, UUID replacedBy, Instant replacedAt) {
        static TimesheetVersionJson of(TimesheetVersion v) {
            return new TimesheetVersionJson(
                    v.version(),
                    v.date(),
                    v.hours(),
                    v.activity(),
                    v.replacedBy().value(),
                    v.replacedAt());
        }
    }

    /** A week: two plain figures side by side, never a share or a score. */
    record WeekJson(LocalDate monday, LocalDate sunday, BigDecimal hoursRecorded, int directSupportMinutes) {
        static WeekJson of(WeekOfHours w) {
            return new WeekJson(w.monday(), w.sunday(), w.hoursRecorded(), w.directSupportMinutes());
        }
    }

    record TimesheetEntryJson(
            UUID id,
            UUID personId,
            LocalDate date,
            BigDecimal hours,
            String activity,
            String status,
            int version,
            @Nullable UUID approverId,
            @Nullable UUID decidedBy,
            @Nullable Instant decidedAt) {

        static TimesheetEntryJson of(TimesheetEntry e) {
            return new TimesheetEntryJson(
                    e.id().value(),
                    e.person().value(),
                    e.date(),
                    e.hours(),
                    e.activity(),
                    e.status().name(),
                    e.version(),
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
            TimesheetEntryJson entry,
            List<ReasonJson> reasons,
            List<AlternativeJson> alternatives) {

        static ApprovalJson of(String outcome, TimesheetEntry entry, ConflictDecision check) {
            return new ApprovalJson(
                    outcome,
                    check.decision().name(),
                    TimesheetEntryJson.of(entry),
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
            @Nullable String message,
            Instant at) {
        static DecisionRecordJson of(TimesheetDecision d) {
            return new DecisionRecordJson(
                    d.id(), d.actor().value(), d.outcome().name(), d.policyDecision(), d.detail(), d.message(), d.at());
        }
    }
}
