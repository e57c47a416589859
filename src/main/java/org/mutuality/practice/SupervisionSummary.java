package org.mutuality.practice;

import java.time.LocalDate;
import org.mutuality.directory.PersonId;

/**
 * That a supervision session happened: its day, the pair and whether both signed it. This is all the
 * privacy lead sees of a session, and what a list shows; never its agenda, notes, topics or actions.
 */
public record SupervisionSummary(
        SupervisionSessionId id,
        LocalDate heldOn,
        PersonId supervisor,
        String supervisorName,
        PersonId supervisee,
        String superviseeName,
        SupervisionForm form,
        SupervisionSession.Status status) {}
