package org.mutuality.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.Refusals;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Hands every exception that leaves a handler, page or API, to {@link Refusals}, which records the
 * refusals no module recorded. One place rather than a line in each controller: a new endpoint that
 * refuses is audited without anyone remembering to, which {@code AuditCoverageIntegrationTests}
 * proves for every handler.
 *
 * <p>It runs before the resolvers that write the response and resolves nothing itself, so the
 * caller gets exactly the answer they got before (the same 403 problem or page, the same 404).
 */
@Component
class RefusedRequests implements HandlerExceptionResolver, Ordered {

    private final Refusals refusals;

    RefusedRequests(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        refusals.record(request, ex);
        return null;
    }
}
