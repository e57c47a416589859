package org.mutuality.safety;

import java.util.Locale;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;

/**
 * Whether a staff member's part of the peer support work is paused right now. The safety module,
 * which keeps role pauses ({@link RolePauses}), provides it; peer support and contact ask it before
 * suggesting, assigning or recording contact, before a group session, and before routing a message.
 */
public interface Pauses {

    /** What can be paused. */
    enum Scope {
        /** Contact with participants: no new assignment, no contact recorded. */
        CONTACT_WITH_PARTICIPANTS,
        /** Leading groups: no session recorded as leader, not chosen as a leader. */
        LEADING_GROUPS;

        /**
         * The scope a form names, in any case.
         *
         * @throws BadInputException for any other text
         */
        public static Scope named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("pause.chooseScope");
            }
        }
    }

    boolean paused(AgencyId agency, PersonId person, Scope scope);

    /** Nothing is ever paused: for an installation without the safety module. */
    Pauses NONE = (agency, person, scope) -> false;
}
