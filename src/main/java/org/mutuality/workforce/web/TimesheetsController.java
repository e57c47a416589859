package org.mutuality.workforce.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.Refusals;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.ApprovalOutcome;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetCursor;
import org.mutuality.workforce.TimesheetDecision;
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
    static final String WEEKS_VIEW = "workforce/timesheet-weeks";

    /** How many weeks the pages show: about two months. */
    static final int WEEKS = 8;

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
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        addListModel(user, TimesheetCursor.parse(after), model);
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
        addListModel(user, null, model);
        return LIST;
    }

    @GetMapping("/timesheets/{id}")
    String entry(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        TimesheetEntry entry = timesheets.read(user, new TimesheetEntryId(id));
        boolean approver = entry.status() == TimesheetEntry.Status.SUBMITTED
                && user.personId().equals(entry.approver());
        List<TimesheetDecision> decisions = timesheets.decisions(user, entry.id());
        model.addAttribute("entry", entry);
        model.addAttribute("decisions", decisions);
        model.addAttribute("versions", timesheets.versions(user, entry.id()));
        model.addAttribute("isWorker", user.isSelf(entry.person()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("asked", lastAsked(entry, decisions));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("isApprover", approver);
        if (approver) {
            model.addAttribute("check", timesheets.preview(user, entry));
            model.addAttribute(
                    "otherWaiting",
                    timesheets.waitingFor(user).stream()
                            .filter(e -> e.person().equals(entry.person()) && !e.id().equals(entry.id()))
                            .count());
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
            refusedByPolicy(timesheets.approve(user, new TimesheetEntryId(id), consulted, note), "timesheet.refused");
            return "timesheet.approved";
        });
    }

    /** Asked, the question waits for the worker: the entry shows it. */
    @PostMapping("/timesheets/{id}/question")
    String question(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean consulted,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        String entry = "/timesheets/" + id;
        return pages.act(redirect, entry, entry, Map.of("formQuestion", text), () -> {
            refusedByPolicy(
                    timesheets.question(user, new TimesheetEntryId(id), consulted, text), "timesheet.refusedToAsk");
            return "timesheet.questionAsked";
        });
    }

    @PostMapping("/timesheets/{id}/return")
    String sendBack(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean consulted,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        String entry = "/timesheets/" + id;
        return pages.act(redirect, entry, entry, Map.of("formReason", reason), () -> {
            refusedByPolicy(
                    timesheets.sendBack(user, new TimesheetEntryId(id), consulted, reason), "timesheet.refusedToAsk");
            return "timesheet.returnedToWorker";
        });
    }

    @PostMapping("/timesheets/{id}/answer")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        String entry = "/timesheets/" + id;
        return pages.act(redirect, entry, entry, Map.of("formAnswer", text), () -> {
            timesheets.answer(user, new TimesheetEntryId(id), text);
            return "timesheet.answerSent";
        });
    }

    /** On a refusal the correction form is drawn again with what was typed. */
    @PostMapping("/timesheets/{id}/correct")
    String correct(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String hours,
            @RequestParam(defaultValue = "") String activity,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        String entry = "/timesheets/" + id;
        Map<String, Object> typed = new HashMap<>();
        if (date != null) {
            typed.put("formDate", date.toString());
        }
        if (hours != null) {
            typed.put("formHours", hours);
        }
        typed.put("formActivity", activity);
        if (note != null) {
            typed.put("formNote", note);
        }
        return pages.act(redirect, entry, entry, typed, () -> {
            timesheets.correct(user, new TimesheetEntryId(id), RecordHours.typed(date, hours, activity), note);
            return "timesheet.correctionSent";
        });
    }

    /**
     * A person's weeks: hours recorded beside direct-support time, for their supervisor and whoever
     * approves their hours (the person sees their own on the hours page). Anyone else: not found.
     */
    @GetMapping("/timesheets/weeks/{id}")
    String weeks(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        PersonId person = new PersonId(id);
        model.addAttribute("weeks", timesheets.weeks(user, person, WEEKS));
        model.addAttribute("person", person);
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return WEEKS_VIEW;
    }

    /** Handed over, the hours are no longer the caller's to see: back to the list. */
    @PostMapping("/timesheets/{id}/hand-over")
    String handOver(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID approverId,
            @RequestParam(defaultValue = "false") boolean allOfWorker,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/timesheets", "/timesheets/" + id, () -> {
            if (allOfWorker) {
                timesheets.handOverAllOf(user, new TimesheetEntryId(id), new PersonId(approverId));
            } else {
                timesheets.handOver(user, new TimesheetEntryId(id), new PersonId(approverId));
            }
            return "timesheet.handedOver";
        });
    }

    /** Shown as the API shows it: a refusal (409) of the record's state. */
    private static void refusedByPolicy(ApprovalOutcome outcome, String refusedKey) {
        if (outcome instanceof ApprovalOutcome.Refused refused) {
            throw new ConflictException(refused.needsConsultation() ? "timesheet.consultFirst" : refusedKey);
        }
    }

    /** The question or the reason the entry now waits on, when it waits on the worker. */
    private static @Nullable TimesheetDecision lastAsked(TimesheetEntry entry, List<TimesheetDecision> decisions) {
        if (entry.status() != TimesheetEntry.Status.QUESTIONED && entry.status() != TimesheetEntry.Status.RETURNED) {
            return null;
        }
        TimesheetDecision asked = null;
        for (TimesheetDecision d : decisions) {
            if (d.outcome() == TimesheetDecision.Outcome.QUESTIONED
                    || d.outcome() == TimesheetDecision.Outcome.RETURNED) {
                asked = d;
            }
        }
        return asked;
    }

    /** The page, with the newest of the caller's hours or those after {@code after}. */
    private void addListModel(SignedInUser user, @Nullable TimesheetCursor after, Model model) {
        Page<TimesheetEntry> mine = timesheets.mine(user, after, Timesheets.PAGE);
        model.addAttribute("mine", mine.items());
        model.addAttribute("next", mine.next());
        model.addAttribute("older", after != null);
        model.addAttribute("waiting", timesheets.waitingFor(user));
        model.addAttribute("withWorker", timesheets.withTheirWorker(user));
        model.addAttribute("others", timesheets.weeksOfOthers(user));
        if (user.isStaff()) {
            model.addAttribute("myWeeks", timesheets.weeks(user, user.personId(), WEEKS));
        }
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("today", LocalDate.now(clock));
        if (user.isStaff()) {
            model.addAttribute("myRoute", timesheets.routeOf(user));
        }
    }
}
