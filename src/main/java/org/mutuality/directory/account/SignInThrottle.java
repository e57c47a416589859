package org.mutuality.directory.account;

import java.time.Duration;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated failed sign-ins, in the browser and at the token
 * endpoint alike. The count lives in the database, so it holds across several nodes.
 */
@Component
class SignInThrottle {

    private final Accounts accounts;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration lockFor;

    SignInThrottle(
            Accounts accounts,
            AuditLog audit,
            @Value("${mutuality.security.max-failed-sign-ins:5}") int maxFailures,
            @Value("${mutuality.security.lock-duration:15m}") Duration lockFor) {
        this.accounts = accounts;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        accounts.findByUsername(username)
                .ifPresent(account -> audit.record(new AuditEvent(
                        account.agencyId(),
                        account.personId().value(),
                        null,
                        "SIGN_IN",
                        account.personId().value(),
                        "ACCOUNT",
                        null,
                        null,
                        null,
                        "FAILED",
                        null)));
        accounts.recordFailure(username, maxFailures, lockFor);
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof org.mutuality.directory.SignedInUser user) {
            accounts.recordSuccess(user.getUsername());
            audit.record(AuditEvent.by(user, "SIGN_IN", "SUCCEEDED").about(user.actorPersonId(), "ACCOUNT", null));
        }
    }
}
