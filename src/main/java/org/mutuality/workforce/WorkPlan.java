package org.mutuality.workforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * A staff member's work plan for one year: goals they write with their supervisor, the projects they
 * lead, and two reviews (mid-year, year-end), each in two parts that the person and their supervisor
 * write and sign, each their own. The rules, in order:
 *
 * <ol>
 *   <li>goals and projects change until a part of the year-end review is signed; then the year is
 *       closed;
 *   <li>a review is signed only once the plan has a goal;
 *   <li>the year-end review comes after both parts of the mid-year review are signed;
 *   <li>each part is signed once, by its own side; a signed part is final.
 * </ol>
 *
 * @param id null until the plan is first saved
 * @param version how many times it was saved; 0 before the first
 */
public record WorkPlan(
        @Nullable WorkPlanId id,
        PersonId person,
        int year,
        List<String> goals,
        List<Project> projects,
        List<Signature> signatures,
        int version) {

    /** The most goals, and the most projects, on one plan. */
    public static final int MAX_ITEMS = 20;

    /** The two reviews of a year. */
    public enum Stage {
        MID_YEAR,
        YEAR_END
    }

    /** Who signs a part of a review: the person whose plan it is, or their supervisor. */
    public enum Side {
        PERSON,
        SUPERVISOR
    }

    /** A project the person leads, and what it should bring. */
    public record Project(String name, @Nullable String outcome) {
        public Project {
            Objects.requireNonNull(name, "name");
        }

        /**
         * A project as typed.
         *
         * @throws BadInputException when the name is blank or too long, or the outcome too long
         */
        public static Project of(@Nullable String name, @Nullable String outcome) {
            return new Project(
                    Text.required("projects.name", name, Text.Limit.NAME),
                    Text.optional("projects.outcome", outcome, Text.Limit.NOTE));
        }
    }

    /** One signed part of a review, final once made. */
    public record Signature(Stage stage, Side side, String text, PersonId signedBy, Instant signedAt) {
        public Signature {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(signedBy, "signedBy");
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    public WorkPlan {
        Objects.requireNonNull(person, "person");
        goals = List.copyOf(goals);
        projects = List.copyOf(projects);
        signatures = List.copyOf(signatures);
        if (year < 2000 || year > 2100) {
            throw new BadInputException("workPlan.badYear", year);
        }
    }

    /** The empty plan a person starts the year with; nothing is stored until it is saved. */
    public static WorkPlan start(PersonId person, int year) {
        return new WorkPlan(null, person, year, List.of(), List.of(), List.of(), 0);
    }

    /**
     * The plan with these goals and projects.
     *
     * @throws BadInputException when a goal is blank or too long, or there are more than {@link
     *     #MAX_ITEMS} goals or projects
     * @throws ConflictException ({@code workPlan.closed}) once a part of the year-end review is signed
     */
    public WorkPlan plan(@Nullable List<String> newGoals, @Nullable List<Project> newProjects) {
        List<String> goalsTyped = newGoals == null ? List.of() : newGoals;
        List<Project> projectsTyped = newProjects == null ? List.of() : newProjects;
        if (goalsTyped.size() > MAX_ITEMS || projectsTyped.size() > MAX_ITEMS) {
            throw new BadInputException("workPlan.tooMany", MAX_ITEMS);
        }
        List<String> checked = new ArrayList<>();
        for (String goal : goalsTyped) {
            checked.add(Text.required("goals", goal, Text.Limit.NOTE));
        }
        for (Project project : projectsTyped) {
            Objects.requireNonNull(project, "project");
        }
        if (closed()) {
            throw new ConflictException("workPlan.closed");
        }
        return new WorkPlan(id, person, year, checked, projectsTyped, signatures, version);
    }

    /**
     * The plan with one part of a review signed.
     *
     * @throws BadInputException when the text is blank or too long
     * @throws ConflictException when the plan has no goal ({@code workPlan.noGoals}), the mid-year
     *     review is not signed by both before the year-end ({@code workPlan.midYearFirst}), or this
     *     part is signed already ({@code workPlan.alreadySigned})
     */
    public WorkPlan sign(Stage stage, Side side, @Nullable String text, PersonId by, Instant at) {
        String said = Text.required("text", text, Text.Limit.BODY);
        if (goals.isEmpty()) {
            throw new ConflictException("workPlan.noGoals");
        }
        if (stage == Stage.YEAR_END && !complete(Stage.MID_YEAR)) {
            throw new ConflictException("workPlan.midYearFirst");
        }
        if (part(stage, side).isPresent()) {
            throw new ConflictException("workPlan.alreadySigned");
        }
        List<Signature> signed = new ArrayList<>(signatures);
        signed.add(new Signature(stage, side, said, by, at));
        return new WorkPlan(id, person, year, goals, projects, signed, version);
    }

    /** The signed part of a review, if it is signed. */
    public Optional<Signature> part(Stage stage, Side side) {
        return signatures.stream()
                .filter(s -> s.stage() == stage && s.side() == side)
                .findFirst();
    }

    /** Whether both parts of the review are signed. */
    public boolean complete(Stage stage) {
        return part(stage, Side.PERSON).isPresent()
                && part(stage, Side.SUPERVISOR).isPresent();
    }

    /** Whether goals and projects are settled for the year: a part of the year-end review is signed. */
    public boolean closed() {
        return signatures.stream().anyMatch(s -> s.stage() == Stage.YEAR_END);
    }

    /** Whether the plan was ever saved. */
    public boolean saved() {
        return id != null;
    }

    /** The same plan as stored, with its id and version. */
    public WorkPlan stored(WorkPlanId storedId, int storedVersion) {
        return new WorkPlan(storedId, person, year, goals, projects, signatures, storedVersion);
    }
}
