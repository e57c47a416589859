package org.mutuality.practice;

/**
 * The short question an entry answers; an entry may also be free ({@code null}). The page words each
 * one in the reader's language ({@code journal.prompt.<NAME>} and its hint); the journal keeps the
 * name only, so the question never needs encrypting.
 */
public enum JournalPrompt {
    /** What each person gave and received in a conversation. */
    MUTUALITY,
    /** Sharing one's own story: what, why, and for whom. */
    SELF_DISCLOSURE,
    /** A line that felt close, or was crossed, and what to do next time. */
    BOUNDARIES,
    /** What the work takes from the worker and what gives it back. */
    SELF_CARE,
    /** A dilemma walked through the navigator: its summary. */
    DILEMMA
}
