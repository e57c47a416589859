package org.mutuality.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.AgencyZones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Pages show moments in the reader's agency's zone and language, never in UTC. */
class LocalTimesTests {

    static final AgencyId PARIS = new AgencyId(UUID.randomUUID());
    static final Instant AT = Instant.parse("2026-12-02T14:04:00Z");

    final LocalTimes times =
            new LocalTimes(agency -> agency.equals(PARIS) ? ZoneId.of("Europe/Paris") : AgencyZones.DEFAULT);

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aMomentIsShownWhereTheReadersAgencyIsAndInTheirLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        // Nobody signed in: the default zone (Toronto, 9:04 in the morning).
        assertThat(times.moment(AT))
                .contains("2026")
                .contains("9:04")
                .doesNotContain("UTC")
                .doesNotContain("14:04");

        signedInAt(PARIS);
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(times.moment(AT)).contains("déc.").contains("15 h 04");
        assertThat(times.time(AT)).isEqualTo("15 h 04");
        assertThat(times.day(AT)).isEqualTo("2 déc. 2026");
    }

    @Test
    void theDayIsTheAgencysDayAndEmptyValuesDrawAsNothing() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        // 03:30 UTC is still the evening before in Toronto.
        assertThat(times.day(Instant.parse("2026-12-02T03:30:00Z"))).isEqualTo("Dec 1, 2026");
        assertThat(times.day(LocalDate.of(2026, 12, 2))).isEqualTo("Dec 2, 2026");
        assertThat(times.moment(LocalDateTime.of(2026, 12, 2, 14, 4))).contains("9:04");
        assertThat(times.moment(null)).isEmpty();
        assertThat(times.date(null)).isEmpty();
    }

    @Test
    void aPlannedMeetingIsShownAsSetAndHoursAsPeopleSayThem() {
        signedInAt(PARIS);
        LocaleContextHolder.setLocale(Locale.FRENCH);
        // Set at 10:00 local time: never moved between zones.
        assertThat(times.planned(LocalDateTime.of(2026, 12, 2, 10, 0))).isEqualTo("2 déc. 2026 10 h 00");
        assertThat(times.clock(java.time.LocalTime.of(14, 0))).isEqualTo("14 h 00");
        assertThat(times.duration(new java.math.BigDecimal("2.50"))).isEqualTo("2 h 30 min");
        assertThat(times.duration(3)).isEqualTo("3 h");
        assertThat(times.duration(0.75)).isEqualTo("45 min");
        assertThat(times.duration(null)).isEmpty();
    }

    private static void signedInAt(AgencyId agency) {
        Actor actor = new Actor() {
            @Override
            public AgencyId agencyId() {
                return agency;
            }

            @Override
            public UUID actorPersonId() {
                return UUID.randomUUID();
            }

            @Override
            public Set<String> roleNames() {
                return Set.of("PEER_WORKER");
            }
        };
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(actor, null));
    }
}
