package org.mutuality.fidelity.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.fidelity.Feedback;
import org.mutuality.fidelity.Questionnaires;
import org.mutuality.fidelity.Result;
import org.mutuality.fidelity.Scale;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.LocalTimes;
import org.mutuality.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant's questionnaire pages (what is due, a questionnaire to complete, their results as
 * a chart with the same figures in a table, and whether their peer worker sees them), a
 * participant's results for their peer worker, and the feedback pages.
 */
@Controller
class QuestionnairesController {

    static final String LIST = "fidelity/questionnaires";
    static final String FORM = "fidelity/questionnaire";
    static final String RESULTS = "fidelity/results";
    static final String FEEDBACK = "fidelity/feedback";
    static final String FIGURES = "fidelity/feedback-figures";

    /** The most results a chart draws: the latest ones. */
    static final int CHART = 24;

    private final Questionnaires questionnaires;
    private final Feedback feedback;
    private final Directory directory;
    private final LocalTimes times;
    private final MessageSource messages;
    private final Pages pages;

    QuestionnairesController(
            Questionnaires questionnaires,
            Feedback feedback,
            Directory directory,
            LocalTimes times,
            MessageSource messages,
            Pages pages) {
        this.questionnaires = questionnaires;
        this.feedback = feedback;
        this.directory = directory;
        this.times = times;
        this.messages = messages;
        this.pages = pages;
    }

    @GetMapping("/questionnaires")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("due", questionnaires.due(user));
        model.addAttribute("shared", questionnaires.sharing(user));
        return LIST;
    }

    @GetMapping("/questionnaires/{code}")
    String form(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
        questionnaires.due(user);
        model.addAttribute("scale", questionnaires.scale(user.agencyId(), code));
        return FORM;
    }

    @PostMapping("/questionnaires/{code}")
    String respond(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Scale scale = questionnaires.scale(user.agencyId(), code);
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= scale.items().size(); i++) {
            answers.add(number(form.get("item" + i)));
        }
        return pages.act(redirect, "/questionnaires/" + code + "/results", "/questionnaires/" + code, () -> {
            questionnaires.respond(user, code, answers);
            return "questionnaire.saved";
        });
    }

    @GetMapping("/questionnaires/{code}/results")
    String results(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Locale locale, Model model) {
        Page<Result> page = questionnaires.mine(user, code, null, CHART);
        draw(user, model, questionnaires.scale(user.agencyId(), code), page, locale, null);
        model.addAttribute("shared", questionnaires.sharing(user));
        return RESULTS;
    }

    @PostMapping("/questionnaires/sharing")
    String share(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean shared,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                shared ? "questionnaire.sharedNow" : "questionnaire.privateNow",
                "/questionnaires",
                () -> questionnaires.share(user, shared));
    }

    @GetMapping("/people/{id}/questionnaires/{code}/results")
    String resultsOf(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable String code,
            Locale locale,
            Model model) {
        PersonId person = new PersonId(id);
        Page<Result> page = questionnaires.of(user, person, code, null, CHART);
        draw(user, model, questionnaires.scale(user.agencyId(), code), page, locale, person);
        return RESULTS;
    }

    @GetMapping("/feedback")
    String feedbackForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        model.addAttribute("questions", feedback.questions(user.agencyId()));
        model.addAttribute(
                "workers",
                feedback.workers(user).stream()
                        .map(w -> Map.entry(w.value(), names.getOrDefault(w, "")))
                        .toList());
        model.addAttribute("lowest", Feedback.LOWEST);
        model.addAttribute("highest", Feedback.HIGHEST);
        return FEEDBACK;
    }

    @PostMapping("/feedback")
    String give(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        int count = feedback.questions(user.agencyId()).size();
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            answers.add(number(form.get("q" + i)));
        }
        UUID worker = uuid(form.get("workerId"));
        boolean anonymous = "true".equals(form.get("anonymous"));
        return pages.act(redirect, "/feedback", "/feedback", () -> {
            if (worker == null) {
                throw new org.mutuality.shared.BadInputException(
                        "text.required", org.mutuality.shared.Explanation.field("workerId"));
            }
            feedback.give(user, new PersonId(worker), anonymous, answers);
            return "feedback.saved";
        });
    }

    @GetMapping("/fidelity/feedback")
    String figures(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("summary", feedback.summary(user));
        return FIGURES;
    }

    private void draw(
            SignedInUser user, Model model, Scale scale, Page<Result> page, Locale locale, @Nullable PersonId person) {
        List<Result> oldestFirst = new ArrayList<>(page.items());
        java.util.Collections.reverse(oldestFirst);
        DateTimeFormatter day =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        List<LineChart.Point> points = oldestFirst.stream()
                .map(r -> new LineChart.Point(
                        LocalDate.ofInstant(r.answeredAt(), times.zone()).format(day),
                        r.score().scaled()))
                .toList();
        String title = scale.title().in(locale);
        model.addAttribute("scale", scale);
        model.addAttribute("scaleTitle", title);
        model.addAttribute("results", oldestFirst);
        model.addAttribute("person", person);
        model.addAttribute(
                "personName",
                person == null ? null : directory.displayNames(user.agencyId()).get(person));
        model.addAttribute(
                "chart",
                oldestFirst.isEmpty()
                        ? null
                        : LineChart.svg(
                                points,
                                scale.highest(),
                                messages.getMessage("questionnaire.chartName", new Object[] {title}, locale)));
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
