package org.mutuality.support;

import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;

/**
 * Whether a staff member's part of the peer support work is paused right now. The safety module,
 * which keeps role pauses, provides it; peer support asks it before suggesting, assigning or
 * recording contact, and before a group session.
 */
public interface Pauses {

    /** What can be paused. */
    enum Scope {
        /** Contact with participants: no new assignment, no contact recorded. */
        CONTACT_WITH_PARTICIPANTS,
        /** Leading groups: no session recorded as leader, not chosen as a leader. */
        LEADING_GROUPS
    }

    boolean paused(AgencyId agency, PersonId person, Scope scope);

    /** Nothing is ever paused: for an installation without the safety module. */
    Pauses NONE = (agency, person, scope) -> false;
}
