package org.mutuality.practice.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.JournalEntryId;
import org.mutuality.practice.JournalPrompt;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Journal entries as stored: sealed. This store never sees an entry's text in clear. Every statement
 * is scoped by agency.
 */
@Repository
public class JournalStore {

    private static final String COLUMNS = "id, author_id, prompt, sealed_text, written_at, shared_at";

    private final JdbcClient jdbc;

    public JournalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored entry: its sealed text and what is kept in clear beside it. */
    public record Row(
            JournalEntryId id,
            PersonId author,
            @Nullable JournalPrompt prompt,
            String sealed,
            Instant writtenAt,
            @Nullable Instant sharedAt) {}

    public void insert(AgencyId agency, Row row) {
        jdbc.sql("""
                        insert into journal_entry (id, agency_id, author_id, prompt, sealed_text, written_at, shared_at)
                        values (:id, :agency, :author, :prompt, :sealed, :written, :shared)
                        """)
                .param("id", row.id().value())
                .param("agency", agency.value())
                .param("author", row.author().value())
                .param("prompt", row.prompt() == null ? null : row.prompt().name())
                .param("sealed", row.sealed())
                .param("written", row.writtenAt().atOffset(ZoneOffset.UTC))
                .param("shared", row.sharedAt() == null ? null : row.sharedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<Row> find(AgencyId agency, JournalEntryId id) {
        return jdbc.sql("select " + COLUMNS + " from journal_entry where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** The author's entries, newest first, one page of them. */
    public List<Row> byAuthor(AgencyId agency, PersonId author, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from journal_entry where agency_id = :agency and author_id = :author"
                        + " order by written_at desc, id limit :limit offset :offset")
                .param("agency", agency.value())
                .param("author", author.value())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** The entries these authors share, newest first, one page of them. */
    public List<Row> sharedBy(AgencyId agency, List<PersonId> authors, int offset, int limit) {
        if (authors.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from journal_entry where agency_id = :agency"
                        + " and author_id in (:authors) and shared_at is not null"
                        + " order by shared_at desc, id limit :limit offset :offset")
                .param("agency", agency.value())
                .param("authors", authors.stream().map(PersonId::value).toList())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** Shares or unshares an entry; false when it is gone (deleted meanwhile). */
    public boolean shared(AgencyId agency, JournalEntryId id, @Nullable Instant sharedAt) {
        return jdbc.sql("update journal_entry set shared_at = :shared where agency_id = :agency and id = :id")
                        .param("shared", sharedAt == null ? null : sharedAt.atOffset(ZoneOffset.UTC))
                        .param("agency", agency.value())
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Deletes an entry for good; false when it was gone already. */
    public boolean delete(AgencyId agency, JournalEntryId id, PersonId author) {
        return jdbc.sql("delete from journal_entry where agency_id = :agency and id = :id and author_id = :author")
                        .param("agency", agency.value())
                        .param("id", id.value())
                        .param("author", author.value())
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String prompt = rs.getString("prompt");
        OffsetDateTime shared = rs.getObject("shared_at", OffsetDateTime.class);
        return new Row(
                new JournalEntryId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("author_id", UUID.class)),
                prompt == null ? null : JournalPrompt.valueOf(prompt),
                rs.getString("sealed_text"),
                rs.getObject("written_at", OffsetDateTime.class).toInstant(),
                shared == null ? null : shared.toInstant());
    }
}
