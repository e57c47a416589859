package org.mutuality.safety;

import java.time.LocalDate;

/**
 * That a boundary incident involving someone is still open or being handled, and the day it
 * happened: nothing of what happened, who else was involved or any account. For a supervision
 * agenda, which keeps references only.
 */
public record OpenIncident(IncidentId id, LocalDate occurredOn) {}
