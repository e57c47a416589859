package org.mutuality.practice.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.Consultations;
import org.mutuality.practice.JournalEntry;
import org.mutuality.practice.NavigatorAnswers;
import org.mutuality.practice.NavigatorText;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dilemma navigator's page: the questions, then the summary with the answers kept in the form,
 * so the worker can change one and look again, save the summary to their journal, or attach it to
 * an open consultation they asked. Opened from a consultation ({@code ?consultationId=}), it offers
 * that one.
 */
@Controller
class NavigatorController {

    static final String VIEW = "practice/navigator";

    private final NavigatorText navigator;
    private final Consultations consultations;
    private final Directory directory;
    private final Pages pages;

    NavigatorController(NavigatorText navigator, Consultations consultations, Directory directory, Pages pages) {
        this.navigator = navigator;
        this.consultations = consultations;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/navigator")
    String form(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID consultationId,
            Model model) {
        requireStaff(user);
        model.addAttribute("consultationId", consultationId);
        return show(model, new NavigatorForm(null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @PostMapping("/navigator")
    String summarize(
            @AuthenticationPrincipal SignedInUser user,
            @ModelAttribute NavigatorForm form,
            @RequestParam(required = false) @Nullable UUID consultationId,
            Model model,
            Locale locale) {
        requireStaff(user);
        model.addAttribute("consultationId", consultationId);
        try {
            NavigatorAnswers answers = form.answers();
            var summary = navigator.summarize(user, answers);
            model.addAttribute("summary", summary);
            model.addAttribute("summaryText", navigator.text(answers, summary, locale));
            model.addAttribute("attachTo", attachable(user, consultationId));
            model.addAttribute("names", directory.displayNames(user.agencyId()));
        } catch (IllegalArgumentException e) {
            pages.problem(model, e);
        }
        return show(model, form);
    }

    /** The open consultations the worker asked; only the one they came from, when it is one of them. */
    private List<Consultations.View> attachable(SignedInUser user, @Nullable UUID from) {
        List<Consultations.View> open = consultations.openAskedBy(user);
        List<Consultations.View> that = open.stream()
                .filter(v -> v.consultation().id().value().equals(from))
                .toList();
        return that.isEmpty() ? open : that;
    }

    @PostMapping("/navigator/save")
    String save(
            @AuthenticationPrincipal SignedInUser user,
            @ModelAttribute NavigatorForm form,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            JournalEntry saved = navigator.saveToJournal(user, form.answers(), locale);
            redirect.addFlashAttribute("notice", "navigator.saved");
            return "redirect:/journal/" + saved.id();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/navigator";
        }
    }

    private static void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("navigator.staffOnly");
        }
    }

    private static String show(Model model, NavigatorForm form) {
        model.addAttribute("form", form);
        model.addAttribute("answers", NavigatorAnswers.Answer.values());
        model.addAttribute("powers", NavigatorAnswers.Power.values());
        model.addAttribute("durations", NavigatorAnswers.Duration.values());
        model.addAttribute("endings", NavigatorAnswers.Ending.values());
        model.addAttribute("beneficiaries", NavigatorAnswers.Beneficiary.values());
        model.addAttribute("areas", NavigatorAnswers.BoundaryArea.values());
        model.addAttribute(
                "questions", List.of("objectivity", "exploitation", "harm", "avoidable", "consultation", "documented"));
        return VIEW;
    }
}
