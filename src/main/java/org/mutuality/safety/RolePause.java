package org.mutuality.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A pause of part of someone's role, not an end: what is paused, the confidential reason, the
 * person's own note, and the return plan (steps and a date). Each step people take checks that it is
 * possible from the current state and returns the new state as a value ({@link Moved}); saving it,
 * and who may take it, are {@link RolePauses}'.
 *
 * @param version the version it was read at; a step keeps it, and saving checks it
 */
public record RolePause(
        RolePauseId id,
        PersonId person,
        Set<Pauses.Scope> scopes,
        String reason,
        @Nullable String personNote,
        PersonId pausedBy,
        LocalDate pausedOn,
        @Nullable LocalDate returnOn,
        @Nullable LocalDate returnedOn,
        List<ReturnStep> steps,
        int version) {

    public RolePause {
        scopes = Set.copyOf(scopes);
        steps = List.copyOf(steps);
    }

    public boolean active() {
        return returnedOn == null;
    }

    /** One step of the return plan. */
    public record ReturnStep(
            ReturnStepId id,
            int position,
            String text,
            @Nullable LocalDate doneOn) {}

    /** A step taken on a pause. */
    public enum Step {
        NOTED("own note"),
        STEP_DONE("return step done"),
        RETURNED("role restored");

        private final String noted;

        Step(String noted) {
            this.noted = noted;
        }

        /** What the audit log notes. */
        public String noted() {
            return noted;
        }
    }

    /** The pause after a step, and the step. */
    public record Moved(RolePause pause, Step step) {}

    /**
     * What a pause sets aside, why, and the plan to come back: checked as it is made.
     *
     * @param person whose role is paused
     * @param steps the return plan, one step per entry; blank entries are left out
     * @throws BadInputException when nobody or no scope is chosen, the reason is under 5 or over 2,000
     *     characters, a step is over 500 characters, or there are more than 20 steps
     */
    public record Plan(
            PersonId person,
            Set<Pauses.Scope> scopes,
            String reason,
            @Nullable LocalDate returnOn,
            List<String> steps) {

        public Plan {
            if (person == null) {
                throw new BadInputException("pause.choosePerson");
            }
            if (scopes.isEmpty()) {
                throw new BadInputException("pause.chooseScope");
            }
            scopes = Set.copyOf(scopes);
            reason = Text.required("reason", reason, 5, Text.Limit.MESSAGE);
            steps = steps.stream()
                    .map(s -> Text.optional("steps", s, Text.Limit.SHORT))
                    .filter(Objects::nonNull)
                    .toList();
            if (steps.size() > 20) {
                throw new BadInputException("pause.tooManySteps", steps.size());
            }
        }
    }

    /**
     * A new pause, from today.
     *
     * @throws BadInputException when the planned return is before today
     */
    public static RolePause start(Plan plan, PersonId by, LocalDate today) {
        if (plan.returnOn() != null && plan.returnOn().isBefore(today)) {
            throw new BadInputException("safety.dateInPast", Explanation.field("returnOn"), plan.returnOn());
        }
        List<ReturnStep> steps = new ArrayList<>();
        for (String text : plan.steps()) {
            steps.add(new ReturnStep(ReturnStepId.random(), steps.size() + 1, text, null));
        }
        return new RolePause(
                RolePauseId.random(),
                plan.person(),
                plan.scopes(),
                plan.reason(),
                null,
                by,
                today,
                plan.returnOn(),
                null,
                steps,
                0);
    }

    /**
     * The person's own note, replacing the last one.
     *
     * @throws BadInputException when it is over 4,000 characters
     */
    public Moved note(String text) {
        String note = Objects.requireNonNullElse(Text.optional("note", text, Text.Limit.BODY), "");
        return new Moved(with(note, steps, returnedOn), Step.NOTED);
    }

    /**
     * Marks a step of the return plan done.
     *
     * @throws ConflictException when the step is done already or not part of this plan
     */
    public Moved stepDone(ReturnStepId step, LocalDate on) {
        List<ReturnStep> marked = new ArrayList<>();
        boolean found = false;
        for (ReturnStep s : steps) {
            boolean mark = s.id().equals(step) && s.doneOn() == null;
            found |= mark;
            marked.add(mark ? new ReturnStep(s.id(), s.position(), s.text(), on) : s);
        }
        if (!found) {
            throw new ConflictException("pause.stepNotOpen");
        }
        return new Moved(with(personNote, marked, returnedOn), Step.STEP_DONE);
    }

    /**
     * Ends the pause: the role is restored.
     *
     * @throws ConflictException when the person has returned already
     */
    public Moved returnToRole(LocalDate on) {
        if (returnedOn != null) {
            throw new ConflictException("pause.alreadyReturned", returnedOn);
        }
        return new Moved(with(personNote, steps, on), Step.RETURNED);
    }

    private RolePause with(@Nullable String note, List<ReturnStep> plan, @Nullable LocalDate returned) {
        return new RolePause(id, person, scopes, reason, note, pausedBy, pausedOn, returnOn, returned, plan, version);
    }
}
