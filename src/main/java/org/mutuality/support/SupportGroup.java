package org.mutuality.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;

/** A group a program runs, with its leader (a peer worker or volunteer peer). */
public record SupportGroup(
        UUID id,
        ProgramId program,
        String name,
        @Nullable String description,
        Schedule schedule,
        PersonId leader,
        @Nullable LocalDate closedOn) {

    /** When and where the group meets: a day of the week, a time and a place, each optional. */
    public record Schedule(
            @Nullable DayOfWeek day,
            @Nullable LocalTime startsAt,
            @Nullable String place) {
        public Schedule {
            if (place != null) {
                place = place.strip();
                if (place.isEmpty()) {
                    place = null;
                } else if (place.length() > 200) {
                    throw new IllegalArgumentException("place must be at most 200 characters, was " + place.length());
                }
            }
        }

        public boolean meetsOn(LocalDate date) {
            return day != null && date.getDayOfWeek() == day;
        }
    }

    /** A member, with the conflict check's answer about the leader when they were added. */
    public record Member(
            UUID id,
            PersonId person,
            LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            Decision decision) {
        public boolean current(LocalDate day) {
            return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
        }
    }

    /** One meeting of the group and who came. */
    public record Session(
            UUID id,
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
