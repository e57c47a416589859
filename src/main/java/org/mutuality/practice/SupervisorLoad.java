package org.mutuality.practice;

import org.mutuality.directory.PersonId;

/**
 * A supervisor and how many people they supervise today, flagged when that is more than the agency's
 * ratio. Nothing is refused because of it: it is a sign to look at.
 */
public record SupervisorLoad(PersonId supervisor, String name, int supervisees, int overdue, boolean overRatio) {}
