package org.mutuality.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.onboarding.OnboardingStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding plans (issue 16, part 3; ADR 0026). Who reads and writes a person's plan, in order:
 *
 * <ol>
 *   <li>the person, if they are staff: they read it and mark done, or open again, the steps they own;
 *   <li>whoever supervises them today ({@code SUPERVISES} in the register): starts it from the
 *       template, marks any step done, adds steps, gives a step to someone else, holds check-ins
 *       (after the conflict check for supervising, {@code SUPERVISE}) and closes it; marking the
 *       review at 90 days done runs the check for reviewing a colleague's work ({@code
 *       REVIEW_PERFORMANCE}), as the work plan's reviews do;
 *   <li>the privacy lead reads it, for oversight, and writes nothing;
 *   <li>nobody else (administrators, managers who do not supervise the person, colleagues, the owner
 *       of one step, participants): the plan answers exactly as a missing one, and the refusal is
 *       audited.
 * </ol>
 *
 * Every read asks the access guard and is audited through {@link RecordTrail}. Methods never return
 * null.
 */
@Service
public class Onboardings {

    /** How an onboarding plan is named in a 404 and in the audit. */
    static final String KIND = "notFound.onboarding";

    private final OnboardingStore store;
    private final RecordTrail trail;
    private final Supervisees supervisees;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final Clock clock;

    Onboardings(
            OnboardingStore store,
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

    /** A supervisee's plan as their supervisor's home screen and list show it. */
    public record Progress(PersonId person, OnboardingPlan plan, int week) {}

    /** Today, by the agency's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The caller's own plan, if one was started (the read audited).
     *
     * @throws ForbiddenException ({@code onboarding.staffOnly}) when the caller is not staff
     */
    @Transactional
    public Optional<OnboardingPlan> mine(SignedInUser user) {
        requireStaff(user);
        Optional<OnboardingPlan> plan = store.find(user.agencyId(), user.personId());
        plan.ifPresent(p -> trail.read(user, user.personId(), RecordKind.ONBOARDING, null, reference(p)));
        return plan;
    }

    /**
     * A person's plan, for the caller: the person, their supervisor today, or the privacy lead.
     *
     * @throws NotFoundException when there is no plan, and for anyone else exactly as for a person who
     *     does not exist (the refusal audited)
     */
    @Transactional
    public OnboardingPlan of(SignedInUser reader, PersonId person) {
        return requireReadable(reader, person).orElseThrow(() -> new NotFoundException(KIND, person));
    }

    /**
     * Whether the caller may start the person's plan: they supervise the person today and no plan was
     * started. Refuses (hidden, audited) as {@link #of} does to anyone who may not read the person's
     * plan.
     */
    @Transactional
    public boolean startable(SignedInUser reader, PersonId person) {
        return requireReadable(reader, person).isEmpty() && supervises(reader, person);
    }

    /**
     * Starts the person's plan from the template, as their supervisor today.
     *
     * @param startedOn the person's first day; today when null
     * @throws NotFoundException when the caller may not read the person's plan (the refusal audited)
     * @throws ForbiddenException ({@code onboarding.supervisorOnly}) when the caller reads it but does
     *     not supervise the person
     * @throws ConflictException ({@code onboarding.alreadyStarted}) when a plan was started already
     */
    @Transactional
    public OnboardingPlan start(SignedInUser supervisor, PersonId person, @Nullable LocalDate startedOn) {
        Optional<OnboardingPlan> existing = requireReadable(supervisor, person);
        requireSupervises(supervisor, person);
        if (existing.isPresent()) {
            throw new ConflictException("onboarding.alreadyStarted");
        }
        requireStaffPerson(supervisor.agencyId(), person);
        LocalDate first = startedOn == null ? today() : startedOn;
        if (first.isAfter(today().plusDays(90)) || first.isBefore(today().minusDays(365))) {
            throw new BadInputException("onboarding.badStart");
        }
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor.personId(), first);
        return save(supervisor, plan, "onboarding plan started from the template");
    }

    /**
     * Marks steps of the caller's own plan done or open again: the person changes only the steps they
     * own.
     *
     * @param done the numbers of the steps that are done after the change; a step not listed is open
     * @throws ForbiddenException when the caller is not staff, or changes a step they do not own
     *     ({@code onboarding.notYourStep})
     * @throws NotFoundException when the caller has no plan, or a number is not a step of it
     * @throws ConflictException when the plan is closed or changed meanwhile
     */
    @Transactional
    public OnboardingPlan tickMine(SignedInUser user, List<Integer> done, @Nullable Integer expectedVersion) {
        OnboardingPlan plan = mine(user).orElseThrow(() -> new NotFoundException(KIND, user.personId()));
        return tick(user, plan, done, expectedVersion, false, false);
    }

