package org.mutuality.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.BadInputException;

/**
 * Where a participant's message goes is a pure decision ({@link ContactSettings}) over a program's
 * office hours and time zone, whom the participant wrote to and who is available. Whatever they
 * are, in any zone of the world at any moment of this century, the decision keeps the rules a
 * participant is promised:
 *
 * <ol>
 *   <li>a message goes to someone available, or to the coordinators, never to nobody;
 *   <li>in office hours, a message to my peer worker goes to them when they are available;
 *   <li>it goes to the coordinators only when no peer worker it could go to is available;
 *   <li>the messages of a worker whose contact is paused never go back to them;
 *   <li>a closed program says when it next opens: a later moment, on an open day, when it is open
 *       and was closed just before.
 * </ol>
 *
 * Hours that close before they open are refused ({@link BadInputException}).
 */
class MessageRoutingFuzzTests {

    private static final List<ZoneId> ZONES =
            ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();

    private static final PersonId PEER = person(1);
    private static final PersonId ON_DUTY = person(2);
    private static final PersonId SOMEONE_ELSE = person(3);
    private static final List<PersonId> WORKERS = List.of(PEER, ON_DUTY, SOMEONE_ELSE);

    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long UNTIL = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    @FuzzTest
    void routesToSomeoneAvailableAndSaysWhenItOpens(FuzzedDataProvider data) {
        LocalTime opensAt = timeOfDay(data);
        LocalTime closesAt = timeOfDay(data);
        ContactSettings settings;
        try {
            settings = new ContactSettings(
                    new ProgramId(new UUID(0, 1)),
                    days(data),
                    opensAt,
                    closesAt,
                    data.pickValue(ZONES),
                    data.consumeBoolean() ? data.pickValue(WORKERS) : null,
                    null);
        } catch (BadInputException refused) {
            assertThat(closesAt).isBeforeOrEqualTo(opensAt);
            return;
        }
        Set<PersonId> available = available(data);
        Instant at = Instant.ofEpochSecond(data.consumeLong(FROM, UNTIL));
        Contact.To to = data.pickValue(Contact.To.values());
        PersonId assigned = data.consumeBoolean() ? data.pickValue(WORKERS) : null;

        routesByTheRules(settings, at, to, assigned, available);
        neverReroutesToThePausedWorker(settings, data.pickValue(WORKERS), available);
        saysWhenItNextOpens(settings, at);
    }

    private static void routesByTheRules(
            ContactSettings settings, Instant at, Contact.To to, @Nullable PersonId assigned, Set<PersonId> available) {
        Message.Routing routing = settings.route(at, to, assigned, available::contains);

        boolean ownPeerCan = to == Contact.To.MY_PEER && assigned != null && available.contains(assigned);
        boolean onDutyCan = settings.onDutyPeer() != null && available.contains(settings.onDutyPeer());
        reachesSomeoneAvailable(routing, settings, available);
        if (routing.route() == Message.Route.ASSIGNED_PEER) {
            assertThat(ownPeerCan)
                    .as("to the assigned peer only when written to and available")
                    .isTrue();
            assertThat(routing.recipient()).isEqualTo(assigned);
        }
        if (settings.openAt(at) && ownPeerCan) {
            assertThat(routing.route()).as("in office hours, to my peer").isEqualTo(Message.Route.ASSIGNED_PEER);
        }
        if (routing.route() == Message.Route.COORDINATORS) {
            assertThat(ownPeerCan || onDutyCan)
                    .as("coordinators only when no peer worker can")
                    .isFalse();
        }
    }

    private static void neverReroutesToThePausedWorker(
            ContactSettings settings, PersonId paused, Set<PersonId> available) {
        Message.Routing routing = settings.rerouteFrom(paused, available::contains);

        assertThat(routing.recipient()).isNotEqualTo(paused);
        reachesSomeoneAvailable(routing, settings, available);
    }

    /** Someone available, or the coordinators (the only route without a recipient). */
    private static void reachesSomeoneAvailable(
            Message.Routing routing, ContactSettings settings, Set<PersonId> available) {
        if (routing.recipient() == null) {
            assertThat(routing.route()).isEqualTo(Message.Route.COORDINATORS);
            return;
        }
        assertThat(available).contains(routing.recipient());
        if (routing.route() == Message.Route.ON_DUTY_PEER) {
            assertThat(routing.recipient()).isEqualTo(settings.onDutyPeer());
        }
    }

    private static void saysWhenItNextOpens(ContactSettings settings, Instant at) {
        Optional<ZonedDateTime> next = settings.nextOpening(at);

        assertThat(next.isEmpty())
                .as("no next opening only while open or without an open day")
                .isEqualTo(settings.openAt(at) || settings.openDays().isEmpty());
        next.ifPresent(opening -> {
            assertThat(opening.toInstant()).isAfter(at);
            assertThat(settings.openDays()).contains(opening.getDayOfWeek());
            assertThat(settings.openAt(opening.toInstant()))
                    .as("open at its next opening, %s", opening)
                    .isTrue();
            assertThat(settings.openAt(opening.toInstant().minusSeconds(1)))
                    .as("closed just before its next opening, %s", opening)
                    .isFalse();
        });
    }

    private static LocalTime timeOfDay(FuzzedDataProvider data) {
        return LocalTime.ofSecondOfDay(data.consumeInt(0, 24 * 60 * 60 - 1));
    }

    private static Set<DayOfWeek> days(FuzzedDataProvider data) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (data.consumeBoolean()) {
                days.add(day);
            }
        }
        return days;
    }

    private static Set<PersonId> available(FuzzedDataProvider data) {
        Set<PersonId> available = new HashSet<>();
        for (PersonId worker : WORKERS) {
            if (data.consumeBoolean()) {
                available.add(worker);
            }
        }
        return available;
    }

    private static PersonId person(long n) {
        return new PersonId(new UUID(0, n));
    }
}
