package org.mutuality.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Text;
import org.mutuality.workforce.plans.WellnessStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's wellness plan and the accommodations they asked for (issue 16, part 5; ADR 0025).
 * Written only if the person wishes; never a condition of anything; nothing of it reaches a report
 * or an export. Who reads what, in order:
 *
 * <ol>
 *   <li>the person, if they are staff, reads and writes all of it, and decides item by item whether
 *       their supervisor sees it;
 *   <li>whoever supervises them today reads the items the person shares, while they share them, when
 *       they already supervised the person on the day it was shared; unsharing hides an item at once;
 *   <li>a manager reads an accommodation request the person sent to be answered, that request alone,
 *       and answers it; never their own;
 *   <li>nobody else, whatever their role (administrators and the privacy lead included): the plan or
 *       the request answers exactly as a missing one, and the refusal is audited.
 * </ol>
 *
 * Every read asks the access guard and is audited through {@link RecordTrail}; no audit entry holds a
 * word the person wrote. Methods never return null.
 */
@Service
public class WellnessPlans {

    /** Requests on one page of the managers' list. */
    public static final int PAGE_SIZE = 50;

    static final String KIND = "notFound.wellnessPlan";
    static final String ACCOMMODATION = "notFound.accommodation";

    private final WellnessStore store;
    private final RecordTrail trail;
    private final Supervisees supervisees;
    private final Directory directory;
    private final Clock clock;

    WellnessPlans(WellnessStore store, RecordTrail trail, Supervisees supervisees, Directory directory, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.supervisees = supervisees;
        this.directory = directory;
        this.clock = clock;
    }

    /** A section as the person writes it: its text (blank to remove it), and whether to share it. */
    public record SectionEdit(@Nullable String text, boolean shared) {}

    /** A sent request as the managers' list shows it: never its text. */
    public record Sent(AccommodationId id, PersonId person, Instant sentAt, Accommodation.@Nullable Outcome outcome) {}

    /**
     * The caller's own wellness plan, all of it.
     *
     * @throws ForbiddenException ({@code wellness.staffOnly}) when the caller is not staff
     */
    @Transactional
    public WellnessPlan mine(SignedInUser user) {
        requireStaff(user);
        WellnessPlan plan = load(user.agencyId(), user.personId());
        trail.read(user, user.personId(), RecordKind.WELLNESS_PLAN, null, "wellness plan");
        return plan;
    }

    /**
     * Replaces the sections of the caller's plan: a section left out or blank is removed; each other
     * is shared with their supervisor or not, as the person says.
     *
     * @throws ForbiddenException when the caller is not staff
     * @throws org.mutuality.shared.BadInputException when a text is too long or holds a refused
     *     character; nothing is saved
     */
    @Transactional
    public WellnessPlan writeMine(SignedInUser user, Map<WellnessSection, SectionEdit> sections) {
        requireStaff(user);
        Map<WellnessSection, WellnessItem> before = new EnumMap<>(WellnessSection.class);
        store.sections(user.agencyId(), user.personId()).forEach(s -> before.put(s.section(), s));
        Instant now = clock.instant();
        List<WellnessItem> written = new ArrayList<>();
        for (Map.Entry<WellnessSection, SectionEdit> e : new EnumMap<>(sections).entrySet()) {
            if (!Text.trimmed(e.getValue().text()).isEmpty()) {
                written.add(WellnessItem.write(
                        e.getKey(), e.getValue().text(), e.getValue().shared(), before.get(e.getKey()), now));
            }
        }
        store.replaceSections(user.agencyId(), user.personId(), written);
        trail.written(user, user.personId(), RecordKind.WELLNESS_PLAN, "wellness plan", "wellness plan written");
        return load(user.agencyId(), user.personId());
    }

    /**
     * Records an accommodation the caller asks for; shared with their supervisor and sent to be
     * answered only if they say so.
     *
     * @throws ForbiddenException when the caller is not staff
     * @throws org.mutuality.shared.BadInputException when the request is blank or too long
     */
    @Transactional
    public Accommodation ask(SignedInUser user, @Nullable String request, boolean shared, boolean send) {
        requireStaff(user);
        Instant now = clock.instant();
        Accommodation asked = Accommodation.ask(user.personId(), request, now).sharing(shared, now);
        if (send) {
            asked = asked.send(now);
        }
        store.insert(user.agencyId(), asked);
        trail.written(
                user,
                user.personId(),
                RecordKind.WELLNESS_PLAN,
                asked.id(),
                send ? "accommodation asked and sent" : "accommodation written");
        return asked;
    }

    /**
     * Shares one of the caller's requests with their supervisor, or makes it private again at once.
     *
     * @throws NotFoundException when it is missing or someone else's (the refusal audited)
     */
    @Transactional
    public Accommodation share(SignedInUser user, AccommodationId id, boolean shared) {
        Accommodation a = own(user, id);
        return save(
                user,
                a.sharing(shared, clock.instant()),
                shared ? "accommodation shared with supervisor" : "accommodation made private");
    }

