package org.mutuality.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.BadInputException;

/** Where a participant's message goes, by office hours, whom they wrote to and who is available. */
class ContactSettingsTests {

    /** A Monday at 10:00 and 20:00 in Toronto. */
    static final Instant OPEN = Instant.parse("2026-11-23T15:00:00Z");

    static final Instant CLOSED = Instant.parse("2026-11-24T01:00:00Z");

    final PersonId peer = new PersonId(UUID.randomUUID());
    final PersonId duty = new PersonId(UUID.randomUUID());

    @ParameterizedTest(name = "{0}, to {1}, peer available {2}, on duty available {3}: {4}")
    @CsvSource({
        "true,  MY_PEER, true,  true,  ASSIGNED_PEER",
        "true,  PROGRAM, true,  true,  ON_DUTY_PEER",
        "true,  MY_PEER, false, true,  ON_DUTY_PEER",
        "true,  MY_PEER, false, false, COORDINATORS",
        "false, MY_PEER, true,  true,  ON_DUTY_PEER",
        "false, MY_PEER, true,  false, ASSIGNED_PEER",
        "false, PROGRAM, true,  false, COORDINATORS",
        "true,  MY_PEER, ,      true,  ON_DUTY_PEER",
    })
    void routesAParticipantsMessage(
            boolean open,
            Contact.To to,
            @Nullable Boolean peerAvailable,
            boolean dutyAvailable,
            Message.Route expected) {
        Predicate<PersonId> available = p -> p.equals(peer) ? Boolean.TRUE.equals(peerAvailable) : dutyAvailable;

        Message.Routing routing =
                settings(duty).route(open ? OPEN : CLOSED, to, peerAvailable == null ? null : peer, available);

        assertThat(routing.route()).isEqualTo(expected);
        assertThat(routing.recipient())
                .isEqualTo(
                        switch (expected) {
                            case ASSIGNED_PEER -> peer;
                            case ON_DUTY_PEER -> duty;
                            default -> null;
                        });
    }

    @Test
    void reroutesAPausedWorkersMessagesToTheOnDutyPeerOrTheCoordinators() {
        assertThat(settings(duty).rerouteFrom(peer, p -> true))
                .isEqualTo(new Message.Routing(duty, Message.Route.ON_DUTY_PEER));
        assertThat(settings(duty).rerouteFrom(duty, p -> true).route()).isEqualTo(Message.Route.COORDINATORS);
        assertThat(settings(duty).rerouteFrom(peer, p -> false).route()).isEqualTo(Message.Route.COORDINATORS);
        assertThat(settings(null).rerouteFrom(peer, p -> true).route()).isEqualTo(Message.Route.COORDINATORS);
    }

    @Test
    void refusesHoursThatCloseBeforeTheyOpen() {
        ContactSettings defaults = settings(null);
        assertThatThrownBy(() -> new ContactSettings(
                        defaults.program(),
                        defaults.openDays(),
                        LocalTime.of(17, 0),
                        LocalTime.of(9, 0),
                        defaults.zone(),
                        null,
                        null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("closesAt must be after opensAt, was 17:00–09:00");
    }

    private static ContactSettings settings(@Nullable PersonId onDuty) {
        ContactSettings defaults = ContactSettings.defaults(new ProgramId(UUID.randomUUID()));
        return new ContactSettings(
                defaults.program(),
                Set.copyOf(defaults.openDays()),
                defaults.opensAt(),
                defaults.closesAt(),
                defaults.zone(),
                onDuty,
                null);
    }

    @Test
    void saysWhenAClosedProgramReopens() {
        ContactSettings weekdays = settings(duty);

        assertThat(weekdays.nextOpening(OPEN)).isEmpty();
        assertThat(weekdays.nextOpening(CLOSED).orElseThrow().toString())
                .isEqualTo("2026-11-24T09:00-05:00[America/Toronto]");
        Instant saturdayNight = Instant.parse("2026-11-29T03:00:00Z");
        assertThat(weekdays.nextOpening(saturdayNight).orElseThrow().getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.MONDAY);
    }

    /**
     * Found by MessageRoutingFuzzTests: on the night the clocks jump from 02:00 to 03:00, a program
     * that opens at 02:03:44 is open from 03:00, yet said it would open at 03:03:44.
     */
    @Test
    void opensWhenTheClocksJumpPastItsOpeningTime() {
        ContactSettings night = hours(LocalTime.of(2, 3, 44), LocalTime.of(17, 0), "Canada/Pacific");

        assertThat(night.nextOpening(Instant.parse("2060-03-14T08:00:00Z"))
                        .orElseThrow()
                        .toString())
                .isEqualTo("2060-03-14T03:00-07:00[Canada/Pacific]");
    }

    @Test
    void skipsADayWhoseHoursTheClocksJumpPast() {
        ContactSettings inTheGap = hours(LocalTime.of(2, 10), LocalTime.of(2, 50), "America/Toronto");

        assertThat(inTheGap.nextOpening(Instant.parse("2026-03-08T06:00:00Z"))
                        .orElseThrow()
                        .toString())
                .isEqualTo("2026-03-09T02:10-04:00[America/Toronto]");
    }

    /** Open every day of the week, in that zone. */
    private static ContactSettings hours(LocalTime opensAt, LocalTime closesAt, String zone) {
        return new ContactSettings(
                new ProgramId(UUID.randomUUID()),
                EnumSet.allOf(java.time.DayOfWeek.class),
                opensAt,
                closesAt,
                java.time.ZoneId.of(zone),
                null,
                null);
    }
}
