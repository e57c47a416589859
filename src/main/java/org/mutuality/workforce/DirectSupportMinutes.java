package org.mutuality.workforce;

import java.time.LocalDate;
import java.util.Map;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;

/**
 * The time a staff member spent in direct support, per day, as the support record has it (the support
 * module implements it): minutes only, no participant, no note, no score. Workforce decides who may
 * see the figure; it never reads the support record itself, so it does not depend on the module that
 * keeps it.
 */
public interface DirectSupportMinutes {

    /**
     * Minutes of direct support per day from {@code from} to {@code to}, both included, for the days
     * that have any; never null.
     */
    Map<LocalDate, Integer> minutesByDay(AgencyId agency, PersonId worker, LocalDate from, LocalDate to);
}
