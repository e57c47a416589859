package org.mutuality.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.plans.WorkPlanStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly work plans (issue 16, part 4; ADR 0025). Who reads and writes a person's plan, in order:
 *
 * <ol>
 *   <li>the person, if they are staff: they read it, write its goals and projects, and sign their
 *       part of each review;
 *   <li>whoever supervises them today ({@code SUPERVISES} in the register): reads it, writes its
 *       goals and projects with them, and signs the supervisor's part of each review, after the
 *       conflict check for reviewing a colleague's work ({@code REVIEW_PERFORMANCE}: someone who treats
 *       the person is stopped, as for approving their hours, S1);
 *   <li>the privacy lead reads it, for oversight, and writes nothing;
 *   <li>nobody else, whatever their role (administrators, managers who do not supervise the person,
 *       colleagues, participants): the plan answers exactly as a missing one, and the refusal is
 *       audited.
 * </ol>
 *
 * Every read asks the access guard and is audited through {@link RecordTrail}, which is why a read is
 * a read-write transaction. Methods never return null.
 */
@Service
public class WorkPlans {

    /** How a work plan is named in a 404 and in the audit. */
    static final String KIND = "notFound.workPlan";

    private final WorkPlanStore store;
    private final RecordTrail trail;
    private final Supervisees supervisees;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final Clock clock;

