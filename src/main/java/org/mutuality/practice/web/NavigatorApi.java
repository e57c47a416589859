package org.mutuality.practice.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.JournalEntry;
import org.mutuality.practice.NavigatorAnswers;
import org.mutuality.practice.NavigatorSummary;
import org.mutuality.practice.NavigatorText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dilemma navigator under {@code /api/v1/navigator}: the answers in, the summary out. Nothing is
 * stored, unless {@code ?save=true} asks for the summary to become a private entry of the caller's
 * journal (201 with its id).
 */
@RestController
class NavigatorApi {

    private final NavigatorText navigator;

    NavigatorApi(NavigatorText navigator) {
        this.navigator = navigator;
    }

    @PostMapping("/api/v1/navigator")
    ResponseEntity<SummaryJson> summarize(
            @AuthenticationPrincipal SignedInUser user,
            @RequestBody NavigatorForm body,
            @RequestParam(defaultValue = "false") boolean save,
            Locale locale) {
        NavigatorAnswers answers = body.answers();
        NavigatorSummary summary = navigator.summarize(user, answers);
        String text = navigator.text(answers, summary, locale);
        if (!save) {
            return ResponseEntity.ok(SummaryJson.of(summary, text, null));
        }
        JournalEntry saved = navigator.saveToJournal(user, answers, locale);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(SummaryJson.of(summary, text, saved.id().value()));
    }

    /**
     * @param text the summary in the caller's language, as the journal keeps it
     * @param journalEntryId the entry it was saved as, or null when not saved
     */
    record SummaryJson(
            NavigatorSummary.Reading power,
            NavigatorSummary.Reading duration,
            NavigatorSummary.Reading ending,
            NavigatorSummary.Reading overall,
            NavigatorSummary.Suggestion suggestion,
            List<String> reasons,
            String text,
            @Nullable UUID journalEntryId) {
        static SummaryJson of(NavigatorSummary s, String text, @Nullable UUID saved) {
            return new SummaryJson(
                    s.power(), s.duration(), s.ending(), s.overall(), s.suggestion(), s.reasons(), text, saved);
        }
    }
}
