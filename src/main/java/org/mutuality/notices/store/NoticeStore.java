package org.mutuality.notices.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.notices.Notice;
import org.mutuality.notices.NoticeCursor;
import org.mutuality.notices.NoticeKind;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored notices. Every statement is scoped by agency and, for reading, by recipient. */
@Repository
public class NoticeStore {

    /**
     * A notice waiting for its email, with what the mailer needs.
     *
     * @param address where to send it instead of the recipient's address of now, or null
     */
    public record Pending(
            UUID id,
            AgencyId agency,
            PersonId recipient,
            NoticeKind kind,
            String link,
            @Nullable String address) {

        @Override
        public String toString() {
            return "Pending[" + id + ", " + kind + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID insert(AgencyId agency, PersonId recipient, NoticeKind kind, String link) {
        return insert(agency, recipient, kind, link, null);
    }

    /** As {@link #insert(AgencyId, PersonId, NoticeKind, String)}, emailed to {@code address} when given. */
    public UUID insert(AgencyId agency, PersonId recipient, NoticeKind kind, String link, @Nullable String address) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notice (id, agency_id, recipient_id, kind, link, created_at, email_status, email_to)
                        values (:id, :agency, :recipient, :kind, :link, :now, 'PENDING', :address)
                        """)
                .param("address", address)
                .param("id", id)
                .param("agency", agency.value())
                .param("recipient", recipient.value())
                .param("kind", kind.name())
                .param("link", link)
                .param("now", now())
                .update();
        return id;
    }

    /**
     * A page of the recipient's notices, newest first by moment and id, after {@code after}; one more
     * than {@code limit} is read when there is one (see {@link Page#of}).
     */
    public Page<Notice> of(AgencyId agency, PersonId recipient, @Nullable NoticeCursor after, int limit) {
        var query = jdbc.sql("select * from notice where agency_id = :agency and recipient_id = :recipient"
                        + (after == null ? "" : " and (created_at < :at or (created_at = :at and id < :id))")
                        + " order by created_at desc, id desc limit :fetch")
                .param("agency", agency.value())
                .param("recipient", recipient.value())
                .param("fetch", Page.fetchSize(limit));
        if (after != null) {
            query = query.param("at", after.createdAt().atOffset(ZoneOffset.UTC))
                    .param("id", after.id());
        }
        return Page.of(
                query.query((rs, n) -> notice(rs)).list(),
                limit,
                notice -> NoticeCursor.after(notice).cursor());
    }

    /** One of the recipient's notices; someone else's is empty. */
    public Optional<Notice> find(AgencyId agency, PersonId recipient, UUID id) {
        return jdbc.sql("select * from notice where agency_id = :agency and recipient_id = :recipient and id = :id")
                .param("agency", agency.value())
                .param("recipient", recipient.value())
                .param("id", id)
                .query((rs, n) -> notice(rs))
                .optional();
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Notice(
                rs.getObject("id", UUID.class),
                new PersonId(rs.getObject("recipient_id", UUID.class)),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }

    public int unreadCount(AgencyId agency, PersonId recipient) {
        return jdbc.sql("""
                        select count(*) from notice
                        where agency_id = :agency and recipient_id = :recipient and read_at is null
                        """)
                .param("agency", agency.value())
                .param("recipient", recipient.value())
                .query(Integer.class)
                .single();
    }

    public boolean markRead(AgencyId agency, PersonId recipient, UUID id) {
        return jdbc.sql("""
                        update notice set read_at = coalesce(read_at, :now)
                        where id = :id and agency_id = :agency and recipient_id = :recipient
                        """)
                        .param("now", now())
                        .param("id", id)
                        .param("agency", agency.value())
                        .param("recipient", recipient.value())
                        .update()
                == 1;
    }

    /** Notices whose email has not been attempted yet, oldest first. */
    public List<Pending> pendingEmail(int limit) {
        return jdbc.sql("""
                        select id, agency_id, recipient_id, kind, link, email_to from notice
                        where email_status = 'PENDING'
                        order by created_at fetch first :limit rows only
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        new AgencyId(rs.getObject("agency_id", UUID.class)),
                        new PersonId(rs.getObject("recipient_id", UUID.class)),
                        NoticeKind.valueOf(rs.getString("kind")),
                        rs.getString("link"),
                        rs.getString("email_to")))
                .list();
    }

    /**
     * Records the email's fate: {@code SENT}, {@code NO_ADDRESS} or {@code FAILED}. An address given
     * for this notice alone is forgotten then.
     */
    public void emailed(UUID id, String status) {
        jdbc.sql("update notice set email_status = :status, emailed_at = :now, email_to = null where id = :id")
                .param("status", status)
                .param("now", now())
                .param("id", id)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
