package org.mutuality.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of a page of a record kept newest first by day, then moment, then id (notes by the day
 * written, contacts by the day they happened): the order, and the condition that starts a page after
 * the last item of the one before, read from an index however long the record is.
 *
 * @param day the column of the day
 * @param moment the column of the moment it was recorded
 * @param id the column of the id
 */
public record NewestFirst(String day, String moment, String id) {

    /** The condition of the rows after the cursor's (empty for the first page), starting with {@code and}. */
    public String after(@Nullable Object cursor) {
        return cursor == null
                ? ""
                : " and (" + day + " < :afterDay or (" + day + " = :afterDay and (" + moment + " < :afterMoment"
                        + " or (" + moment + " = :afterMoment and " + id + " < :afterId))))";
    }

    /** The order and the number of rows a page reads ({@link Page#fetchSize}). */
    public String orderAndLimit() {
        return " order by " + day + " desc, " + moment + " desc, " + id + " desc limit :fetch";
    }

    /** Binds the page's size and, after a page, where it ended. */
    public JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec query,
            int limit,
            @Nullable LocalDate afterDay,
            @Nullable Instant afterMoment,
            @Nullable UUID afterId) {
        JdbcClient.StatementSpec bound = query.param("fetch", Page.fetchSize(limit));
        if (afterDay != null && afterMoment != null && afterId != null) {
            bound = bound.param("afterDay", afterDay)
                    .param("afterMoment", OffsetDateTime.ofInstant(afterMoment, ZoneOffset.UTC))
                    .param("afterId", afterId);
        }
        return bound;
    }
}
