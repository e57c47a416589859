package org.mutuality.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Actor;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.web.CaughtRefusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records a refused web request that no module recorded itself: a {@link ForbiddenException}, or a
 * 404 that hides a record the caller may not see ({@link NotFoundException#hiding}). The web layer
 * calls it for every such exception that leaves a handler; a page that catches one to show a form
 * message hands it here with {@link #recordIfRefusal}. At most one entry per request: nothing is
 * written when a module (or an earlier call) already recorded the refusal
 * ({@link AuditLog#refusalRecordedInThisRequest}).
 *
 * <p>The entry: the signed-in person, {@code READ} for GET and {@code WRITE} otherwise, outcome
 * {@code DENIED}; the person when the route names one ({@code people/{id}}, {@code
 * participants/{id}}, {@code threads/{id}}) or the hidden record is about one; the record kind from
 * the route's last fixed segment ({@code PROFILE} when the route ends with a person); the route's
 * last id when it is a UUID; and the route pattern as its detail, never query values or names.
 */
@Component
public class Refusals implements CaughtRefusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    /** Route segments followed by a person's id. */
    private static final Set<String> PERSON_SEGMENTS = Set.of("people", "participants", "threads");

    /** Route segments that only say where the API lives. */
    private static final Set<String> PREFIXES = Set.of("api", "v1");

    private final AuditLog audit;

    Refusals(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Records {@code e} when it is a refusal ({@link ForbiddenException} or a hiding
     * {@link NotFoundException}) of the current web request; does nothing otherwise, outside a web
     * request, without a signed-in person, or when the refusal is already recorded.
     */
    @Override
    public void recordIfRefusal(RuntimeException e) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            record(servlet.getRequest(), e);
        }
    }

    /** As {@link #recordIfRefusal}, for the given request. Never throws: a failure is logged. */
    public void record(HttpServletRequest request, Exception e) {
        boolean hidden = e instanceof NotFoundException notFound && notFound.hides();
        if (!(e instanceof ForbiddenException) && !hidden) {
            return;
        }
        Actor actor = actor();
        if (actor == null || AuditLog.refusalRecordedInThisRequest()) {
            return;
        }
        try {
            UUID subject = hidden
                    ? ((NotFoundException) e).subject()
                    : e instanceof ForbiddenException forbidden ? forbidden.subject() : null;
            AuditEvent event = entry(actor, request, subject, hidden);
            if (event.action() == AuditAction.READ) {
                audit.recordRead(event);
            } else {
                audit.record(event);
            }
        } catch (RuntimeException failure) {
            // The caller is refused either way; a refusal we could not record is an alarm for operators.
            log.error("Recording a refused request failed", failure);
        }
    }

    static AuditEvent entry(Actor actor, HttpServletRequest request, @Nullable UUID hiddenSubject, boolean hidden) {
        String method = request.getMethod();
        String route = route(request);
        Map<String, String> variables = variables(request);
        UUID subject = hiddenSubject != null ? hiddenSubject : personIn(route, variables);
        AuditAction action = method.equals("GET") || method.equals("HEAD") ? AuditAction.READ : AuditAction.WRITE;
        return AuditEvent.by(actor, action, AuditOutcome.DENIED)
                .about(subject, recordKind(route), lastVariable(route, variables))
                .noting(method + " " + route + (hidden ? " (answered as not found)" : ""));
    }

    /** The matched route, such as {@code /api/v1/timesheets/{id}}; the raw path when there is none. */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : request.getRequestURI();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    /**
     * The kind of record the route serves, from its last fixed segment: {@code CONSENT_DIRECTIVES},
     * {@code TIMESHEETS}, {@code SCAN}; a route that ends with a person's id serves their
     * {@code PROFILE}.
     */
    static String recordKind(String route) {
        List<String> fixed = segments(route).stream()
                .filter(s -> !s.startsWith("{") && !PREFIXES.contains(s))
                .toList();
        if (fixed.isEmpty()) {
            return "PAGE";
        }
        List<String> all = segments(route);
        String last = fixed.get(fixed.size() - 1);
        boolean endsWithPerson = all.get(all.size() - 1).startsWith("{")
                && all.size() > 1
                && PERSON_SEGMENTS.contains(all.get(all.size() - 2));
        if (endsWithPerson) {
            return "PROFILE";
        }
        String kind = last.replaceFirst("\\.[a-z]+$", "")
                .replace('-', '_')
                .replace('.', '_')
                .toUpperCase(Locale.ROOT);
        return kind.length() > 40 ? kind.substring(0, 40) : kind;
    }

    /** The id after {@code people/}, {@code participants/} or {@code threads/} in the route, if any. */
    private static @Nullable UUID personIn(String route, Map<String, String> variables) {
        List<String> all = segments(route);
        for (int i = 1; i < all.size(); i++) {
            if (PERSON_SEGMENTS.contains(all.get(i - 1)) && all.get(i).startsWith("{")) {
                return uuid(variables.get(name(all.get(i))));
            }
        }
        return null;
    }

    private static @Nullable String lastVariable(String route, Map<String, String> variables) {
        List<String> all = segments(route);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).startsWith("{")) {
                String value = variables.get(name(all.get(i)));
                return uuid(value) == null ? null : value;
            }
        }
        return null;
    }

    private static List<String> segments(String route) {
        return List.of(route.replaceFirst("^/", "").split("/"));
    }

    private static String name(String variable) {
        return variable.substring(1, variable.length() - 1);
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
    }
}
