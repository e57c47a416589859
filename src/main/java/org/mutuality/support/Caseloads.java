package org.mutuality.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.support.store.GroupStore;
import org.mutuality.support.store.InteractionStore;
import org.mutuality.support.store.ProfileStore;
import org.mutuality.support.store.ReferralStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A peer worker's day (their participants, today's meetings and groups, what waits for them) and
 * the coordinator's view of caseloads across the team (counts and hours only, no names of
 * participants), to balance load. No score, no ranking: the table is ordered by name.
 */
@Service
public class Caseloads {

    /** A participant goes on the "not seen lately" list after this many days without contact. */
    public static final int QUIET_DAYS = 30;

    private final Directory directory;
    private final RelationshipRegister relationships;
    private final InteractionStore interactions;
    private final GroupStore groups;
    private final ReferralStore referrals;
    private final ProfileStore profiles;
    private final SupportAccess access;
    private final Clock clock;

    Caseloads(
            Directory directory,
            RelationshipRegister relationships,
            InteractionStore interactions,
            GroupStore groups,
            ReferralStore referrals,
            ProfileStore profiles,
            SupportAccess access,
            Clock clock) {
        this.directory = directory;
        this.relationships = relationships;
        this.interactions = interactions;
        this.groups = groups;
        this.referrals = referrals;
        this.profiles = profiles;
        this.access = access;
        this.clock = clock;
    }

    /** One participant on a peer worker's list. */
    public record Participant(
            PersonId person,
            String name,
            @Nullable String pronouns,
            @Nullable LocalDate lastContact,
            @Nullable LocalDateTime nextMeeting,
            boolean quiet) {}

    /** A group meeting today. */
    public record GroupToday(
            GroupId group,
            String name,
            java.time.@Nullable LocalTime startsAt,
            @Nullable String place,
            boolean leading) {}

    /** The peer worker's day. */
    public record MyDay(
            List<Participant> participants,
            List<Participant> meetingsToday,
            List<GroupToday> groupsToday,
            List<Referral> referralsWaitingForMe,
            int referralsToCoordinate,
            int minutesThisMonth,
            int capacity) {}

    /** One peer worker's load, for the coordinator. */
    public record Row(
            PersonId peer,
            String name,
            boolean volunteer,
            int participants,
            int capacity,
            boolean accepting,
            int interactions30d,
            int minutes30d,
            int groupMinutes30d,
            int groupsLed) {
        public double hours30d() {
            return Math.round((minutes30d + groupMinutes30d) / 6.0) / 10.0;
        }
    }

