package org.mutuality.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with {@code Retry-After}, never 500 and never after a long wait, when a request fails
 * because the database cannot serve it for a while: it is down or restarting, refuses connections,
 * has no connection to give within the pool's {@code connection-timeout}, takes no changes (a
 * read-only database or transaction, SQLSTATE 25006), lacks resources (a full disk, too many
 * connections: class 53), is being shut down by its operator (class 57), drops the connection in
 * the middle of a commit, or fails in a way the driver or Spring calls transient (a lock timeout, a
 * deadlock: trying again may succeed). The API answers with a problem document ({@link
 * ApiProblems} for what a controller throws, this filter for what a filter throws, such as the
 * sign-in of a bearer token); a page answers with a plain page that needs neither the database nor
 * the layout. Whatever else fails is left to the usual error handling.
 *
 * <p>The answer does not say that nothing was changed: a commit that lost its connection may have
 * happened. It asks the reader to check before sending a change again.
 */
@Component
final class DatabaseUnavailable extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** What {@code Retry-After} says, in seconds: about how long a restarting database takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** SQLSTATE classes (first two characters) that say the database cannot serve for a while. */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of(
            "08", // connection exception: refused, broken, the server closed it
            "53", // insufficient resources: disk full, out of memory, too many connections
            "57"); // operator intervention: shut down, restarting, cannot connect now

    /** Single SQLSTATEs that say so: read-only transaction (PostgreSQL), read-only database (H2). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("25006", "90097");

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    DatabaseUnavailable(MessageSource messages, LocaleResolver locales, ITemplateEngine templates) {
        this.messages = messages;
        this.locales = locales;
        this.templates = templates;
        this.json = JsonMapper.builder()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }

    /**
     * True when {@code failure}, or anything that caused it, says that the database is unavailable
     * for a while rather than that the request or the code is wrong.
     */
    static boolean explains(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            // A commit or rollback the driver could not carry out, with no SQLSTATE to say why: once a
            // connection died, the pool closes it, and the rollback that follows fails with a bare
            // "Connection is closed" that hides the failure before it.
            if (cause instanceof TransactionSystemException ended
                    && ended.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean unavailable(@Nullable String state) {
        return state != null
                && state.length() == 5
                && (UNAVAILABLE_STATES.contains(state) || UNAVAILABLE_CLASSES.contains(state.substring(0, 2)));
    }

    /** The API's answer: 503, {@code Retry-After} and the problem document, in the reader's language. */
    ResponseEntity<ProblemDetail> answer(Throwable failure, Locale locale) {
        warn(failure);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        messages.getMessage("error.503.title", null, locale),
                        messages.getMessage("error.503.text", null, locale)));
    }

    @Override
    public int getOrder() {
        // Around every other filter, Spring Security's included: a bearer token or a browser session
        // is checked against the database before any controller runs.
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !explains(e)) {
                throw e;
            }
            response.reset();
            secure(response);
            Locale locale = locales.resolveLocale(request);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ResponseEntity<ProblemDetail> answer = answer(e, locale);
                response.setStatus(answer.getStatusCode().value());
                answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                response.getOutputStream().write(json.writeValueAsBytes(answer.getBody()));
            } else {
                warn(e);
                page(request, response, locale);
            }
        }
    }

    /**
     * The headers Spring Security writes on every other answer, which {@code reset()} dropped: the
     * answer is written outside its filters. Nothing to load, so the strictest policy fits.
     */
    private static void secure(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    /** The plain page: no layout, whose menus would read the database again. */
    private void page(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(request, response),
                locale);
        templates.process("error/503", context, response.getWriter());
    }

    /** One line, without the stack: an outage fails every request, and each would repeat it. */
    private static void warn(Throwable failure) {
        log.warn("The database is unavailable; answered 503 ({})", reason(failure));
    }

    /** The innermost cause's kind and SQLSTATE, never its message (which may quote a value). */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        String state = null;
        for (int depth = 0; depth < 32; depth++) {
            if (innermost instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
            Throwable next = innermost.getCause();
            if (next == null || next == innermost) {
                break;
            }
            innermost = next;
        }
        return innermost.getClass().getSimpleName() + (state == null ? "" : ", SQLSTATE " + state);
    }
}