    /**
     * Marks steps of a supervisee's plan done or open again, as their supervisor today.
     *
     * @param acknowledged the supervisor read the conflict check's warning for the review and goes ahead
     * @throws NotFoundException when the caller may not read the plan (the refusal audited)
     * @throws ForbiddenException ({@code onboarding.supervisorOnly}) when the caller reads it but does
     *     not supervise the person
     * @throws ConflictException when the check blocks the review, the plan is closed or changed
     *     meanwhile
     * @throws org.mutuality.conflicts.AcknowledgementNeeded when the check warns and was not
     *     acknowledged
     */
    @Transactional
    public OnboardingPlan tickFor(
            SignedInUser supervisor,
            PersonId person,
            List<Integer> done,
            @Nullable Integer expectedVersion,
            boolean acknowledged) {
        OnboardingPlan plan = requireSupervisorOf(supervisor, person);
        return tick(supervisor, plan, done, expectedVersion, true, acknowledged);
    }

    /**
     * Adds a step of the supervisor's own to a supervisee's plan.
     *
     * @param owner who owns the step; the supervisor when null
     * @throws NotFoundException when the caller may not read the plan
     * @throws BadInputException when the owner is not on the staff today
     * @throws ForbiddenException when the caller reads it but does not supervise the person
     */
    @Transactional
    public OnboardingPlan addStep(
            SignedInUser supervisor, PersonId person, @Nullable String title, int week, @Nullable PersonId owner) {
        OnboardingPlan plan = requireSupervisorOf(supervisor, person);
        PersonId who = owner == null ? supervisor.personId() : requireStaffPerson(supervisor.agencyId(), owner);
        return save(supervisor, plan.addStep(title, week, who), "onboarding step added");
    }

    /**
     * Gives a step of a supervisee's plan to someone else on the staff.
     *
     * @throws NotFoundException when the caller may not read the plan or the step does not exist
     * @throws BadInputException when the owner is not on the staff today
     * @throws ForbiddenException when the caller reads it but does not supervise the person
     */
    @Transactional
    public OnboardingPlan reassign(SignedInUser supervisor, PersonId person, int step, PersonId owner) {
        OnboardingPlan plan = requireSupervisorOf(supervisor, person);
        requireStaffPerson(supervisor.agencyId(), owner);
        return save(supervisor, plan.reassign(step, owner), "onboarding step given to someone else");
    }

    /**
     * Records a check-in held with a supervisee, once the conflict check for supervising them clears.
     *
     * @throws NotFoundException when the caller may not read the plan (the refusal audited)
     * @throws ForbiddenException when the caller reads it but does not supervise the person
     * @throws ConflictException when the check blocks or the plan is closed
     * @throws org.mutuality.conflicts.AcknowledgementNeeded when the check warns and was not
     *     acknowledged
     */
    @Transactional
    public OnboardingPlan checkIn(
            SignedInUser supervisor,
            PersonId person,
            @Nullable LocalDate on,
            @Nullable String note,
            boolean acknowledged) {
        OnboardingPlan plan = requireSupervisorOf(supervisor, person);
        OnboardingPlan held = plan.holdCheckIn(on, note, supervisor.personId(), today());
        conflicts
                .check(supervisor, Action.SUPERVISE, supervisor.personId(), person)
                .requireCleared(acknowledged);
        return save(supervisor, held, "onboarding check-in held");
    }

    /**
     * Closes a supervisee's plan once every step is done.
     *
     * @throws NotFoundException when the caller may not read the plan (the refusal audited)
     * @throws ForbiddenException when the caller reads it but does not supervise the person
     * @throws ConflictException when a step is open or the plan is closed already
     */
    @Transactional
    public OnboardingPlan close(SignedInUser supervisor, PersonId person) {
        OnboardingPlan plan = requireSupervisorOf(supervisor, person);
        return save(supervisor, plan.close(today()), "onboarding closed");
    }

    /**
     * The open plans of the people the caller supervises today, for their home screen and list (each
     * read audited). Never null.
     */
    @Transactional
    public List<Progress> supervising(SignedInUser supervisor) {
        List<Progress> progress = new ArrayList<>();
        LocalDate today = today();
        for (PersonId person : supervisees.of(supervisor.agencyId(), supervisor.personId())) {
            Optional<OnboardingPlan> plan = store.find(supervisor.agencyId(), person);
            if (plan.isPresent() && !plan.get().closed()) {
                trail.read(supervisor, person, RecordKind.ONBOARDING, Basis.SUPERVISOR, reference(plan.get()));
                progress.add(new Progress(person, plan.get(), plan.get().weekOn(today)));
            }
        }
        return progress;
    }

