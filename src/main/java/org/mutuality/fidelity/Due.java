package org.mutuality.fidelity;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A questionnaire as the participant's list shows it: when they last completed it (null: never, so it
 * is due at intake), the day it is next due, and whether that day has come.
 */
public record Due(Scale scale, @Nullable Instant lastAnswered, LocalDate dueOn, boolean dueNow) {}
