package org.mutuality.fidelity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.fidelity.Feedback;
import org.mutuality.fidelity.FeedbackSummary;
import org.mutuality.fidelity.SmallCell;
import org.mutuality.fidelity.Wording;
import org.mutuality.shared.Text;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participant feedback on peer support: the caller's form and answers under {@code /api/v1/me/feedback},
 * the agency's figures and questions under {@code /api/v1/fidelity/feedback}. A figure drawn from fewer
 * than five answers carries {@code "fewerThanFive": true} and no number.
 */
@RestController
class FeedbackApi {

    private final Feedback feedback;
    private final Directory directory;

    FeedbackApi(Feedback feedback, Directory directory) {
        this.feedback = feedback;
        this.directory = directory;
    }

    /** The questions and the peer workers the caller may give feedback about. */
    @GetMapping("/api/v1/me/feedback")
    FormJson form(@AuthenticationPrincipal SignedInUser user) {
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        return new FormJson(
                feedback.questions(user.agencyId()).stream()
                        .map(QuestionJson::of)
                        .toList(),
                feedback.workers(user).stream()
                        .map(w -> new WorkerJson(w.value(), names.getOrDefault(w, "")))
                        .toList());
    }

    @PostMapping("/api/v1/me/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void give(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody GiveBody body) {
        feedback.give(user, new PersonId(body.workerId()), Boolean.TRUE.equals(body.anonymous()), body.answers());
    }

    @GetMapping("/api/v1/fidelity/feedback")
    SummaryJson summary(@AuthenticationPrincipal SignedInUser user) {
        return SummaryJson.of(feedback.summary(user));
    }

    @PutMapping("/api/v1/fidelity/feedback/questions")
    List<QuestionJson> questions(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody QuestionsBody body) {
        List<Wording> questions = body.questions().stream()
                .map(q -> q == null
                        ? Wording.required("questions", null, null, Text.Limit.LINE)
                        : Wording.required("questions", q.en(), q.fr(), Text.Limit.LINE))
                .toList();
        return feedback.setQuestions(user, questions).stream()
                .map(QuestionJson::of)
                .toList();
    }

    record GiveBody(
            @NotNull UUID workerId,
            @Nullable Boolean anonymous,
            @NotNull List<Integer> answers) {}

    record QuestionJson(@Nullable String en, @Nullable String fr) {
        static QuestionJson of(Wording w) {
            return new QuestionJson(w.en(), w.fr());
        }
    }

    record QuestionsBody(@NotNull List<QuestionJson> questions) {}

    record WorkerJson(UUID id, String name) {}

    record FormJson(List<QuestionJson> questions, List<WorkerJson> workers) {}

    /** A figure: its count and mean, or {@code fewerThanFive} and neither. */
    record FigureJson(
            boolean fewerThanFive,
            @Nullable Integer count,
            @Nullable BigDecimal mean) {
        static FigureJson of(SmallCell c) {
            return new FigureJson(
                    c.suppressed(),
                    c.shownCount().isPresent() ? c.shownCount().getAsInt() : null,
                    c.shownMean().orElse(null));
        }
    }

    record WorkerFiguresJson(UUID workerId, String name, FigureJson responses, List<FigureJson> means) {}

    record SummaryJson(
            List<QuestionJson> questions,
            FigureJson responses,
            List<FigureJson> overall,
            List<WorkerFiguresJson> workers) {
        static SummaryJson of(FeedbackSummary s) {
            return new SummaryJson(
                    s.questions().stream().map(QuestionJson::of).toList(),
                    FigureJson.of(s.responses()),
                    s.overall().stream().map(FigureJson::of).toList(),
                    s.workers().stream()
                            .map(w -> new WorkerFiguresJson(
                                    w.worker().value(),
                                    w.name(),
                                    FigureJson.of(w.responses()),
                                    w.means().stream().map(FigureJson::of).toList()))
                            .toList());
        }
    }
}