    /**
     * The signed-in person's day. Each participant listed is read on the assignment basis and audited.
     */
    @Transactional
    public MyDay myDay(SignedInUser me) {
        LocalDate today = LocalDate.now(clock);
        Map<PersonId, LocalDate> last = interactions.lastContact(me.agencyId(), me.personId());
        Map<PersonId, LocalDateTime> next = new HashMap<>();
        for (Interaction i : interactions.byPeerSince(me.agencyId(), me.personId(), today.minusMonths(3))) {
            if (i.nextMeeting() != null && !i.nextMeeting().toLocalDate().isBefore(today)) {
                next.merge(i.participant(), i.nextMeeting(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Participant> mine = new ArrayList<>();
        for (Relationship r : relationships.currentOf(me.agencyId(), me.personId())) {
            if (r.kind() != RelationshipKind.SUPPORTS || !r.personA().equals(me.personId())) {
                continue;
            }
            if (access.basis(me, r.personB(), RecordKind.SUPPORT_NOTES, Purpose.SUPPORT, null, null) == null) {
                continue;
            }
            Person p = directory.requirePerson(me.agencyId(), r.personB());
            LocalDate lastOn = last.get(p.id());
            boolean quiet = lastOn == null
                    ? r.startDate() != null && r.startDate().isBefore(today.minusDays(QUIET_DAYS))
                    : lastOn.isBefore(today.minusDays(QUIET_DAYS));
            mine.add(new Participant(p.id(), p.displayName(), p.details().pronouns(), lastOn, next.get(p.id()), quiet));
        }
        mine.sort(Comparator.comparing(Participant::name));
        List<Participant> meetings = mine.stream()
                .filter(p ->
                        p.nextMeeting() != null && p.nextMeeting().toLocalDate().equals(today))
                .sorted(Comparator.comparing(Participant::nextMeeting))
                .toList();
        Set<GroupId> memberOf = new HashSet<>(groups.groupsOf(me.agencyId(), me.personId(), today));
        List<GroupToday> groupsToday = new ArrayList<>();
        for (SupportGroup g : groups.all(me.agencyId())) {
            boolean leading = g.leader().equals(me.personId());
            if ((leading || memberOf.contains(g.id()))
                    && g.closedOn() == null
                    && g.schedule().meetsOn(today)) {
                groupsToday.add(new GroupToday(
                        g.id(), g.name(), g.schedule().startsAt(), g.schedule().place(), leading));
            }
        }
        List<Referral> waiting = referrals.involving(me.agencyId(), me.personId()).stream()
                .filter(r ->
                        r.status() == ReferralStatus.OFFERED && me.personId().equals(r.chosenPeer()))
                .toList();
        for (Referral r : waiting) {
            access.basis(
                    me, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, Basis.OFFERED_PEER, r.id().toString());
        }
        int toCoordinate = 0;
        if (access.coordinatesAny(me)) {
            toCoordinate = (int) referrals
                    .list(me.agencyId(), List.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED), Referrals.LIST_LIMIT)
                    .stream()
                    .filter(r -> r.chosenPeer() == null && access.coordinates(me, r.program()))
                    .count();
        }
        int minutes = current(interactions.byPeerSince(me.agencyId(), me.personId(), today.withDayOfMonth(1))).stream()
                .mapToInt(Interaction::durationMinutes)
                .sum();
        int capacity = profiles.profile(me.agencyId(), me.personId())
                .map(PeerProfile::capacity)
                .orElse(PeerProfile.DEFAULT_CAPACITY);
        return new MyDay(mine, meetings, groupsToday, waiting, toCoordinate, minutes, capacity);
    }

    /**
     * Caseloads across the team for the last 30 days: participants, capacity, interactions and hours,
     * group time. Counts only.
     *
     * @throws ForbiddenException unless the caller coordinates a program
     */
    @Transactional(readOnly = true)
    public List<Row> team(SignedInUser coordinator) {
        if (!access.coordinatesAny(coordinator)) {
            throw new ForbiddenException("caseload.coordinatorsOnly");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(30);
        Map<PersonId, Integer> load = loads(relationships.currentIn(coordinator.agencyId()));
        Map<PersonId, int[]> activity = new HashMap<>();
        for (Interaction i : current(interactions.since(coordinator.agencyId(), from))) {
            int[] a = activity.computeIfAbsent(i.peer(), k -> new int[2]);
            a[0]++;
            a[1] += i.durationMinutes();
        }
        Map<PersonId, Integer> groupMinutes = groups.minutesLedSince(coordinator.agencyId(), from);
        Map<PersonId, Integer> led = new HashMap<>();
        for (SupportGroup g : groups.all(coordinator.agencyId())) {
            if (g.closedOn() == null) {
                led.merge(g.leader(), 1, Integer::sum);
            }
        }
        Map<PersonId, PeerProfile> profileOf = profiles.profiles(coordinator.agencyId());
        List<Row> rows = new ArrayList<>();
        for (Person p : directory.everyone(coordinator.agencyId())) {
            if (!p.isActivePeerOn(today)) {
                continue;
            }
            Set<Role> roles = p.activeRoles(today);
            PeerProfile profile = profileOf.getOrDefault(p.id(), PeerProfile.blank(p.id()));
            int[] a = activity.getOrDefault(p.id(), new int[2]);
            rows.add(new Row(
                    p.id(),
                    p.displayName(),
                    !roles.contains(Role.PEER_WORKER),
                    load.getOrDefault(p.id(), 0),
                    profile.capacity(),
                    profile.accepting(),
                    a[0],
                    a[1],
                    groupMinutes.getOrDefault(p.id(), 0),
                    led.getOrDefault(p.id(), 0)));
        }
        rows.sort(Comparator.comparing(Row::name));
        return rows;
    }

    /** How many people each peer worker supports, from the relationships current today. */
    static Map<PersonId, Integer> loads(List<Relationship> current) {
        Map<PersonId, Integer> loads = new HashMap<>();
        current.stream()
                .filter(r -> r.kind() == RelationshipKind.SUPPORTS)
                .forEach(r -> loads.merge(r.personA(), 1, Integer::sum));
        return loads;
    }

    /** The entries no amendment replaced: an amended contact counts once, as corrected. */
    static List<Interaction> current(List<Interaction> all) {
        Set<InteractionId> replaced = new HashSet<>();
        for (Interaction i : all) {
            if (i.amends() != null) {
                replaced.add(i.amends());
            }
        }
        return all.stream().filter(i -> !replaced.contains(i.id())).toList();
    }
}
