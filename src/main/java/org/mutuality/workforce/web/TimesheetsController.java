package org.mutuality.workforce.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.Refusals;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.ApprovalOutcome;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetEntry;
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

/** Hours: recording one's own, and approving others' with the conflict check in the way (S1). */
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
        this.pages = pages;
        this.refusals = refusals;
        this.timesheets = timesheets;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/timesheets")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        addListModel(user, model);
        return LIST;
    }

    @PostMapping("/timesheets")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String hours,
            @RequestParam(defaultValue = "") String activity,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (date == null || hours == null || hours.isBlank()) {
                throw new IllegalArgumentException("Enter the day and the number of hours.");
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(hours.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hours must be a number such as 3.5");
            }
            timesheets.record(user, new RecordHours(date, amount, activity));
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
        TimesheetEntry entry = timesheets.read(user, id);
        model.addAttribute("entry", entry);
        model.addAttribute("decisions", timesheets.decisions(user, id));
        model.addAttribute("names", names(user));
        boolean approver = entry.status() == TimesheetEntry.Status.SUBMITTED
                && user.personId().equals(entry.approver());
        model.addAttribute("isApprover", approver);
        if (approver && !model.containsAttribute("check")) {
            ConflictDecision preview = timesheets.preview(user, entry);
            model.addAttribute("check", preview);
        }
        return ENTRY;
    }

    @PostMapping("/timesheets/{id}/approve")
    String approve(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean consulted,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            ApprovalOutcome outcome = timesheets.approve(user, id, consulted, note);
            if (outcome instanceof ApprovalOutcome.Approved) {
                redirect.addFlashAttribute("notice", "timesheet.approved");
            } else if (outcome instanceof ApprovalOutcome.Refused refused) {
                redirect.addFlashAttribute(
                        "problem", refused.needsConsultation() ? "timesheet.consultFirst" : "timesheet.refused");
            }
        } catch (ForbiddenException | ConflictException e) {
            refusals.recordIfRefusal(e);
            pages.problem(redirect, e);
        }
        return "redirect:/timesheets/" + id;
    }

    @PostMapping("/timesheets/{id}/hand-over")
    String handOver(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID approverId,
            RedirectAttributes redirect) {
        try {
            timesheets.handOver(user, id, new PersonId(approverId));
            redirect.addFlashAttribute("notice", "timesheet.handedOver");
            return "redirect:/timesheets";
        } catch (IllegalArgumentException | ForbiddenException | ConflictException e) {
            refusals.recordIfRefusal(e);
            pages.problem(redirect, e);
            return "redirect:/timesheets/" + id;
        }
    }

    private void addListModel(SignedInUser user, Model model) {
        model.addAttribute("mine", timesheets.mine(user));
        model.addAttribute("waiting", timesheets.waitingFor(user));
        model.addAttribute("names", names(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("myApprover", timesheets.approverOf(user).orElse(null));
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