    /**
     * For the parity report: how many steps of each person's open plan are later than planned (0 with
     * no plan). Counts only, never a step or a note, for the privacy lead, who reads the plans anyway.
     */
    @Transactional(readOnly = true)
    public Map<PersonId, Integer> lateSteps(AgencyId agency, Collection<PersonId> people) {
        Map<PersonId, Integer> late = new HashMap<>();
        LocalDate today = today();
        for (PersonId person : people) {
            int n = store.find(agency, person)
                    .map(p -> (int)
                            p.steps().stream().filter(s -> p.late(s, today)).count())
                    .orElse(0);
            late.put(person, n);
        }
        return late;
    }

    /** The people the caller supervises today, whose plans they start. Never null. */
    @Transactional(readOnly = true)
    public List<PersonId> supervisees(SignedInUser supervisor) {
        return supervisees.of(supervisor.agencyId(), supervisor.personId());
    }

    /** Whether the caller supervises the person today. */
    public boolean supervises(SignedInUser reader, PersonId person) {
        return supervisees.supervisesSince(reader.agencyId(), reader.personId(), person) != null;
    }

    private OnboardingPlan tick(
            SignedInUser by,
            OnboardingPlan plan,
            List<Integer> done,
            @Nullable Integer expectedVersion,
            boolean asSupervisor,
            boolean acknowledged) {
        if (expectedVersion != null && expectedVersion != plan.version()) {
            throw new ConflictException("onboarding.changedMeanwhile");
        }
        for (Integer number : done) {
            plan.step(number);
        }
        OnboardingPlan changed = plan;
        boolean reviewed = false;
        for (OnboardingPlan.Step step : plan.steps()) {
            boolean wanted = done.contains(step.number());
            if (wanted == step.done()) {
                continue;
            }
            if (!asSupervisor && !step.owner().equals(by.personId())) {
                throw new ForbiddenException("onboarding.notYourStep");
            }
            if (wanted) {
                changed = changed.markDone(step.number(), by.personId(), today());
                reviewed |= step.kind() == OnboardingStepKind.REVIEW_AT_90_DAYS;
            } else {
                changed = changed.reopen(step.number());
            }
        }
        if (changed == plan) {
            return plan;
        }
        if (reviewed) {
            conflicts
                    .check(by, Action.REVIEW_PERFORMANCE, by.personId(), plan.person())
                    .requireCleared(acknowledged);
        }
        return save(by, changed, "onboarding steps marked");
    }

    private OnboardingPlan save(SignedInUser by, OnboardingPlan plan, String what) {
        OnboardingPlan saved = store.save(by.agencyId(), plan, clock.instant())
                .orElseThrow(() -> new ConflictException("onboarding.changedMeanwhile"));
        trail.written(by, plan.person(), RecordKind.ONBOARDING, reference(saved), what);
        return saved;
    }

    /**
     * The person's plan, if any, after asking the guard whether the caller reads it: refused readers
     * get the same 404 as for a missing person (audited), whether or not a plan exists.
     */
    private Optional<OnboardingPlan> requireReadable(SignedInUser reader, PersonId person) {
        if (directory.person(reader.agencyId(), person).isEmpty()) {
            throw new NotFoundException(KIND, person);
        }
        Optional<OnboardingPlan> plan = store.find(reader.agencyId(), person);
        String reference = plan.map(Onboardings::reference).orElse("none");
        Basis basis = trail.read(reader, person, RecordKind.ONBOARDING, party(reader, person), reference);
        if (basis == null) {
            throw NotFoundException.hiding(KIND, person, person.value());
        }
        return plan;
    }

    private OnboardingPlan requireSupervisorOf(SignedInUser supervisor, PersonId person) {
        OnboardingPlan plan = of(supervisor, person);
        requireSupervises(supervisor, person);
        return plan;
    }

    private void requireSupervises(SignedInUser supervisor, PersonId person) {
        if (supervisor.isSelf(person) || !supervises(supervisor, person)) {
            throw new ForbiddenException("onboarding.supervisorOnly");
        }
    }

    private @Nullable Basis party(SignedInUser reader, PersonId person) {
        if (supervises(reader, person)) {
            return Basis.SUPERVISOR;
        }
        return reader.isPrivacyLead() ? Basis.PRIVACY_LEAD : null;
    }

    private PersonId requireStaffPerson(AgencyId agency, PersonId person) {
        boolean staff = directory
                .person(agency, person)
                .map(p -> p.activeRoles(today()).stream().anyMatch(Role::isStaff))
                .orElse(false);
        if (!staff) {
            throw new BadInputException("onboarding.notStaff");
        }
        return person;
    }

    private static void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("onboarding.staffOnly");
        }
    }

    private static String reference(OnboardingPlan plan) {
        return plan.id() == null ? "new" : plan.id().toString();
    }
}