    WorkPlans(
            WorkPlanStore store,
            RecordTrail trail,
            Supervisees supervisees,
            Directory directory,
            ConflictCheck conflicts,
            Clock clock) {
        this.store = store;
        this.trail = trail;
        this.supervisees = supervisees;
        this.directory = directory;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** This year, by the agency's clock: the plan a page opens on. */
    public int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /**
     * The caller's own plan for the year; an empty one, not stored, when they have none yet.
     *
     * @throws ForbiddenException ({@code workPlan.staffOnly}) when the caller is not staff
     */
    @Transactional
    public WorkPlan mine(SignedInUser user, int year) {
        requireStaff(user);
        WorkPlan plan = load(user.agencyId(), user.personId(), year);
        trail.read(user, user.personId(), RecordKind.WORK_PLAN, null, reference(plan));
        return plan;
    }

    /**
     * A person's plan for the year, for the caller: the person, their supervisor today, or the
     * privacy lead.
     *
     * @throws NotFoundException for anyone else, exactly as for a person who does not exist (the
     *     refusal audited)
     */
    @Transactional
    public WorkPlan of(SignedInUser reader, PersonId person, int year) {
        requirePerson(reader, person);
        WorkPlan plan = load(reader.agencyId(), person, year);
        Basis basis = trail.read(reader, person, RecordKind.WORK_PLAN, party(reader, person), reference(plan));
        if (basis == null) {
            throw NotFoundException.hiding(KIND, person, person.value());
        }
        return plan;
    }

    /**
     * Writes the goals and projects of the caller's own plan.
     *
     * @param expectedVersion the version the caller saw, or null not to check
     * @throws ForbiddenException when the caller is not staff
     * @throws org.mutuality.shared.BadInputException when a goal or project is blank or too long
     * @throws ConflictException when the year is closed or the plan changed meanwhile
     */
    @Transactional
    public WorkPlan planMine(
            SignedInUser user,
            int year,
            @Nullable List<String> goals,
            @Nullable List<WorkPlan.Project> projects,
            @Nullable Integer expectedVersion) {
        requireStaff(user);
        return plan(user, user.personId(), year, goals, projects, expectedVersion);
    }

    /**
     * Writes the goals and projects of a supervisee's plan, as their supervisor today.
     *
     * @throws NotFoundException when the caller may not read the plan (the refusal audited)
     * @throws ForbiddenException ({@code workPlan.readOnly}) when the caller reads it but does not
     *     supervise the person (the privacy lead)
     */
    @Transactional
    public WorkPlan planFor(
            SignedInUser supervisor,
            PersonId person,
            int year,
            @Nullable List<String> goals,
            @Nullable List<WorkPlan.Project> projects,
            @Nullable Integer expectedVersion) {
        requireSupervisor(supervisor, person, year);
        return plan(supervisor, person, year, goals, projects, expectedVersion);
    }

    /**
     * Signs the caller's own part of a review of their plan.
     *
     * @throws ForbiddenException when the caller is not staff
     * @throws ConflictException as {@link WorkPlan#sign} refuses
     */
    @Transactional
    public WorkPlan signMine(SignedInUser user, int year, WorkPlan.Stage stage, @Nullable String text) {
        requireStaff(user);
        WorkPlan plan = load(user.agencyId(), user.personId(), year);
        return save(
                user,
                plan.sign(stage, WorkPlan.Side.PERSON, text, user.personId(), clock.instant()),
                "work plan review signed by the person");
    }

    /**
     * Signs the supervisor's part of a review of a supervisee's plan, once the conflict check for
     * reviewing their work clears.
     *
     * @param acknowledged the supervisor read the check's warning and goes ahead
     * @throws NotFoundException when the caller may not read the plan (the refusal audited)
     * @throws ForbiddenException when the caller reads it but does not supervise the person
     * @throws ConflictException when the check blocks, or as {@link WorkPlan#sign} refuses
     * @throws org.mutuality.conflicts.AcknowledgementNeeded when the check warns and was not
     *     acknowledged
     */
    @Transactional
    public WorkPlan signAsSupervisor(
            SignedInUser supervisor,
            PersonId person,
            int year,
            WorkPlan.Stage stage,
            @Nullable String text,
            boolean acknowledged) {
        WorkPlan plan = requireSupervisor(supervisor, person, year);
        conflicts
                .check(supervisor, Action.REVIEW_PERFORMANCE, supervisor.personId(), person)
                .requireCleared(acknowledged);
        return save(
                supervisor,
                plan.sign(stage, WorkPlan.Side.SUPERVISOR, text, supervisor.personId(), clock.instant()),
                "work plan review signed by the supervisor");
    }

    /**
     * For the parity report: how many parts of this year's reviews each person's plan has signed (0
     * with no plan). Counts only, never a goal or a review's words.
     */
    @Transactional(readOnly = true)
    public Map<PersonId, Integer> reviewPartsSigned(AgencyId agency, Collection<PersonId> people) {
        Map<PersonId, Integer> signed = new HashMap<>();
        for (PersonId person : people) {
            signed.put(
                    person,
                    store.find(agency, person, thisYear())
                            .map(p -> p.signatures().size())
                            .orElse(0));
        }
        return signed;
    }

    /** The people the caller supervises today, whose plans they write with them. Never null. */
    @Transactional(readOnly = true)
    public List<PersonId> supervisees(SignedInUser supervisor) {
        return supervisees.of(supervisor.agencyId(), supervisor.personId());
    }

    /** Whether the caller supervises the person today, and so writes their plan with them. */
    public boolean supervises(SignedInUser reader, PersonId person) {
        return supervisees.supervisesSince(reader.agencyId(), reader.personId(), person) != null;
    }

    private WorkPlan plan(
            SignedInUser by,
            PersonId person,
            int year,
            @Nullable List<String> goals,
            @Nullable List<WorkPlan.Project> projects,
            @Nullable Integer expectedVersion) {
        WorkPlan plan = load(by.agencyId(), person, year);
        if (expectedVersion != null && expectedVersion != plan.version()) {
            throw new ConflictException("workPlan.changedMeanwhile");
        }
        return save(by, plan.plan(goals, projects), "work plan goals and projects written");
    }

    private WorkPlan save(SignedInUser by, WorkPlan plan, String what) {
        WorkPlan saved = store.save(by.agencyId(), plan, clock.instant())
                .orElseThrow(() -> new ConflictException("workPlan.changedMeanwhile"));
        trail.written(by, plan.person(), RecordKind.WORK_PLAN, reference(saved), what);
        return saved;
    }

    /** The plan, after a read the caller is allowed as supervisor; otherwise refused (audited). */
    private WorkPlan requireSupervisor(SignedInUser supervisor, PersonId person, int year) {
        WorkPlan plan = of(supervisor, person, year);
        if (supervisor.isSelf(person) || !supervises(supervisor, person)) {
            throw new ForbiddenException("workPlan.readOnly");
        }
        return plan;
    }

    private @Nullable Basis party(SignedInUser reader, PersonId person) {
        if (supervises(reader, person)) {
            return Basis.SUPERVISOR;
        }
        return reader.isPrivacyLead() ? Basis.PRIVACY_LEAD : null;
    }

    private WorkPlan load(AgencyId agency, PersonId person, int year) {
        return store.find(agency, person, year).orElseGet(() -> WorkPlan.start(person, year));
    }

    private void requirePerson(SignedInUser reader, PersonId person) {
        if (directory.person(reader.agencyId(), person).isEmpty()) {
            throw new NotFoundException(KIND, person);
        }
    }

    private static void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("workPlan.staffOnly");
        }
    }

    private static String reference(WorkPlan plan) {
        return plan.id() == null ? "year " + plan.year() : plan.id().toString();
    }
}
