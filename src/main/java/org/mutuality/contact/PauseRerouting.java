package org.mutuality.contact;

import org.mutuality.safety.Pauses;
import org.mutuality.safety.RolePaused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When someone's contact with participants is paused, the messages waiting for them go to their
 * program's on-duty peer worker or its coordinators ({@link Contact#reroute}). Runs in the pause's
 * transaction, so no message waits for a paused worker once the pause exists (safety cannot call
 * this module: contact depends on safety, which says who is paused).
 */
@Component
class PauseRerouting {

    private final Contact contact;

    PauseRerouting(Contact contact) {
        this.contact = contact;
    }

    @EventListener
    void on(RolePaused paused) {
        if (paused.scopes().contains(Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
            contact.reroute(paused.by(), paused.person());
        }
    }
}
