package org.mutuality.notices;

import org.mutuality.directory.EmailChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person, at the address the agency had for them, that it was changed, and tells every
 * privacy lead when someone other than the person changed it (ADR 0016). Whoever changes an address
 * could be making sure that what is meant for the person reaches them instead: the link to choose a
 * password, every later notice. The old address is the one place the person still hears it. Runs in
 * the directory's transaction, so the notices exist exactly when the change does.
 */
@Component
class AddressNotices {

    private final Notices notices;

    AddressNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(EmailChanged event) {
        if (event.previousEmail() != null) {
            notices.send(
                    event.agencyId(), event.personId(), NoticeKind.EMAIL_CHANGED, "/account", event.previousEmail());
        } else {
            notices.send(event.agencyId(), event.personId(), NoticeKind.EMAIL_CHANGED, "/account");
        }
        if (event.byAnother()) {
            notices.sendToPrivacyLeads(
                    event.agencyId(),
                    NoticeKind.EMAIL_CHANGED_TO_REVIEW,
                    "/people/" + event.personId().value());
        }
    }
}
