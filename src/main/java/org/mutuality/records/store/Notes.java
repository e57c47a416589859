package org.mutuality.records.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.records.Note;
import org.mutuality.records.NoteCursor;
import org.mutuality.records.NoteId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.NewestFirst;
import org.mutuality.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes, inserted only. Every statement is scoped by agency. */
@Repository
public class Notes {

    private static final NewestFirst PAGES = new NewestFirst("written_on", "created_at", "id");

    private final JdbcClient jdbc;

    public Notes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, Note note) {
        jdbc.sql("""
                        insert into record_note (id, agency_id, subject_id, author_id, kind, written_on, body, amends,
                                                 created_at)
                        values (:id, :agency, :subject, :author, :kind, :on, :body, :amends, :at)
                        """)
                .param("id", note.id().value())
                .param("agency", agency.value())
                .param("subject", note.subject().value())
                .param("author", note.author().value())
                .param("kind", note.kind().name())
                .param("on", note.writtenOn())
                .param("body", note.text())
                .param("amends", note.amends() == null ? null : note.amends().value())
                .param("at", OffsetDateTime.ofInstant(note.createdAt(), ZoneOffset.UTC))
                .update();
    }

    /**
     * A page of the person's notes of one kind, newest first (by day written, then moment, then id),
     * starting after {@code after}; one note more than {@code limit} is read when there is one, so
     * that {@link Page#of} knows whether another page follows.
     */
    public Page<Note> about(AgencyId agency, PersonId subject, RecordKind kind, @Nullable NoteCursor after, int limit) {
        var query = jdbc.sql("select * from record_note where agency_id = :agency and subject_id = :subject"
                        + " and kind = :kind" + PAGES.after(after) + PAGES.orderAndLimit())
                .param("agency", agency.value())
                .param("subject", subject.value())
                .param("kind", kind.name());
        query = after == null
                ? PAGES.bind(query, limit, null, null, null)
                : PAGES.bind(
                        query,
                        limit,
                        after.writtenOn(),
                        after.createdAt(),
                        after.id().value());
        return Page.of(
                query.query((rs, n) -> note(rs)).list(),
                limit,
                note -> NoteCursor.after(note).cursor());
    }

    public Optional<Note> find(AgencyId agency, NoteId id) {
        return jdbc.sql("select * from record_note where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> note(rs))
                .optional();
    }

    public long count(AgencyId agency) {
        return jdbc.sql("select count(*) from record_note where agency_id = :agency")
                .param("agency", agency.value())
                .query(Long.class)
                .single();
    }

    private static Note note(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID amends = rs.getObject("amends", UUID.class);
        return new Note(
                new NoteId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("subject_id", UUID.class)),
                new PersonId(rs.getObject("author_id", UUID.class)),
                RecordKind.valueOf(rs.getString("kind")),
                rs.getObject("written_on", LocalDate.class),
                rs.getString("body"),
                amends == null ? null : new NoteId(amends),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
