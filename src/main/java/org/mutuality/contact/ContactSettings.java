package org.mutuality.contact;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

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
            throw new BadInputException("contact.closesBeforeItOpens", opensAt, closesAt);
        }
        afterHours = Text.optional("afterHours", afterHours, Text.Limit.MESSAGE);
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

    /**
     * Where a participant's message goes, in order: in office hours, to their own peer worker when
     * they wrote to them and that peer is available; to the on-duty peer worker when available;
     * outside office hours, to their own peer worker after all; otherwise to the coordinators.
     *
     * @param assigned the participant's peer worker, if they have one
     * @param available whether a worker may be given the message (not paused, no no-contact)
     */
    public Message.Routing route(
            Instant at, Contact.To to, @Nullable PersonId assigned, Predicate<PersonId> available) {
        boolean open = openAt(at);
        boolean toOwnPeer = to == Contact.To.MY_PEER && assigned != null && available.test(assigned);
        if (open && toOwnPeer) {
            return new Message.Routing(assigned, Message.Route.ASSIGNED_PEER);
        }
        if (onDutyPeer != null && available.test(onDutyPeer)) {
            return new Message.Routing(onDutyPeer, Message.Route.ON_DUTY_PEER);
        }
        return toOwnPeer ? new Message.Routing(assigned, Message.Route.ASSIGNED_PEER) : Message.Routing.COORDINATORS;
    }

    /**
     * Where a message waiting for {@code worker}, whose contact is paused, goes instead: to the
     * on-duty peer worker when that is someone else and available; otherwise to the coordinators.
     */
    public Message.Routing rerouteFrom(PersonId worker, Predicate<PersonId> available) {
        return onDutyPeer != null && !onDutyPeer.equals(worker) && available.test(onDutyPeer)
                ? new Message.Routing(onDutyPeer, Message.Route.ON_DUTY_PEER)
                : Message.Routing.COORDINATORS;
    }

    /**
     * When the program next opens after that moment, in its time zone; empty when it is open then or
     * has no open day.
     */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        if (openAt(at) || openDays.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        for (int days = 0; days <= 7; days++) {
            LocalDate day = local.toLocalDate().plusDays(days);
            ZonedDateTime opens = day.atTime(opensAt).atZone(zone);
            if (openDays.contains(day.getDayOfWeek()) && opens.isAfter(local)) {
                return Optional.of(opens);
            }
        }
        return Optional.empty();
    }

    /** Whether the program is open at that moment. */
    public boolean openAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return openDays.contains(local.getDayOfWeek()) && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }
}
