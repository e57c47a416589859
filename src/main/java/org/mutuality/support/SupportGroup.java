package org.mutuality.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * A group a program runs, with its leader (a peer worker or volunteer peer). It decides who may
 * join, who may lead and who may be marked present, given its members; the conflict check between
 * the leader and each member is asked through a {@link Check}.
 *
 * @param leaderConsultation the consultation its leader was given it on, whose safeguards stay with
 *     them; null when it was started with them, or they were given it without one
 */
public record SupportGroup(
        GroupId id,
        ProgramId program,
        String name,
        @Nullable String description,
        Schedule schedule,
        PersonId leader,
        @Nullable UUID leaderConsultation,
        @Nullable LocalDate closedOn) {

    /**
     * A new group.
     *
     * @throws BadInputException when the name is empty or over 120 characters, or the description
     *     over 1,000
     */
    public static SupportGroup start(
            ProgramId program, String name, @Nullable String description, Schedule schedule, PersonId leader) {
        return new SupportGroup(
                GroupId.random(),
                program,
                Text.required("name", name, Text.Limit.TITLE),
                Text.optional("description", description, Text.Limit.NOTE),
                schedule,
                leader,
                null,
                null);
    }

    /** The conflict check about a leader and a member ({@code LEAD_GROUP_WITH}). */
    @FunctionalInterface
    public interface Check {
        ConflictDecision leadWith(PersonId leader, PersonId member);
    }

    /** A person who joined, and what the conflict check said about the leader and them. */
    public record Joined(Member member, ConflictDecision decision) {}

    /**
     * A person joins on a day, once the conflict check about the leader and them is cleared by what
     * the person adding them brings: an acknowledgement, or a consultation about the leader and them,
     * which the membership then names.
     *
     * @throws ConflictException when they already belong, or the check blocks it
     * @throws AcknowledgementNeeded when the check warns and nothing clears it
     * @throws BadInputException when the person leads the group
     */
    public Joined join(PersonId person, List<Member> members, Check check, GoAhead goAhead, LocalDate on) {
        if (current(members, on).contains(person)) {
            throw new ConflictException("group.alreadyMember");
        }
        if (person.equals(leader)) {
            throw new BadInputException("group.leaderNotMember");
        }
        ConflictDecision decision = check.leadWith(leader, person);
        decision.requireCleared(goAhead);
        return new Joined(new Member(person, on, null, decision.decision(), consulted(goAhead)), decision);
    }

    /**
     * What the conflict check says about {@code newLeader} leading the group's members on a day: the
     * strictest answer, naming nobody who could lead instead (that differs from member to member). It
     * is about one pairing ({@link ConflictDecision#about()}) only when a single member asks for care:
     * a consultation can then be about the new leader and that member; when several do, only an
     * acknowledgement clears it.
     *
     * @throws BadInputException when the new leader is a member (they leave first)
     */
    public ConflictDecision leading(PersonId newLeader, List<Member> members, Check check, LocalDate on) {
        List<ConflictDecision> decisions = new ArrayList<>();
        for (PersonId member : current(members, on)) {
            if (member.equals(newLeader)) {
                throw new BadInputException("group.leaderIsMember");
            }
            decisions.add(check.leadWith(newLeader, member));
        }
        return ConflictDecision.strictest(decisions).withoutAlternatives();
    }

    /**
     * The group with a new leader, once the conflict check about them and every member ({@link
     * #leading}) is cleared by what the coordinator brings: an acknowledgement, or a consultation
     * about the one member it asks about, which the group then names.
     *
     * @throws BadInputException when the new leader is a member (they leave first)
     * @throws ConflictException when the check blocks them with any member
     * @throws AcknowledgementNeeded when it warns and nothing clears it
     */
    public SupportGroup lead(PersonId newLeader, List<Member> members, Check check, GoAhead goAhead, LocalDate on) {
        leading(newLeader, members, check, on).requireCleared(goAhead);
        return new SupportGroup(id, program, name, description, schedule, newLeader, consulted(goAhead), closedOn);
    }

    private static @Nullable UUID consulted(GoAhead goAhead) {
        return goAhead instanceof GoAhead.Consulted c ? c.consultation().consultation() : null;
    }

    /**
     * A meeting held on a day and led by {@code by}: every member that day is marked present or
     * absent.
     *
     * @throws BadInputException when the day is after {@code today}, the duration is not 1 to 720
     *     minutes, or someone marked present was not a member that day
     */
    public Session meet(
            LocalDate on,
            @Nullable LocalTime startsAt,
            int minutes,
            PersonId by,
            Set<PersonId> present,
            List<Member> members,
            LocalDate today) {
        if (on.isAfter(today)) {
            throw new BadInputException("group.sessionInFuture", on.toString());
        }
        RecordInteraction.requireMinutes(minutes);
        Map<PersonId, Boolean> attendance = new HashMap<>();
        current(members, on).forEach(m -> attendance.put(m, present.contains(m)));
        for (PersonId p : present) {
            if (!attendance.containsKey(p)) {
                throw new BadInputException("group.notAMember", p.toString(), on.toString());
            }
        }
        return new Session(SessionId.random(), on, startsAt, minutes, by, attendance);
    }

    private static List<PersonId> current(List<Member> members, LocalDate day) {
        return members.stream().filter(m -> m.current(day)).map(Member::person).toList();
    }

    /** When and where the group meets: a day of the week, a time and a place, each optional. */
    public record Schedule(
            @Nullable DayOfWeek day,
            @Nullable LocalTime startsAt,
            @Nullable String place) {
        public Schedule {
            place = Text.optional("place", place, Text.Limit.NAME);
        }

        public boolean meetsOn(LocalDate date) {
            return day != null && date.getDayOfWeek() == day;
        }
    }

    /**
     * A member, with the conflict check's answer about the leader when they were added.
     *
     * @param consultation the consultation they were added on, whose safeguards stay with the
     *     membership; null when they were added without one
     */
    public record Member(
            PersonId person,
            LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            Decision decision,
            @Nullable UUID consultation) {

        /** A member added without a consultation. */
        public Member(PersonId person, LocalDate joinedOn, @Nullable LocalDate leftOn, Decision decision) {
            this(person, joinedOn, leftOn, decision, null);
        }

        public boolean current(LocalDate day) {
            return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
        }
    }

    /** One meeting of the group and who came. */
    public record Session(
            SessionId id,
            LocalDate heldOn,
            @Nullable LocalTime startsAt,
            int durationMinutes,
            PersonId leader,
            Map<PersonId, Boolean> attendance) {
        public Session {
            attendance = Map.copyOf(attendance);
        }

        public long present() {
            return attendance.values().stream().filter(Boolean::booleanValue).count();
        }
    }

    /** A group as its leader or a coordinator sees it; members a consent directive withholds are counted, not named. */
    public record Roster(SupportGroup group, List<Member> members, int withheld, List<Session> sessions) {
        public Roster {
            members = List.copyOf(members);
            sessions = List.copyOf(sessions);
        }
    }
}
