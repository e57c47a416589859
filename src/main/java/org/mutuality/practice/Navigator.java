package org.mutuality.practice;

import java.util.ArrayList;
import java.util.List;
import org.mutuality.practice.NavigatorAnswers.Answer;
import org.mutuality.practice.NavigatorAnswers.Beneficiary;
import org.mutuality.practice.NavigatorAnswers.BoundaryArea;
import org.mutuality.practice.NavigatorSummary.Reading;
import org.mutuality.practice.NavigatorSummary.Suggestion;

/**
 * The dilemma navigator's reasoning (S16): a pure function from the answers to a summary. It walks
 * one situation through four public frameworks, in this order:
 *
 * <ol>
 *   <li><b>Gottlieb's three dimensions.</b> Power, duration and the clarity of the ending each read
 *       low, medium or high; the overall reading is the highest of the three, since one dimension at
 *       high is enough to make a second relationship risky.
 *   <li><b>APA 3.05.</b> A second relationship that could reasonably be expected to impair the
 *       worker's objectivity, or to risk exploiting or harming the other person, is one to step back
 *       from; not knowing is a reason to consult.
 *   <li><b>Reamer's boundary areas.</b> An intimate relationship is one to step back from; one that
 *       brings the worker a benefit or meets their own emotional needs is one to consult on; a
 *       kindness and an unavoidable meeting are usually fine with care.
 *   <li><b>Younggren and Gottlieb's risk questions.</b> A relationship that serves the worker, that
 *       could be avoided, that a colleague would not support, or whose reasoning would not be on
 *       record, is one to consult on first.
 * </ol>
 *
 * The suggestion is the strongest that any rule reaches; the reasons list every rule that spoke, in
 * the order above. Nothing is stored: the summary is the worker's to keep or to drop.
 */
public final class Navigator {

    private Navigator() {}

    /** The summary of one walk through the navigator; never null, with at least one reason. */
    public static NavigatorSummary summarize(NavigatorAnswers a) {
        Reading power = switch (a.power()) {
            case LITTLE -> Reading.LOW;
            case SOME -> Reading.MEDIUM;
            case GREAT -> Reading.HIGH;
        };
        Reading duration = switch (a.duration()) {
            case BRIEF -> Reading.LOW;
            case MONTHS -> Reading.MEDIUM;
            case LONG -> Reading.HIGH;
        };
        Reading ending = switch (a.ending()) {
            case CLEAR -> Reading.LOW;
            case UNCERTAIN -> Reading.MEDIUM;
            case OPEN -> Reading.HIGH;
        };
        Reading overall = highest(power, highest(duration, ending));
        Suggestion suggestion = Suggestion.GO_AHEAD_WITH_CARE;
        List<String> reasons = new ArrayList<>();

        if (overall == Reading.HIGH) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.dimensionsHigh");
        } else if (overall == Reading.MEDIUM) {
            reasons.add("navigator.reason.dimensionsMedium");
        } else {
            reasons.add("navigator.reason.dimensionsLow");
        }

        if (a.objectivity() == Answer.YES || a.exploitation() == Answer.YES || a.harm() == Answer.YES) {
            suggestion = stronger(suggestion, Suggestion.STEP_BACK);
            reasons.add("navigator.reason.apaRisk");
        } else if (a.objectivity() == Answer.UNSURE || a.exploitation() == Answer.UNSURE || a.harm() == Answer.UNSURE) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.apaUnsure");
        }

        if (a.areas().contains(BoundaryArea.INTIMATE)) {
            suggestion = stronger(suggestion, Suggestion.STEP_BACK);
            reasons.add("navigator.reason.intimate");
        }
        if (a.areas().contains(BoundaryArea.PERSONAL_BENEFIT)) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.personalBenefit");
        }
        if (a.areas().contains(BoundaryArea.EMOTIONAL_DEPENDENCY)) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.emotional");
        }
        if (a.areas().contains(BoundaryArea.ALTRUISTIC)) {
            reasons.add("navigator.reason.altruistic");
        }
        if (a.areas().contains(BoundaryArea.UNAVOIDABLE)) {
            reasons.add("navigator.reason.unavoidable");
        }

        if (a.beneficiary() == Beneficiary.WORKER) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.servesWorker");
        }
        if (a.avoidable() == Answer.YES) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.avoidable");
        }
        if (a.consultation() != Answer.YES) {
            suggestion = stronger(suggestion, Suggestion.CONSULT_FIRST);
            reasons.add("navigator.reason.noConsultation");
        }
        if (a.documented() != Answer.YES) {
            reasons.add("navigator.reason.document");
        }
        return new NavigatorSummary(power, duration, ending, overall, suggestion, reasons);
    }

    private static Reading highest(Reading a, Reading b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Suggestion stronger(Suggestion a, Suggestion b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
