package org.mutuality.access.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.access.BreakGlassGrant;
import org.mutuality.access.BreakGlassGrantId;
import org.mutuality.access.BreakGlassReason;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Break-the-glass grants. Every statement is scoped by agency; a grant is only ever updated by its review. */
@Repository
public class Grants {

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, BreakGlassGrant grant) {
        jdbc.sql("""
                        insert into break_glass (id, agency_id, reader_id, subject_id, record_kind, reason, detail,
                                                 granted_at, expires_at, overrode_directive)
                        values (:id, :agency, :reader, :subject, :kind, :reason, :detail, :granted, :expires, :overrode)
                        """)
                .param("id", grant.id().value())
                .param("agency", agency.value())
                .param("reader", grant.reader().value())
                .param("subject", grant.subject().value())
                .param("kind", grant.kind().name())
                .param("reason", grant.reason().name())
                .param("detail", grant.detail())
                .param("granted", utc(grant.grantedAt()))
                .param("expires", utc(grant.expiresAt()))
                .param("overrode", grant.overrodeDirective())
                .update();
    }

    /** Grants that have not expired at {@code now}, for the guard's index. */
    public List<BreakGlassGrant> unexpired(AgencyId agency, Instant now) {
        return jdbc.sql("select * from break_glass where agency_id = :agency and expires_at > :now")
                .param("agency", agency.value())
                .param("now", utc(now))
                .query(Grants::map)
                .list();
    }

    public Optional<BreakGlassGrant> find(AgencyId agency, BreakGlassGrantId id) {
        return jdbc.sql("select * from break_glass where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query(Grants::map)
                .optional();
    }

    /** The agency's grants, newest first; only those waiting for review when {@code pendingOnly}. */
    public List<BreakGlassGrant> list(AgencyId agency, boolean pendingOnly, int limit) {
        return jdbc.sql("select * from break_glass where agency_id = :agency"
                        + (pendingOnly ? " and review_outcome is null" : "")
                        + " order by granted_at desc, id fetch first :limit rows only")
                .param("agency", agency.value())
                .param("limit", limit)
                .query(Grants::map)
                .list();
    }

    public List<BreakGlassGrant> byReader(AgencyId agency, PersonId reader, int limit) {
        return jdbc.sql("""
                        select * from break_glass where agency_id = :agency and reader_id = :reader
                        order by granted_at desc, id fetch first :limit rows only
                        """)
                .param("agency", agency.value())
                .param("reader", reader.value())
                .param("limit", limit)
                .query(Grants::map)
                .list();
    }

    /** Records the grant's review unless one is already recorded; false when it was. */
    public boolean review(AgencyId agency, BreakGlassGrant reviewed) {
        BreakGlassGrant.Review review = Objects.requireNonNull(reviewed.review());
        return jdbc.sql("""
                        update break_glass set review_outcome = :outcome, reviewed_by = :reviewer, reviewed_at = :at,
                                               review_note = :note
                        where agency_id = :agency and id = :id and review_outcome is null
                        """)
                        .param("outcome", review.outcome().name())
                        .param("reviewer", review.reviewer().value())
                        .param("at", utc(review.reviewedAt()))
                        .param("note", review.note())
                        .param("agency", agency.value())
                        .param("id", reviewed.id().value())
                        .update()
                == 1;
    }

    private static BreakGlassGrant map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("review_outcome");
        BreakGlassGrant.Review review = outcome == null
                ? null
                : new BreakGlassGrant.Review(
                        BreakGlassGrant.Outcome.valueOf(outcome),
                        new PersonId(rs.getObject("reviewed_by", UUID.class)),
                        rs.getObject("reviewed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("review_note"));
        return new BreakGlassGrant(
                new BreakGlassGrantId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("reader_id", UUID.class)),
                new PersonId(rs.getObject("subject_id", UUID.class)),
                RecordKind.valueOf(rs.getString("record_kind")),
                BreakGlassReason.valueOf(rs.getString("reason")),
                rs.getString("detail"),
                rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("overrode_directive"),
                review);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
