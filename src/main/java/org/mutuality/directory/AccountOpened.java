package org.mutuality.directory;

import org.mutuality.shared.AgencyId;

/**
 * Someone was given a way to sign in. Whoever opened it chose the first password, so the person and
 * the privacy leads are told: an account opened for someone else is how an administrator could act
 * as them.
 */
public record AccountOpened(AgencyId agencyId, PersonId personId) {}
