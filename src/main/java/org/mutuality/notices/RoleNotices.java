package org.mutuality.notices;

import org.mutuality.directory.AccountOpened;
import org.mutuality.directory.RoleConfirmed;
import org.mutuality.directory.RoleProposed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person and every privacy lead when a privileged role is proposed for someone, when it is
 * confirmed, and when someone opens an account for them (whoever opens it chose its first password). Runs in the directory's transaction, so the notice exists exactly when the change
 * does (the directory cannot call this module: notices depend on the directory).
 */
@Component
class RoleNotices {

    private final Notices notices;

    RoleNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(RoleProposed event) {
        String link = "/people/" + event.personId().value();
        notices.send(event.agencyId(), event.personId(), NoticeKind.ROLE_PROPOSED, link);
        notices.sendToPrivacyLeads(event.agencyId(), NoticeKind.ROLE_PROPOSED, link);
    }

    @EventListener
    void on(RoleConfirmed event) {
        String link = "/people/" + event.personId().value();
        notices.send(event.agencyId(), event.personId(), NoticeKind.ROLE_CONFIRMED, link);
        notices.sendToPrivacyLeads(event.agencyId(), NoticeKind.ROLE_CONFIRMED, link);
    }

    @EventListener
    void on(AccountOpened event) {
        String link = "/people/" + event.personId().value();
        notices.send(event.agencyId(), event.personId(), NoticeKind.ACCOUNT_OPENED, "/account");
        notices.sendToPrivacyLeads(event.agencyId(), NoticeKind.ACCOUNT_OPENED, link);
    }
}
