package org.mutuality.directory.account;

import java.time.Duration;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated failed sign-ins, in the browser and at the token
 * endpoint alike. The count lives in the database, so it holds across several nodes. The lock stops
 * password sign-in and ends the browser sessions; existing API tokens keep working.
 */
@Component
class SignInThrottle {

    private final Accounts accounts;
    private final AuditLog audit;
    private final Sessions sessions;
    private final int maxFailures;
    private final Duration lockFor;

    SignInThrottle(
            Accounts accounts,
            AuditLog audit,
            Sessions sessions,
            @Value("${mutuality.security.max-failed-sign-ins:5}") int maxFailures,
            @Value("${mutuality.security.lock-duration:15m}") Duration lockFor) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessions = sessions;
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
                        AuditAction.SIGN_IN,
                        account.personId().value(),
                        "ACCOUNT",
                        null,
                        null,
                        null,
                        AuditOutcome.FAILED,
                        null)));
        if (accounts.recordFailure(username, maxFailures, lockFor)) {
            // A lock ends the browser sessions (someone may be guessing because they stole one) but
            // never the tokens: anyone could otherwise cut a person off from their integrations.
            accounts.findByUsername(username).ifPresent(account -> sessions.endBrowserSessions(account.id(), "LOCKED"));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof org.mutuality.directory.SignedInUser user) {
            accounts.recordSuccess(user.getUsername());
            audit.record(AuditEvent.by(user, AuditAction.SIGN_IN, AuditOutcome.SUCCEEDED)
                    .about(user.actorPersonId(), "ACCOUNT", null));
        }
    }
}
