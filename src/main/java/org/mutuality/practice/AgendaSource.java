package org.mutuality.practice;

import java.time.LocalDate;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;

/**
 * Something waiting for a supervision pair that a new session's agenda should bring in: reflections
 * the supervisee shared, open consultations, invitations to reflect, boundary incidents, checklist
 * topics not discussed lately, actions left open. Each part of the practice module that keeps such a
 * thing implements this; the supervision sessions ask every implementation when a session is planned.
 */
public interface AgendaSource {

    /**
     * What waits for this pair today. An item names its record by reference only: the agenda is
     * kept with the session, and a record's text (a journal entry above all) must not be copied
     * into it.
     */
    List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today);
}
