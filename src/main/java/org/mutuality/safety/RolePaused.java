package org.mutuality.safety;

import java.util.Set;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;

/**
 * Part of a person's role was paused. Published in the pause's transaction, so that what follows
 * from it (contact re-routes the messages waiting for the person) happens exactly when the pause does.
 *
 * @param by who paused it, for the audit of what follows
 */
public record RolePaused(SignedInUser by, RolePauseId pause, PersonId person, Set<Pauses.Scope> scopes) {

    public RolePaused {
        scopes = Set.copyOf(scopes);
    }
}
