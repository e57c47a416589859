package org.mutuality.fidelity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.fidelity.store.FeedbackStore;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participant feedback on peer support (issue 17, part 3; ADR 0037). The rules, in order:
 *
 * <ol>
 *   <li>a participant answers the agency's questions, each from 1 (not at all) to 5 (completely),
 *       about a peer worker who supports them today, named or anonymously;
 *   <li>an anonymous answer keeps no trace of its author: no person id, only the month, and no
 *       audit entry (a named one writes none either, so the two look alike in the log);
 *   <li>managers, supervisors and the privacy lead see the figures; any figure drawn from fewer
 *       than five answers reads "fewer than 5" ({@link SmallCell}); workers are listed by name,
 *       never ranked;
 *   <li>administrators and managers set the questions, until the first answer is given.
 * </ol>
 */
@Service
public class Feedback {

    /** The lowest and highest answer. */
    public static final int LOWEST = 1;

    public static final int HIGHEST = 5;

    /** The questions an agency starts with. */
    static final List<Wording> STARTING = List.of(
            new Wording("I felt heard by my peer worker.", "Je me suis senti·e entendu·e par ma ou mon pair aidant·e."),
            new Wording("I had a choice in the support I received.", "J'ai eu le choix dans le soutien que j'ai reçu."),
            new Wording(
                    "I would recommend peer support to someone like me.",
                    "Je recommanderais le soutien par les pairs à une personne comme moi."));

    private final FeedbackStore store;
    private final RelationshipRegister relationships;
    private final Directory directory;
    private final Clock clock;

    Feedback(FeedbackStore store, RelationshipRegister relationships, Directory directory, Clock clock) {
        this.store = store;
        this.relationships = relationships;
        this.directory = directory;
        this.clock = clock;
    }

    /** The agency's questions, in order; the starting three until it sets its own. */
    @Transactional(readOnly = true)
    public List<Wording> questions(AgencyId agency) {
        List<Wording> own = store.questions(agency);
        return own.isEmpty() ? STARTING : own;
    }

    /** The peer workers who support the caller today, whom they may give feedback about. */
    @Transactional(readOnly = true)
    public Set<PersonId> workers(SignedInUser user) {
        return relationships.currentOf(user.agencyId(), user.personId()).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPPORTS
                        && r.personB().equals(user.personId())
                        && !r.personA().equals(user.personId()))
                .map(r -> r.personA())
                .collect(Collectors.toSet());
    }

    /**
     * Records the caller's answers about a worker who supports them, one per question in order.
     *
     * @throws ForbiddenException ({@code questionnaire.participantsOnly}) unless a participant
     * @throws NotFoundException when the worker does not support the caller today, as for no one
     * @throws BadInputException when a question is unanswered or an answer is not 1 to 5; nothing saved
     */
    @Transactional
    public void give(SignedInUser user, PersonId worker, boolean anonymous, List<Integer> answers) {
        if (!user.has(Role.PARTICIPANT)) {
            throw new ForbiddenException("questionnaire.participantsOnly");
        }
        if (!workers(user).contains(worker)) {
            throw new NotFoundException("notFound.worker", worker);
        }
        List<Wording> questions = questions(user.agencyId());
        if (answers.size() != questions.size()) {
            throw new BadInputException(
                    "questionnaire.everyItem",
                    org.mutuality.shared.Explanation.field("answers"),
                    questions.size(),
                    answers.size());
        }
        for (int i = 0; i < answers.size(); i++) {
            Integer a = answers.get(i);
            if (a == null || a < LOWEST || a > HIGHEST) {
                throw new BadInputException("questionnaire.notAnOption", i + 1);
            }
        }
        LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
        store.give(user.agencyId(), worker, anonymous ? null : user.personId(), month, answers);
    }

    /**
     * Replaces the agency's questions.
     *
     * @throws ForbiddenException ({@code questionnaire.definersOnly}) unless an administrator or manager
     * @throws ConflictException ({@code feedback.answered}) once anyone has answered
     * @throws BadInputException when there are none or more than ten
     */
    @Transactional
    public List<Wording> setQuestions(SignedInUser user, List<Wording> questions) {
        if (!user.has(Role.ADMINISTRATOR) && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("questionnaire.definersOnly");
        }
        if (questions.isEmpty() || questions.size() > 10) {
            throw new BadInputException("feedback.questionCount", 10);
        }
        if (store.any(user.agencyId())) {
            throw new ConflictException("feedback.answered");
        }
        store.replaceQuestions(user.agencyId(), questions);
        return questions;
    }

    /** Whether the caller sees the agency's feedback figures. */
    public static boolean seesFigures(SignedInUser user) {
        return user.has(Role.MANAGER) || user.has(Role.SUPERVISOR) || user.has(Role.PRIVACY_LEAD);
    }

    /**
     * The agency's feedback figures, every one through the small-cell rule.
     *
     * @throws ForbiddenException ({@code feedback.figuresOnly}) unless a manager, supervisor or privacy lead
     */
    @Transactional(readOnly = true)
    public FeedbackSummary summary(SignedInUser user) {
        if (!seesFigures(user)) {
            throw new ForbiddenException("feedback.figuresOnly");
        }
        AgencyId agency = user.agencyId();
        List<Wording> questions = questions(agency);
        List<FeedbackStore.Tally> tallies = store.tallies(agency);
        Map<PersonId, Integer> responses = store.responses(agency);
        // The whole agency counts only the workers whose own figures are shown: were a suppressed
        // worker's answers in it, the total minus the shown workers would give their figures away.
        java.util.Set<PersonId> shown = new java.util.HashSet<>();
        responses.forEach((worker, count) -> {
            if (!SmallCell.counting(count).suppressed()) {
                shown.add(worker);
            }
        });
        List<SmallCell> overall = new ArrayList<>();
        for (int q = 1; q <= questions.size(); q++) {
            int question = q;
            overall.add(SmallCell.mean(
                    tallies.stream()
                            .filter(t -> t.question() == question && shown.contains(t.worker()))
                            .mapToInt(FeedbackStore.Tally::count)
                            .sum(),
                    tallies.stream()
                            .filter(t -> t.question() == question && shown.contains(t.worker()))
                            .mapToLong(FeedbackStore.Tally::sum)
                            .sum()));
        }
        Map<PersonId, String> names = directory.displayNames(agency);
        List<FeedbackSummary.Worker> workers = new ArrayList<>();
        for (Map.Entry<PersonId, Integer> w : responses.entrySet()) {
            List<SmallCell> means = new ArrayList<>();
            for (int q = 1; q <= questions.size(); q++) {
                int question = q;
                FeedbackStore.Tally t = tallies.stream()
                        .filter(x -> x.worker().equals(w.getKey()) && x.question() == question)
                        .findFirst()
                        .orElse(new FeedbackStore.Tally(w.getKey(), q, 0, 0));
                means.add(SmallCell.mean(t.count(), t.sum()));
            }
            workers.add(new FeedbackSummary.Worker(
                    w.getKey(), names.getOrDefault(w.getKey(), ""), SmallCell.counting(w.getValue()), means));
        }
        workers.sort(Comparator.comparing(FeedbackSummary.Worker::name));
        int total = shown.stream().mapToInt(responses::get).sum();
        return new FeedbackSummary(questions, SmallCell.counting(total), overall, workers);
    }
}
