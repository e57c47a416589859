package org.mutuality.audit.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditCursor;
import org.mutuality.audit.AuditEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * A person's access log in plain sentences in their language, at the agency's local time: "Jordan
 * Lee read your support notes, as your assigned peer worker." Codes never reach the page: an action,
 * a kind of record or a basis without words of its own reads in general words ("a record about
 * you").
 */
@Component
class AccessLogLines {

    private final MessageSource messages;

    AccessLogLines(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * One entry as the person reads it.
     *
     * @param sentence who did what to which record, in one sentence
     * @param because on what basis, when there are words for it; null otherwise
     * @param when the moment, in the agency's time zone and the reader's locale
     * @param refused whether it was a refused attempt
     * @param emergency whether it was a break-the-glass access
     */
    record Line(String sentence, @Nullable String because, String when, boolean refused, boolean emergency) {}

    List<Line> lines(List<AuditEntry> entries, UUID self, Map<UUID, String> names, ZoneId zone, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        return entries.stream().map(e -> line(e, self, names, format, locale)).toList();
    }

    /** The moment of an entry as a link to older entries carries it. */
    static String cursor(AuditEntry e) {
        return e.recordedAt() + "_" + e.id();
    }

    private Line line(AuditEntry e, UUID self, Map<UUID, String> names, DateTimeFormatter format, Locale locale) {
        String who = self.equals(e.actorId())
                ? msg("accessLog.you", locale)
                : e.actorId() != null && names.containsKey(e.actorId())
                        ? names.get(e.actorId())
                        : msg("accessLog.unknown", locale);
        String what = e.recordKind() == null
                ? msg("accessLog.kind.other", locale)
                : orElse("accessLog.kind." + e.recordKind(), "accessLog.kind.other", locale);
        boolean refused = "DENIED".equals(e.outcome());
        boolean emergency = "BREAK_GLASS".equals(e.basis()) || "BREAK_GLASS".equals(e.action());
        String verb = refused ? "accessLog.verb.refused." + e.action() : "accessLog.verb." + e.action();
        String fallback = refused ? "accessLog.verb.refused" : "accessLog.verb.other";
        String sentence = orElse(verb, fallback, locale, who, what);
        String because = emergency
                ? msg("accessLog.basis.BREAK_GLASS", locale)
                : e.basis() == null || self.equals(e.actorId())
                        ? null
                        : optional("accessLog.basis." + e.basis(), locale);
        return new Line(sentence, because, format.format(e.recordedAt()), refused, emergency);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String orElse(String key, String fallback, Locale locale, Object... args) {
        return msg(optional(key, locale) == null ? fallback : key, locale, args);
    }

    private @Nullable String optional(String key, Locale locale) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    /**
     * The cursor a link carries: the moment of the last entry shown and its id ({@code
     * 2026-12-02T14:04:00Z_<id>}), or a moment alone as older links carry it.
     */
    static @Nullable AuditCursor parse(@Nullable String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        String[] parts = before.strip().split("_", 2);
        Instant at;
        UUID id = null;
        try {
            at = Instant.parse(parts[0]);
            if (parts.length == 2) {
                id = UUID.fromString(parts[1]);
            }
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new org.mutuality.shared.BadInputException("accessLog.badCursor");
        }
        // A moment the database cannot hold (year -1000000000) is as bad a cursor as a misspelt one.
        if (at.isBefore(Instant.EPOCH) || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw new org.mutuality.shared.BadInputException("accessLog.badCursor");
        }
        return new AuditCursor(at, id);
    }
}
