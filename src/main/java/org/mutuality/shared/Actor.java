package org.mutuality.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Whoever is acting, as the shared kernel sees them: their agency, the person they are, and the
 * names of the roles they hold today. The signed-in user implements it, so that modules below the
 * directory (audit) can know who acts without depending on the directory.
 */
public interface Actor {

    AgencyId agencyId();

    /** The person's id in the agency's directory. */
    UUID actorPersonId();

    /** The names of the roles held today, such as {@code PRIVACY_LEAD}. */
    Set<String> roleNames();
}
