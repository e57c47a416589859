package org.mutuality.practice;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Text;

/**
 * What a worker answers when they walk one situation through the dilemma navigator. Each question is
 * the navigator's own wording of a public framework (see {@link Navigator}); nothing here is stored
 * unless the worker saves the summary to their journal.
 *
 * @param situation the situation in the worker's words, optional, at most 1,000 characters
 * @param objectivity APA 3.05: could the second relationship impair the worker's objectivity or
 *     effectiveness?
 * @param exploitation APA 3.05: could it risk exploiting the other person?
 * @param harm APA 3.05: could it risk harm to the other person?
 * @param power Gottlieb: the difference of power between the two people
 * @param duration Gottlieb: how long the working relationship lasts
 * @param ending Gottlieb: how clearly the working relationship ends
 * @param beneficiary Younggren and Gottlieb: whom the second relationship serves
 * @param avoidable Younggren and Gottlieb: could it be avoided?
 * @param consultation Younggren and Gottlieb: would a colleague consulted agree with going ahead?
 * @param documented Younggren and Gottlieb: would the record show the reasoning and the safeguards?
 * @param areas Reamer: the boundary areas it touches (none, one or several)
 */
public record NavigatorAnswers(
        @Nullable String situation,
        Answer objectivity,
        Answer exploitation,
        Answer harm,
        Power power,
        Duration duration,
        Ending ending,
        Beneficiary beneficiary,
        Answer avoidable,
        Answer consultation,
        Answer documented,
        Set<BoundaryArea> areas) {

    public NavigatorAnswers {
        situation = Text.optional("situation", situation, Text.Limit.NOTE);
        Objects.requireNonNull(objectivity, "objectivity");
        Objects.requireNonNull(exploitation, "exploitation");
        Objects.requireNonNull(harm, "harm");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(avoidable, "avoidable");
        Objects.requireNonNull(consultation, "consultation");
        Objects.requireNonNull(documented, "documented");
        areas = areas == null || areas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(areas));
    }

    /** An answer to a yes-or-no question, where not knowing is an answer too. */
    public enum Answer {
        YES,
        NO,
        UNSURE
    }

    /** The difference of power: little (two peers), some, or great (the worker decides for the person). */
    public enum Power {
        LITTLE,
        SOME,
        GREAT
    }

    /** How long the working relationship lasts: a single contact, weeks to months, or open-ended. */
    public enum Duration {
        BRIEF,
        MONTHS,
        LONG
    }

    /** How it ends: at a set point both know, uncertain, or with no end in view. */
    public enum Ending {
        CLEAR,
        UNCERTAIN,
        OPEN
    }

    /** Whom the second relationship serves. */
    public enum Beneficiary {
        PARTICIPANT,
        BOTH,
        WORKER
    }

    /** Reamer's areas of boundary questions, in the navigator's words. */
    public enum BoundaryArea {
        /** Romance, sex, or physical closeness. */
        INTIMATE,
        /** Money, favours, business or any gain for the worker. */
        PERSONAL_BENEFIT,
        /** The worker's own emotional needs, or a dependency in either direction. */
        EMOTIONAL_DEPENDENCY,
        /** A kindness: a gift, extra time, help beyond the role. */
        ALTRUISTIC,
        /** Small places, shared communities, meetings nobody planned. */
        UNAVOIDABLE
    }
}
