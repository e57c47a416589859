package org.mutuality.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.Temporal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyZones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Moments and days as a page shows them: in the reader's agency's time zone and the reader's
 * language ("2 déc. 2026 09 h 04" in French, "Dec 2, 2026, 9:04 AM" in English), never in UTC.
 * Templates call it as {@code ${@times.moment(x)}}; an empty value draws as nothing.
 */
@Component("times")
public class LocalTimes {

    private final AgencyZones zones;

    public LocalTimes(AgencyZones zones) {
        this.zones = zones;
    }

    /** A moment: the date and the time of day. */
    public String moment(@Nullable Temporal at) {
        return at == null
                ? ""
                : format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT), at);
    }

    /** The day a moment fell on, where the agency is. */
    public String day(@Nullable Temporal at) {
        if (at instanceof LocalDate d) {
            return date(d);
        }
        return at == null ? "" : format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM), at);
    }

    /** The time of day of a moment, where the agency is. */
    public String time(@Nullable Temporal at) {
        return at == null ? "" : format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT), at);
    }

    /**
     * A date and time someone set in local time (a next meeting): shown as set, in the reader's
     * language, never moved between zones.
     */
    public String planned(@Nullable LocalDateTime at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(reading())
                        .format(at);
    }

    /** The time of day someone set in local time, as set (a meeting today, a group's start). */
    public String clock(@Nullable Temporal at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(reading())
                        .format(at);
    }

    /**
     * A number of hours as people say it, the same in English and French: "2 h 30 min", "3 h",
     * "45 min"; never "2.50".
     */
    public String duration(@Nullable Number hours) {
        if (hours == null) {
            return "";
        }
        long minutes = Math.round(hours.doubleValue() * 60);
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " min";
        }
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** A calendar day, in the reader's language. */
    public String date(@Nullable LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(reading())
                        .format(day);
    }

    /** The zone of the signed-in reader's agency; the default zone for anyone else. */
    public ZoneId zone() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor
                ? zones.zoneOf(actor.agencyId())
                : AgencyZones.DEFAULT;
    }

    /**
     * The reader's locale for dates and times. French without a country reads times the way
     * French typography (and Quebec's CLDR data) writes them, "9 h 04", not "09:04".
     */
    private static Locale reading() {
        Locale locale = LocaleContextHolder.getLocale();
        return "fr".equals(locale.getLanguage()) && locale.getCountry().isEmpty() ? Locale.CANADA_FRENCH : locale;
    }

    private String format(DateTimeFormatter style, Temporal at) {
        return style.withLocale(reading()).withZone(zone()).format(instant(at));
    }

    /** A moment as an instant; a moment without an offset was stored in UTC. */
    private static Instant instant(Temporal at) {
        if (at instanceof Instant i) {
            return i;
        }
        if (at instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return Instant.from(at);
    }
}
