package org.mutuality.voice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.voice.store.PlanStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's recovery plan (issue 17, part 2; ADR 0035). Who does what, in order:
 *
 * <ol>
 *   <li>the participant reads and writes their plan; each change is a new version, and they read every
 *       version;
 *   <li>the peer worker assigned to support them (the register's {@code SUPPORTS}, made through
 *       support) reads the newest version and suggests a step for one of its goals, unless the
 *       participant's lockbox withholds the plan from them;
 *   <li>the participant accepts a suggestion (the step joins the goal in a new version) or declines it;
 *   <li>nobody else, whatever their role: the plan answers exactly as a missing one, the refusal
 *       audited.
 * </ol>
 *
 * Every read asks the access guard and is audited through {@link RecordTrail}; no audit entry holds a
 * word of the plan. Methods never return null.
 */
@Service
public class RecoveryPlans {

    /** Suggestions shown with the plan, newest first. */
    public static final int WAITING_SHOWN = 50;

    static final String KIND = "notFound.recoveryPlan";
    static final String SUGGESTION = "notFound.suggestion";
    private static final String RECORD = "recovery plan";

    private final PlanStore store;
    private final RecordTrail trail;
    private final Directory directory;
    private final Clock clock;

    RecoveryPlans(PlanStore store, RecordTrail trail, Directory directory, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The caller's own plan, newest version (version 0 when they wrote nothing yet).
     *
     * @throws ForbiddenException ({@code voice.participantsOnly}) unless the caller is a participant
     */
    @Transactional
    public RecoveryPlan mine(SignedInUser user) {
        requireParticipant(user);
        RecoveryPlan plan = store.recoveryPlan(user.agencyId(), user.personId());
        trail.read(user, user.personId(), RecordKind.RECOVERY_PLAN, null, RECORD);
        return plan;
    }

    /** The caller's own versions older than {@code before}, newest first, at most {@code limit}. */
    @Transactional
    public List<RecoveryPlan> history(SignedInUser user, int before, int limit) {
        requireParticipant(user);
        trail.read(user, user.personId(), RecordKind.RECOVERY_PLAN, null, "recovery plan versions");
        return store.recoveryVersions(user.agencyId(), user.personId(), before, limit);
    }

    /** The suggestions waiting for the caller's answer, newest first. */
    @Transactional(readOnly = true)
    public List<StepSuggestion> waiting(SignedInUser user) {
        requireParticipant(user);
        return store.waiting(user.agencyId(), user.personId(), WAITING_SHOWN);
    }

    /**
     * Writes the next version of the caller's plan with these goals.
     *
     * @param basedOn the version the participant edited, or null for the newest
     * @throws ConflictException ({@code voice.changedMeanwhile}) when a newer version was saved
     * @throws org.mutuality.shared.BadInputException as {@link RecoveryPlan#revise} refuses
     */
    @Transactional
    public RecoveryPlan writeMine(SignedInUser user, @Nullable Integer basedOn, List<Goal> goals) {
        requireParticipant(user);
        RecoveryPlan current = store.recoveryPlan(user.agencyId(), user.personId());
        if (basedOn != null && basedOn != current.version()) {
            throw new ConflictException("voice.changedMeanwhile", current.version());
        }
        RecoveryPlan next = current.revise(keepSuggesters(current, goals), user.personId(), clock.instant());
        save(user, next, "recovery plan written");
        return next;
    }

    /**
     * Writes the next version with one goal added, or changed when the plan has a goal of its id.
     *
     * @throws ConflictException when a newer version than {@code basedOn} was saved
     */
    @Transactional
    public RecoveryPlan writeGoal(SignedInUser user, @Nullable Integer basedOn, Goal goal) {
        requireParticipant(user);
        RecoveryPlan current = store.recoveryPlan(user.agencyId(), user.personId());
        List<Goal> goals = new ArrayList<>(current.goals());
        int at = goals.indexOf(current.goal(goal.id()).orElse(null));
        if (at < 0) {
            goals.add(goal);
        } else {
            goals.set(at, goal);
        }
        return writeMine(user, basedOn, goals);
    }

    /**
     * Writes the next version without one goal; it stays in the earlier versions.
     *
     * @throws NotFoundException when the plan has no such goal
     */
    @Transactional
    public RecoveryPlan removeGoal(SignedInUser user, @Nullable Integer basedOn, GoalId goal) {
        requireParticipant(user);
        RecoveryPlan current = store.recoveryPlan(user.agencyId(), user.personId());
        if (current.goal(goal).isEmpty()) {
            throw new NotFoundException("notFound.goal", goal);
        }
        return writeMine(
                user,
                basedOn,
                current.goals().stream().filter(g -> !g.id().equals(goal)).toList());
    }

    /**
     * The goals with each step the participant kept as it was still crediting the peer worker who
     * suggested it: a client sends steps without their suggester, and an edit should not erase it.
     */
    private static List<Goal> keepSuggesters(RecoveryPlan current, List<Goal> goals) {
        List<Goal> kept = new ArrayList<>();
        for (Goal g : goals) {
            Goal before = current.goal(g.id()).orElse(null);
            if (before == null) {
                kept.add(g);
                continue;
            }
            List<Step> steps = new ArrayList<>();
            for (Step s : g.steps()) {
                PersonId by = s.suggestedBy() != null
                        ? s.suggestedBy()
                        : before.steps().stream()
                                .filter(b -> b.suggestedBy() != null && b.text().equals(s.text()))
                                .map(Step::suggestedBy)
                                .findFirst()
                                .orElse(null);
                steps.add(new Step(s.text(), s.whoHelps(), s.due(), s.done(), by));
            }
            kept.add(new Goal(g.id(), g.area(), g.words(), g.target(), steps));
        }
        return kept;
    }

    /**
     * The newest version of a participant's plan, for the peer worker assigned to support them (or
     * the participant).
     *
     * @throws NotFoundException for anyone else, exactly as for a person who does not exist (the
     *     refusal audited)
     */
    @Transactional
    public RecoveryPlan of(SignedInUser reader, PersonId person) {
        requireReadable(reader, person);
        return store.recoveryPlan(reader.agencyId(), person);
    }

    /**
     * A step the peer worker assigned to the participant suggests for one of their goals; it waits
     * for the participant's answer.
     *
     * @throws NotFoundException when the caller may not read the plan (the refusal audited), or the
     *     plan has no such goal
     * @throws org.mutuality.shared.BadInputException when the step is blank or too long
     */
    @Transactional
    public StepSuggestion suggest(SignedInUser peer, PersonId person, GoalId goal, Step step) {
        Basis basis = requireReadable(peer, person);
        if (basis != Basis.ASSIGNMENT) {
            throw NotFoundException.hiding(KIND, person, person.value());
        }
        RecoveryPlan plan = store.recoveryPlan(peer.agencyId(), person);
        if (plan.goal(goal).isEmpty()) {
            throw new NotFoundException("notFound.goal", goal);
        }
        StepSuggestion suggested = StepSuggestion.suggest(
                person,
                goal,
                new Step(step.text(), step.whoHelps(), step.due(), false, peer.personId()),
                peer.personId(),
                clock.instant());
        store.insert(peer.agencyId(), suggested);
        trail.written(peer, person, RecordKind.RECOVERY_PLAN, suggested.id(), "step suggested");
        return suggested;
    }

    /**
     * Accepts a suggestion: the step joins its goal in the next version of the plan.
     *
     * @throws NotFoundException when it is missing or someone else's
     * @throws ConflictException when it was answered already, or its goal was removed meanwhile
     */
    @Transactional
    public RecoveryPlan accept(SignedInUser user, SuggestionId id) {
        StepSuggestion s = own(user, id);
        requireWaiting(s);
        RecoveryPlan current = store.recoveryPlan(user.agencyId(), user.personId());
        if (current.goal(s.goal()).isEmpty()) {
            throw new ConflictException("voice.suggestion.goalGone");
        }
        StepSuggestion accepted = s.accept(clock.instant());
        RecoveryPlan next = current.acceptStep(s.goal(), s.step(), user.personId(), clock.instant());
        if (!store.decide(user.agencyId(), accepted)) {
            throw new ConflictException("voice.suggestion.answered");
        }
        save(user, next, "suggested step accepted");
        return next;
    }

    /**
     * Declines a suggestion; it stays on record as declined, and the plan does not change.
     *
     * @throws NotFoundException when it is missing or someone else's
     * @throws ConflictException when it was answered already
     */
    @Transactional
    public StepSuggestion decline(SignedInUser user, SuggestionId id) {
        StepSuggestion s = own(user, id);
        requireWaiting(s);
        StepSuggestion declined = s.decline(clock.instant());
        if (!store.decide(user.agencyId(), declined)) {
            throw new ConflictException("voice.suggestion.answered");
        }
        trail.written(user, user.personId(), RecordKind.RECOVERY_PLAN, id, "suggested step declined");
        return declined;
    }

    private void save(SignedInUser user, RecoveryPlan next, String what) {
        if (!store.insert(user.agencyId(), next)) {
            throw new ConflictException("voice.changedMeanwhile", next.version() - 1);
        }
        trail.written(user, user.personId(), RecordKind.RECOVERY_PLAN, RECORD + " v" + next.version(), what);
    }

    private Basis requireReadable(SignedInUser reader, PersonId person) {
        if (directory.person(reader.agencyId(), person).isEmpty()) {
            throw new NotFoundException(KIND, person);
        }
        Basis basis = trail.read(reader, person, RecordKind.RECOVERY_PLAN, null, RECORD);
        if (basis == null) {
            throw NotFoundException.hiding(KIND, person, person.value());
        }
        return basis;
    }

    private StepSuggestion own(SignedInUser user, SuggestionId id) {
        StepSuggestion s =
                store.suggestion(user.agencyId(), id).orElseThrow(() -> new NotFoundException(SUGGESTION, id));
        if (!user.isSelf(s.person())) {
            throw NotFoundException.hiding(SUGGESTION, id, s.person().value());
        }
        return s;
    }

    private static void requireWaiting(StepSuggestion s) {
        if (!s.waiting()) {
            throw new ConflictException("voice.suggestion.answered");
        }
    }

    static void requireParticipant(SignedInUser user) {
        if (!user.has(Role.PARTICIPANT)) {
            throw new ForbiddenException("voice.participantsOnly");
        }
    }
}
