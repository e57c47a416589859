package org.mutuality.workforce;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Text;

/**
 * A new staff member's onboarding plan: the template's steps (meet the team, read and attest the code,
 * first supervision, shadow a peer worker, required trainings, a first participant with support, the
 * review at 90 days), each planned for a week and owned by someone, steps the supervisor adds, and the
 * check-ins held with the supervisor. The rules, in order:
 *
 * <ol>
 *   <li>a closed plan changes no more;
 *   <li>a step is marked done once, and reopened only when done;
 *   <li>a step is planned for a week from 1 to {@link #MAX_WEEK}; a plan holds at most {@link
 *       #MAX_STEPS} steps;
 *   <li>a check-in is held on a day from the plan's start to today, never later;
 *   <li>the plan closes once every step is done.
 * </ol>
 *
 * @param id null until the plan is first saved
 * @param version how many times it was saved; 0 before the first
 */
public record OnboardingPlan(
        @Nullable OnboardingPlanId id,
        PersonId person,
        LocalDate startedOn,
        List<Step> steps,
        List<CheckIn> checkIns,
        @Nullable LocalDate closedOn,
        int version) {

    /** The latest week a step may be planned for: six months. */
    public static final int MAX_WEEK = 26;

    /** The most steps on one plan. */
    public static final int MAX_STEPS = 20;

    /**
     * One step: a kind from the template, or {@link OnboardingStepKind#OTHER} with the title the
     * supervisor gave it.
     *
     * @param number its place on the plan, from 1, stable once given
     */
    public record Step(
            int number,
            OnboardingStepKind kind,
            @Nullable String title,
            int week,
            PersonId owner,
            @Nullable LocalDate doneOn,
            @Nullable PersonId doneBy) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(owner, "owner");
            if (kind == OnboardingStepKind.OTHER && title == null) {
                throw new IllegalStateException("a step the supervisor adds has a title");
            }
            if ((doneOn == null) != (doneBy == null)) {
                throw new IllegalStateException("done on and done by go together");
            }
        }

        /** Whether the step is done. */
        public boolean done() {
            return doneOn != null;
        }

        Step markedDone(PersonId by, LocalDate on) {
            return new Step(number, kind, title, week, owner, on, by);
        }

        Step reopened() {
            return new Step(number, kind, title, week, owner, null, null);
        }

        Step ownedBy(PersonId newOwner) {
            return new Step(number, kind, title, week, newOwner, doneOn, doneBy);
        }
    }

    /** A check-in held with the supervisor, and what was said worth keeping. Final once held. */
    public record CheckIn(LocalDate heldOn, String note, PersonId heldBy) {
        public CheckIn {
            Objects.requireNonNull(heldOn, "heldOn");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(heldBy, "heldBy");
        }
    }

    public OnboardingPlan {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(startedOn, "startedOn");
        steps = List.copyOf(steps);
        checkIns = List.copyOf(checkIns);
    }

    /**
     * A plan from the template, starting on the given day: each step owned by the person or by their
     * supervisor, as the template says. Nothing is stored until it is saved.
     *
     * @throws ConflictException ({@code onboarding.ownSupervisor}) when the person would supervise
     *     themselves
     */
    public static OnboardingPlan fromTemplate(PersonId person, PersonId supervisor, LocalDate startedOn) {
        if (person.equals(supervisor)) {
            throw new ConflictException("onboarding.ownSupervisor");
        }
        List<Step> steps = new ArrayList<>();
        List<OnboardingStepKind> kinds = new ArrayList<>();
        for (OnboardingStepKind kind : OnboardingStepKind.values()) {
            if (kind.fromTemplate()) {
                kinds.add(kind);
            }
        }
        kinds.sort(Comparator.comparingInt(OnboardingStepKind::week));
        for (OnboardingStepKind kind : kinds) {
            PersonId owner = kind.owner() == OnboardingStepKind.Owner.PERSON ? person : supervisor;
            steps.add(new Step(steps.size() + 1, kind, null, kind.week(), owner, null, null));
        }
        return new OnboardingPlan(null, person, startedOn, steps, List.of(), null, 0);
    }

    /**
     * The plan with a step marked done today.
     *
     * @throws NotFoundException when the plan has no such step
     * @throws ConflictException when the plan is closed or the step is done already
     */
    public OnboardingPlan markDone(int number, PersonId by, LocalDate on) {
        Step step = requireOpenPlan().step(number);
        if (step.done()) {
            throw new ConflictException("onboarding.alreadyDone");
        }
        return withStep(step.markedDone(by, on));
    }

    /**
     * The plan with a done step open again.
     *
     * @throws NotFoundException when the plan has no such step
     * @throws ConflictException when the plan is closed or the step is not done
     */
    public OnboardingPlan reopen(int number) {
        Step step = requireOpenPlan().step(number);
        if (!step.done()) {
            throw new ConflictException("onboarding.notDone");
        }
        return withStep(step.reopened());
    }

    /**
     * The plan with a step of the supervisor's own added at the end.
     *
     * @throws BadInputException when the title is blank or too long, or the week out of range
     * @throws ConflictException when the plan is closed or holds {@link #MAX_STEPS} steps already
     */
    public OnboardingPlan addStep(@Nullable String title, int week, PersonId owner) {
        String named = Text.required("title", title, Text.Limit.NAME);
        Text.checkedLine("title", named);
        requireWeek(week);
        requireOpenPlan();
        if (steps.size() >= MAX_STEPS) {
            throw new ConflictException("onboarding.tooManySteps", MAX_STEPS);
        }
        int number = steps.stream().mapToInt(Step::number).max().orElse(0) + 1;
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(number, OnboardingStepKind.OTHER, named, week, owner, null, null));
        return new OnboardingPlan(id, person, startedOn, more, checkIns, closedOn, version);
    }

    /**
     * The plan with a step given to someone else (the peer worker the person shadows, a colleague).
     * The review at 90 days is never the person's own: it is a review of their work.
     *
     * @throws NotFoundException when the plan has no such step
     * @throws ConflictException when the plan is closed, or the review would go to the person
     *     ({@code onboarding.reviewNotOwn})
     */
    public OnboardingPlan reassign(int number, PersonId owner) {
        Step step = requireOpenPlan().step(number);
        if (step.kind() == OnboardingStepKind.REVIEW_AT_90_DAYS && owner.equals(person)) {
            throw new ConflictException("onboarding.reviewNotOwn");
        }
        return withStep(step.ownedBy(owner));
    }

    /**
     * The plan with a check-in held.
     *
     * @throws BadInputException when the note is blank or too long, or the day is before the plan's
     *     start or after today
     * @throws ConflictException when the plan is closed
     */
    public OnboardingPlan holdCheckIn(@Nullable LocalDate on, @Nullable String note, PersonId by, LocalDate today) {
        String said = Text.required("note", note, Text.Limit.BODY);
        if (on == null || on.isBefore(startedOn) || on.isAfter(today)) {
            throw new BadInputException("onboarding.badDay", startedOn.toString(), today.toString());
        }
        requireOpenPlan();
        List<CheckIn> held = new ArrayList<>(checkIns);
        held.add(new CheckIn(on, said, by));
        return new OnboardingPlan(id, person, startedOn, steps, held, closedOn, version);
    }

    /**
     * The plan closed today: onboarding is over.
     *
     * @throws ConflictException when the plan is closed already or a step is still open
     */
    public OnboardingPlan close(LocalDate on) {
        requireOpenPlan();
        if (steps.stream().anyMatch(s -> !s.done())) {
            throw new ConflictException("onboarding.stepsOpen");
        }
        return new OnboardingPlan(id, person, startedOn, steps, checkIns, on, version);
    }

    /** The step with this number. @throws NotFoundException when there is none */
    public Step step(int number) {
        return steps.stream()
                .filter(s -> s.number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.onboardingStep", number));
    }

    /** The week of the plan a day falls in: 1 from the first day; 0 before it. */
    public int weekOn(LocalDate day) {
        if (day.isBefore(startedOn)) {
            return 0;
        }
        return (int) (ChronoUnit.DAYS.between(startedOn, day) / 7) + 1;
    }

    /** Whether a step is open after the week it was planned for. */
    public boolean late(Step step, LocalDate today) {
        return !step.done() && closedOn == null && step.week() < weekOn(today);
    }

    /** How many steps are done. */
    public int doneCount() {
        return (int) steps.stream().filter(Step::done).count();
    }

    /** The first open step, by week then number, if any. */
    public Optional<Step> next() {
        return steps.stream()
                .filter(s -> !s.done())
                .min(Comparator.comparingInt(Step::week).thenComparingInt(Step::number));
    }

    /** The steps by week, then by number: the order a page shows them in. */
    public List<Step> byWeek() {
        return steps.stream()
                .sorted(Comparator.comparingInt(Step::week).thenComparingInt(Step::number))
                .toList();
    }

    /** Whether onboarding is over. */
    public boolean closed() {
        return closedOn != null;
    }

    /** The same plan as stored, with its id and version. */
    public OnboardingPlan stored(OnboardingPlanId storedId, int storedVersion) {
        return new OnboardingPlan(storedId, person, startedOn, steps, checkIns, closedOn, storedVersion);
    }

    private OnboardingPlan requireOpenPlan() {
        if (closed()) {
            throw new ConflictException("onboarding.closed");
        }
        return this;
    }

    private OnboardingPlan withStep(Step changed) {
        List<Step> changedSteps = new ArrayList<>();
        for (Step s : steps) {
            changedSteps.add(s.number() == changed.number() ? changed : s);
        }
        return new OnboardingPlan(id, person, startedOn, changedSteps, checkIns, closedOn, version);
    }

    private static void requireWeek(int week) {
        if (week < 1 || week > MAX_WEEK) {
            throw new BadInputException("onboarding.badWeek", MAX_WEEK);
        }
    }
}
