package org.mutuality.workforce.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.Refusals;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.ApprovalOutcome;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetEntry;
import org.mutuality.workforce.TimesheetEntryId;
import org.mutuality.workforce.Timesheets;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hours: recording one's own, and approving others' with the conflict check in the way (S1). A
 * refusal shows above the form ({@link Pages}); one the page catches is handed to {@link Refusals}
 * for the audit log.
 */
@Controller
class TimesheetsController {

    static final String LIST = "workforce/timesheets";
    static final String ENTRY = "workforce/timesheet-entry";

    private final Timesheets timesheets;
    private final Directory directory;
    private final Clock clock;
    private final Refusals refusals;
    private final Pages pages;

    TimesheetsController(Timesheets timesheets, Directory directory, Clock clock, Refusals refusals, Pages pages) {
        this.timesheets = timesheets;
        this.directory = directory;
        this.clock = clock;
        this.refusals = refusals;
        this.pages = pages;
    }

    @GetMapping("/timesheets")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        addListModel(user, model);
        return LIST;
    }

    /** On a refusal the form is drawn again with what was typed. */
    @PostMapping("/timesheets")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String hours,
            @RequestParam(defaultValue = "") String activity,
            Model model,
            RedirectAttributes redirect) {
        try {
            timesheets.record(user, RecordHours.typed(date, hours, activity));
            redirect.addFlashAttribute("notice", "timesheet.recorded");
            return "redirect:/timesheets";
        } catch (IllegalArgumentException | ForbiddenException e) {
            refusals.recordIfRefusal(e);
            pages.problem(model, e);
            model.addAttribute("formDate", date);
            model.addAttribute("formHours", hours);
            model.addAttribute("formActivity", activity);
        }
        addListModel(user, model);
        return LIST;
    }

    @GetMapping("/timesheets/{id}")
    String entry(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        TimesheetEntry entry = timesheets.read(user, new TimesheetEntryId(id));
        boolean approver = entry.status() == TimesheetEntry.Status.SUBMITTED
                && user.personId().equals(entry.approver());
        model.addAttribute("entry", entry);
        model.addAttribute("decisions", timesheets.decisions(user, entry.id()));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("isApprover", approver);
        if (approver) {
            model.addAttribute("check", timesheets.preview(user, entry));
        }
        return ENTRY;
    }

    /** A refusal by the policy is an outcome: the page shows it, with the alternatives, as a problem. */
    @PostMapping("/timesheets/{id}/approve")
    String approve(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean consulted,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        String entry = "/timesheets/" + id;
        return pages.act(redirect, entry, entry, () -> {
            ApprovalOutcome outcome = timesheets.approve(user, new TimesheetEntryId(id), consulted, note);
            if (outcome instanceof ApprovalOutcome.Refused refused) {
                // Shown as the API shows it: a refusal (409) of the record's state.
                throw new ConflictException(
                        refused.needsConsultation() ? "timesheet.consultFirst" : "timesheet.refused");
            }
            return "timesheet.approved";
        });
    }

    /** Handed over, the hours are no longer the caller's to see: back to the list. */
    @PostMapping("/timesheets/{id}/hand-over")
    String handOver(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID approverId,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/timesheets", "/timesheets/" + id, () -> {
            timesheets.handOver(user, new TimesheetEntryId(id), new PersonId(approverId));
            return "timesheet.handedOver";
        });
    }

    private void addListModel(SignedInUser user, Model model) {
        model.addAttribute("mine", timesheets.mine(user));
        model.addAttribute("waiting", timesheets.waitingFor(user));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("myApprover", timesheets.approverOf(user).orElse(null));
    }
}
