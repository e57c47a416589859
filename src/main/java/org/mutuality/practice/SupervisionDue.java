package org.mutuality.practice;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * When a supervision pair's next session is due, by the agency's schedule: names and dates only,
 * never what a session said.
 *
 * @param lastHeld the day of their last session held, or null before their first
 */
public record SupervisionDue(
        PersonId supervisor,
        String supervisorName,
        PersonId supervisee,
        String superviseeName,
        @Nullable LocalDate lastHeld,
        LocalDate dueOn,
        boolean overdue) {}
