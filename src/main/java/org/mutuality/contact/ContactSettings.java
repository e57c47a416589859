package org.mutuality.contact;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
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
        // two weeks: a day whose hours a clock change skips is an open day again a week later
        for (int days = 0; days <= 14; days++) {
            LocalDate day = local.toLocalDate().plusDays(days);
            Optional<ZonedDateTime> opens = openingOn(day).filter(o -> o.isAfter(local));
            if (opens.isPresent()) {
                return opens;
            }
        }
        return Optional.empty();
    }

    /**
     * When the program opens on that day: at {@code opensAt}, or, when the clocks jump past it that
     * night (from 02:00 to 03:00, say), when they jump, as it is open from then on. Empty when it is
     * not an open day, or the jump skips all its hours.
     */
    private Optional<ZonedDateTime> openingOn(LocalDate day) {
        LocalDateTime opening = day.atTime(opensAt);
        ZoneOffsetTransition change = zone.getRules().getTransition(opening);
        ZonedDateTime opens =
                change != null && change.isGap() ? change.getInstant().atZone(zone) : opening.atZone(zone);
        return openAt(opens.toInstant()) ? Optional.of(opens) : Optional.empty();
    }

    /** Whether the program is open at that moment. */
    public boolean openAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return openDays.contains(local.getDayOfWeek()) && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }
}