    /**
     * Sends one of the caller's requests to be answered by a manager.
     *
     * @throws NotFoundException when it is missing or someone else's (the refusal audited)
     * @throws ConflictException when it was sent already
     */
    @Transactional
    public Accommodation send(SignedInUser user, AccommodationId id) {
        Accommodation a = own(user, id);
        return save(user, a.send(clock.instant()), "accommodation sent to be answered");
    }

    /**
     * What the person shares with the caller, their supervisor today: the shared sections and
     * requests only. The person reading their own gets all of it.
     *
     * @throws NotFoundException for anyone else, exactly as for a person who does not exist (the
     *     refusal audited)
     */
    @Transactional
    public WellnessPlan sharedWith(SignedInUser reader, PersonId person) {
        if (directory.person(reader.agencyId(), person).isEmpty()) {
            throw new NotFoundException(KIND, person);
        }
        LocalDate since = reader.isSelf(person)
                ? null
                : supervisees.supervisesSince(reader.agencyId(), reader.personId(), person);
        Basis basis = trail.read(
                reader, person, RecordKind.WELLNESS_PLAN, since == null ? null : Basis.SUPERVISOR, "wellness plan");
        if (basis == Basis.SELF) {
            return load(reader.agencyId(), person);
        }
        if (basis != Basis.SUPERVISOR || since == null) {
            throw NotFoundException.hiding(KIND, person, person.value());
        }
        return load(reader.agencyId(), person).sharedWithSupervisor(since, clock.getZone());
    }

    /** Whether the caller answers accommodation requests: a manager. */
    public boolean answers(SignedInUser user) {
        return user.has(Role.MANAGER);
    }

    /**
     * The requests sent to be answered, newest first, without their text, except the manager's own.
     *
     * @throws ForbiddenException ({@code accommodation.managersOnly}) unless the caller is a manager
     */
    @Transactional(readOnly = true)
    public List<Sent> sent(SignedInUser manager, int page) {
        if (!answers(manager)) {
            throw new ForbiddenException("accommodation.managersOnly");
        }
        int offset = Math.min(Math.max(page, 0), 1_000) * PAGE_SIZE;
        return store.sent(manager.agencyId(), manager.personId(), offset, PAGE_SIZE).stream()
                .map(a -> new Sent(
                        a.id(),
                        a.person(),
                        a.sentAt(),
                        a.answer() == null ? null : a.answer().outcome()))
                .toList();
    }

    /**
     * One request, for the person who asked it or a manager once it was sent.
     *
     * @throws NotFoundException for anyone else, exactly as for a missing one (the refusal audited)
     */
    @Transactional
    public Accommodation accommodation(SignedInUser reader, AccommodationId id) {
        Accommodation a = find(reader, id);
        Basis party = answers(reader) && a.sent() && !reader.isSelf(a.person()) ? Basis.ACCOMMODATION_HANDLER : null;
        if (trail.read(reader, a.person(), RecordKind.WELLNESS_PLAN, party, id) == null) {
            throw NotFoundException.hiding(ACCOMMODATION, id, a.person().value());
        }
        return a;
    }

    /**
     * Answers a sent request, as a manager.
     *
     * @throws NotFoundException when the caller may not read it (the refusal audited)
     * @throws ConflictException as {@link Accommodation#answer} refuses
     */
    @Transactional
    public Accommodation answer(
            SignedInUser manager, AccommodationId id, Accommodation.@Nullable Outcome outcome, @Nullable String text) {
        Accommodation a = accommodation(manager, id);
        if (outcome == null) {
            throw new org.mutuality.shared.BadInputException("accommodation.chooseOutcome");
        }
        return save(manager, a.answer(outcome, text, manager.personId(), clock.instant()), "accommodation answered");
    }

    private Accommodation save(SignedInUser by, Accommodation changed, String what) {
        if (!store.update(by.agencyId(), changed)) {
            throw new ConflictException("accommodation.changedMeanwhile");
        }
        trail.written(by, changed.person(), RecordKind.WELLNESS_PLAN, changed.id(), what);
        return store.accommodation(by.agencyId(), changed.id()).orElse(changed);
    }

    /** A request the caller changes: theirs, or a 404 that hides it. */
    private Accommodation own(SignedInUser user, AccommodationId id) {
        Accommodation a = find(user, id);
        if (!user.isSelf(a.person())) {
            throw NotFoundException.hiding(ACCOMMODATION, id, a.person().value());
        }
        return a;
    }

    private Accommodation find(SignedInUser user, AccommodationId id) {
        return store.accommodation(user.agencyId(), id).orElseThrow(() -> new NotFoundException(ACCOMMODATION, id));
    }

    private WellnessPlan load(AgencyId agency, PersonId person) {
        return new WellnessPlan(person, store.sections(agency, person), store.accommodations(agency, person));
    }

    private static void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("wellness.staffOnly");
        }
    }
}
