package org.mutuality.practice;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One line of a supervision agenda: where it comes from, the record it points to, and since when it
 * has waited. The page words it in the reader's language from {@code source} and {@code topic}; it
 * never holds the text of the record it points to.
 *
 * @param reference the id of the record it points to (an entry, a consultation, an incident, an
 *     action), or the name of a checklist topic
 * @param topic a short label the page shows as is, such as a date or the name of a checklist topic's
 *     message key; never a record's text
 * @param since when it started waiting, if known
 */
public record AgendaItem(
        Source source,
        String reference,
        @Nullable String topic,
        @Nullable LocalDate since) {

    /** Where an agenda item comes from, in the order the agenda lists them. */
    public enum Source {
        CARRIED_ACTION,
        SHARED_REFLECTION,
        OPEN_CONSULTATION,
        REFLECTION_INVITATION,
        BOUNDARY_INCIDENT,
        CHECKLIST_TOPIC
    }
}
