package org.mutuality.fidelity;

import java.util.List;
import org.mutuality.directory.PersonId;

/**
 * Participant feedback as managers, supervisors and the privacy lead see it: the questions, each
 * one's mean over the agency, and per worker (by name, never ranked) the same figures. Every figure
 * is a {@link SmallCell}: drawn from fewer than five answers, it reads "fewer than 5".
 */
public record FeedbackSummary(
        List<Wording> questions, SmallCell responses, List<SmallCell> overall, List<Worker> workers) {

    /** One worker's figures, in the order of the questions. */
    public record Worker(PersonId worker, String name, SmallCell responses, List<SmallCell> means) {}
}
