package org.mutuality.practice;

import java.util.Locale;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ForbiddenException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dilemma navigator's summary as words, in the reader's language: what the worker keeps in their
 * journal, and what a consultation can attach ({@link #text}). Nothing is stored here.
 */
@Component
public class NavigatorText {

    private final MessageSource messages;
    private final Journal journal;

    NavigatorText(MessageSource messages, Journal journal) {
        this.messages = messages;
        this.journal = journal;
    }

    /**
     * The summary as plain text (a few short paragraphs, under 4,000 characters): the situation if
     * the worker wrote one, the three readings and the overall one, what the answers suggest, the
     * reasons, and the boundary areas. For the journal and for a consultation that attaches it; never
     * null.
     */
    public String text(NavigatorAnswers answers, NavigatorSummary summary, Locale locale) {
        StringBuilder t = new StringBuilder();
        t.append(say("navigator.summary.title", locale)).append('\n');
        if (answers.situation() != null) {
            t.append('\n').append(answers.situation()).append('\n');
        }
        t.append('\n')
                .append(say(
                        "navigator.summary.readings",
                        locale,
                        reading(summary.power(), locale),
                        reading(summary.duration(), locale),
                        reading(summary.ending(), locale),
                        reading(summary.overall(), locale)))
                .append('\n');
        t.append(say("navigator.suggestion." + summary.suggestion().name(), locale))
                .append('\n');
        for (String reason : summary.reasons()) {
            t.append("- ").append(say(reason, locale)).append('\n');
        }
        if (!answers.areas().isEmpty()) {
            StringBuilder areas = new StringBuilder();
            for (NavigatorAnswers.BoundaryArea area : NavigatorAnswers.BoundaryArea.values()) {
                if (answers.areas().contains(area)) {
                    areas.append(areas.isEmpty() ? "" : ", ").append(say("navigator.area." + area.name(), locale));
                }
            }
            t.append(say("navigator.summary.areas", locale, areas.toString())).append('\n');
        }
        return t.toString().strip();
    }

    /**
     * The summary of the worker's answers.
     *
     * @throws ForbiddenException ({@code navigator.staffOnly}) when the caller is not staff
     */
    public NavigatorSummary summarize(SignedInUser worker, NavigatorAnswers answers) {
        if (!worker.isStaff()) {
            throw new ForbiddenException("navigator.staffOnly");
        }
        return Navigator.summarize(answers);
    }

    /**
     * Saves the summary as a new private entry of the worker's journal (prompt {@link
     * JournalPrompt#DILEMMA}); sharing it is the worker's next choice.
     */
    public JournalEntry saveToJournal(SignedInUser worker, NavigatorAnswers answers, Locale locale) {
        return journal.write(worker, JournalPrompt.DILEMMA, text(answers, Navigator.summarize(answers), locale));
    }

    private String reading(NavigatorSummary.Reading r, Locale locale) {
        return say("navigator.reading." + r.name(), locale);
    }

    private String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
