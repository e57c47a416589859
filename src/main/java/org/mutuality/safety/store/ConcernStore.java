package org.mutuality.safety.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Concern;
import org.mutuality.safety.ConcernCursor;
import org.mutuality.safety.ConcernId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Concerns. Every statement is scoped by agency. */
@Repository
public class ConcernStore {

    private final JdbcClient jdbc;

    public ConcernStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new concern; an anonymous one names nobody, its raiser is sealed apart. */
    public void insert(AgencyId agency, Concern c) {
        jdbc.sql("""
                        insert into concern (id, agency_id, raised_by, anonymous, about_id, body, status, created_at,
                                             updated_at, version)
                        values (:id, :agency, :by, :anonymous, :about, :body, :status, :at, :at, 0)
                        """)
                .param("id", c.id().value())
                .param("agency", agency.value())
                .param("by", c.raisedBy() == null ? null : c.raisedBy().value())
                .param("anonymous", c.anonymous())
                .param("about", c.about() == null ? null : c.about().value())
                .param("body", c.text())
                .param("status", c.status().name())
                .param("at", c.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Saves a step taken on a concern, if nobody saved another since it was read.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, Concern.Moved moved) {
        Concern c = moved.concern();
        int updated = jdbc.sql("""
                        update concern set status = :status, handler_id = :handler, consultation_id = :consultation,
                               answer = :answer, updated_at = :at,
                               version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("status", c.status().name())
                .param("handler", c.handler() == null ? null : c.handler().value())
                .param("consultation", c.consultation())
                .param("answer", c.answer())
                .param("at", c.updatedAt().atOffset(ZoneOffset.UTC))
                .param("agency", agency.value())
                .param("id", c.id().value())
                .param("version", c.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("concern.changedMeanwhile");
        }
    }

    public Optional<Concern> find(AgencyId agency, ConcernId id) {
        return jdbc.sql("select * from concern where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> concern(rs))
                .optional();
    }

    public List<Concern> all(AgencyId agency, boolean open) {
        return jdbc.sql("select * from concern where agency_id = :agency" + (open ? " and status <> 'CLOSED'" : "")
                        + " order by created_at desc")
                .param("agency", agency.value())
                .query((rs, n) -> concern(rs))
                .list();
    }

    /** The condition of the concerns after a page's last one (none for the first page), and the order. */
    private static String after(@Nullable ConcernCursor after) {
        return (after == null ? "" : " and (c.created_at < :at or (c.created_at = :at and c.id < :id))")
                + " order by c.created_at desc, c.id desc limit :fetch";
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec query, @Nullable ConcernCursor after, int fetch) {
        query = query.param("fetch", fetch);
        return after == null
                ? query
                : query.param("at", after.createdAt().atOffset(ZoneOffset.UTC))
                        .param("id", after.id().value());
    }

    /**
     * Up to {@code fetch} concerns of the agency (open ones when {@code open}), never one about
     * {@code notAbout}, newest first by moment raised and id, after {@code after}.
     */
    public List<Concern> toHandle(
            AgencyId agency, boolean open, PersonId notAbout, @Nullable ConcernCursor after, int fetch) {
        var query = jdbc.sql("select c.* from concern c where c.agency_id = :agency"
                        + (open ? " and c.status <> 'CLOSED'" : "")
                        + " and (c.about_id is null or c.about_id <> :me)" + after(after))
                .param("agency", agency.value())
                .param("me", notAbout.value());
        return bind(query, after, fetch).query((rs, n) -> concern(rs)).list();
    }

    /**
     * Up to {@code fetch} concerns the person raised, named or anonymously, newest first by moment
     * raised and id, after {@code after}. It follows the sealed link of an anonymous concern from the
     * raiser's side only, for the raiser themselves.
     */
    public List<Concern> raisedBy(AgencyId agency, PersonId person, @Nullable ConcernCursor after, int fetch) {
        var query = jdbc.sql("select c.* from concern c where c.agency_id = :agency and (c.raised_by = :p"
                        + " or c.id in (select s.concern_id from concern_pseudonym s"
                        + " where s.agency_id = :agency and s.person_id = :p))" + after(after))
                .param("agency", agency.value())
                .param("p", person.value());
        return bind(query, after, fetch).query((rs, n) -> concern(rs)).list();
    }

    private static Concern concern(ResultSet rs) throws SQLException {
        UUID about = rs.getObject("about_id", UUID.class);
        UUID handler = rs.getObject("handler_id", UUID.class);
        UUID raisedBy = rs.getObject("raised_by", UUID.class);
        return new Concern(
                new ConcernId(rs.getObject("id", UUID.class)),
                raisedBy == null ? null : new PersonId(raisedBy),
                rs.getBoolean("anonymous"),
                about == null ? null : new PersonId(about),
                rs.getString("body"),
                Concern.Status.valueOf(rs.getString("status")),
                handler == null ? null : new PersonId(handler),
                rs.getObject("consultation_id", UUID.class),
                rs.getString("answer"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
