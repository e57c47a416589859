package org.mutuality.safety.store;

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
import org.mutuality.safety.Concern;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Concerns. Every statement is scoped by agency. */
@Repository
public class ConcernStore {

    private final JdbcClient jdbc;

    public ConcernStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a concern; {@code by} is null for an anonymous one, whose raiser is sealed apart. */
    public UUID insert(
            AgencyId agency,
            @Nullable PersonId by,
            boolean anonymous,
            @Nullable PersonId about,
            String text,
            Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into concern (id, agency_id, raised_by, anonymous, about_id, body, status, created_at,
                                             updated_at, version)
                        values (:id, :agency, :by, :anonymous, :about, :body, 'RAISED', :at, :at, 0)
                        """)
                .param("id", id)
                .param("agency", agency.value())
                .param("by", by == null ? null : by.value())
                .param("anonymous", anonymous)
                .param("about", about == null ? null : about.value())
                .param("body", text)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    public boolean update(
            AgencyId agency,
            UUID id,
            int version,
            Concern.Status status,
            @Nullable PersonId handler,
            @Nullable String answer,
            Instant at) {
        return jdbc.sql("""
                        update concern set status = :status, handler_id = :handler, answer = :answer, updated_at = :at,
                               version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                        .param("status", status.name())
                        .param("handler", handler == null ? null : handler.value())
                        .param("answer", answer)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("agency", agency.value())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    public Optional<Concern> find(AgencyId agency, UUID id) {
        return jdbc.sql("select * from concern where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id)
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

    public List<Concern> raisedBy(AgencyId agency, PersonId person) {
        return jdbc.sql("select * from concern where agency_id = :agency and raised_by = :p order by created_at desc")
                .param("agency", agency.value())
                .param("p", person.value())
                .query((rs, n) -> concern(rs))
                .list();
    }

    private static Concern concern(ResultSet rs) throws SQLException {
        UUID about = rs.getObject("about_id", UUID.class);
        UUID handler = rs.getObject("handler_id", UUID.class);
        UUID raisedBy = rs.getObject("raised_by", UUID.class);
        return new Concern(
                rs.getObject("id", UUID.class),
                raisedBy == null ? null : new PersonId(raisedBy),
                rs.getBoolean("anonymous"),
                about == null ? null : new PersonId(about),
                rs.getString("body"),
                Concern.Status.valueOf(rs.getString("status")),
                handler == null ? null : new PersonId(handler),
                rs.getString("answer"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
