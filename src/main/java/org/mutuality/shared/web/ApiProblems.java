package org.mutuality.shared.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error of the JSON API into an RFC 9457 problem document. Messages name the bad
 * field or value but never echo personal data back into logs.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE_BASE = "https://mutuality.org/problems/";

    private final Pages pages;
    private final DatabaseUnavailable databaseUnavailable;

    ApiProblems(Pages pages, DatabaseUnavailable databaseUnavailable) {
        this.pages = pages;
        this.databaseUnavailable = databaseUnavailable;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", pages.text(e));
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", pages.text(e));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail body = problem(HttpStatus.CONFLICT, "conflict", "Conflict", pages.text(e));
        e.facts().forEach(body::setProperty);
        return body;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflict",
                "The change clashes with data that already exists; nothing was changed.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", pages.text(e));
    }

    /**
     * 500, or 503 with {@code Retry-After} when the database cannot serve for a while (down,
     * restarting, read-only, full: {@link DatabaseUnavailable}), however deep the cause lies.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.explains(e)) {
            return databaseUnavailable.answer(e, LocaleContextHolder.getLocale());
        }
        log.error("Unexpected error while handling an API request", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "Something went wrong on our side; nothing was changed."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Sorted: the validator reports fields in no fixed order, and the same body gets the same answer.
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(java.util.Comparator.comparing((org.springframework.validation.FieldError f) -> f.getField())
                        .thenComparing(f -> String.valueOf(f.getDefaultMessage())))
                .map(f -> Map.of(
                        "field",
                        f.getField(),
                        "message",
                        f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Some fields are missing or invalid.");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", describe(ex));
        return ResponseEntity.badRequest().body(body);
    }

    private String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (!(cause instanceof JacksonException jackson)) {
            return "The request body is missing or is not valid JSON.";
        }
        if (jackson instanceof StreamConstraintsException) {
            return "The body is over a limit: a text of at most " + StrictJson.MAX_STRING_LENGTH
                    + " characters, at most " + StrictJson.MAX_NESTING_DEPTH + " levels of nesting.";
        }
        String path = jackson.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat)
                .replaceFirst("^\\.", "");
        String where = path.isEmpty() ? "The body" : "Field '" + path + "'";
        Throwable root = jackson;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof Explained explained) {
            String text = pages.text(explained.explanation());
            return path.isEmpty() ? text : "Field '" + path + "': " + text;
        }
        if (root instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return path.isEmpty() ? iae.getMessage() : "Field '" + path + "': " + iae.getMessage();
        }
        if (jackson instanceof InvalidNullException) {
            return where + " must not be null.";
        }
        if (jackson instanceof InvalidFormatException format
                && format.getTargetType() == String.class
                && format.getValue() instanceof String) {
            return where + " " + format.getOriginalMessage();
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + " must be " + expected(mismatch.getTargetType()) + ".";
        }
        if (!path.isEmpty()) {
            return where + " has a value of the wrong type or format.";
        }
        return "The body is not valid JSON.";
    }

    /** What a value of the type looks like, in the words of the API's description. */
    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-03-14";
        }
        if (type == LocalTime.class) {
            return "a time such as 14:30";
        }
        if (type == LocalDateTime.class) {
            return "a date and time such as 2025-03-14T14:30";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a moment such as 2025-03-14T14:30:00Z";
        }
        if (type == UUID.class) {
            return "an id (a UUID)";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, @Nullable String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }
}
