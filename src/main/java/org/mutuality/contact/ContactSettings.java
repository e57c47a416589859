package org.mutuality.contact;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;

/**
 * A program's office hours, its on-duty peer worker, and what people see outside office hours
 * ({@code afterHours} null: Mutuality's own text with crisis lines).
 */
public record ContactSettings(
        ProgramId program,
        Set<DayOfWeek> openDays,
        LocalTime opensAt,
        LocalTime closesAt,
        ZoneId zone,
        @Nullable PersonId onDutyPeer,
        @Nullable String afterHours) {

    public ContactSettings {
        openDays = Set.copyOf(openDays);
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("closesAt must be after opensAt, was " + opensAt + "–" + closesAt);
        }
        if (afterHours != null) {
            afterHours = afterHours.strip();
            if (afterHours.isEmpty()) {
                afterHours = null;
            } else if (afterHours.length() > 2000) {
                throw new IllegalArgumentException(
                        "afterHours must be at most 2000 characters, was " + afterHours.length());
            }
        }
    }

    /** Monday to Friday, 9:00 to 17:00 in Toronto, until the program sets its own. */
    public static ContactSettings defaults(ProgramId program) {
        return new ContactSettings(
                program,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(17, 0),
                ZoneId.of("America/Toronto"),
                null,
                null);
    }

    /** Whether the program is open at that moment. */
    public boolean openAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return openDays.contains(local.getDayOfWeek()) && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }
}
