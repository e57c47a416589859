package org.mutuality.access;

import org.mutuality.shared.AgencyId;

/**
 * Published when something the guard decides on changes in an agency: a consent directive given or
 * withdrawn, or a break-the-glass grant. Listeners react after the change commits.
 */
public record AccessChanged(AgencyId agencyId) {}
