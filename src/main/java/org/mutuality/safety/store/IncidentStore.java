package org.mutuality.safety.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Incident;
import org.mutuality.safety.IncidentCursor;
import org.mutuality.safety.IncidentId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incidents, the people involved and their accounts. Every statement is scoped by agency. */
@Repository
public class IncidentStore {

    private final JdbcClient jdbc;

    public IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new incident with the people involved. */
    public void insert(AgencyId agency, Incident i) {
        jdbc.sql("""
                        insert into incident (id, agency_id, recorded_by, occurred_on, what_happened, agreed_next, status,
                                              created_at, updated_at, version)
                        values (:id, :agency, :by, :on, :what, :agreed, :status, :at, :at, 0)
                        """)
                .param("id", i.id().value())
                .param("agency", agency.value())
                .param("by", i.recordedBy().value())
                .param("on", i.occurredOn())
                .param("what", i.whatHappened())
                .param("agreed", i.agreedNext())
                .param("status", i.status().name())
                .param("at", i.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        for (PersonId p : i.involved()) {
            jdbc.sql("insert into incident_person (incident_id, person_id, agency_id) values (:i, :p, :agency)")
                    .param("i", i.id().value())
                    .param("p", p.value())
                    .param("agency", agency.value())
                    .update();
        }
    }

    public void addAccount(AgencyId agency, IncidentId incident, Incident.Account account) {
        jdbc.sql("""
                        insert into incident_account (id, agency_id, incident_id, author_id, body, created_at)
                        values (:id, :agency, :incident, :author, :body, :at)
                        """)
                .param("id", account.id())
                .param("agency", agency.value())
                .param("incident", incident.value())
                .param("author", account.author().value())
                .param("body", account.text())
                .param("at", account.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Saves a step taken on an incident, if nobody saved another since it was read.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, Incident.Moved moved, Instant at) {
        Incident i = moved.incident();
        int updated = jdbc.sql("""
                        update incident set status = :status, handler_id = :handler, consultation_id = :consultation,
                               outcome = :outcome,
                               outcome_note = :note, updated_at = :at, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("status", i.status().name())
                .param("handler", i.handler() == null ? null : i.handler().value())
                .param("consultation", i.consultation())
                .param("outcome", i.outcome() == null ? null : i.outcome().name())
                .param("note", i.outcomeNote())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("agency", agency.value())
                .param("id", i.id().value())
                .param("version", i.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("incident.changedMeanwhile");
        }
    }

    public Optional<Incident> find(AgencyId agency, IncidentId id) {
        return jdbc.sql("select * from incident where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> incident(agency, rs))
                .optional();
    }

    /** Every incident of the agency, or only those involving a person; newest first. */
    public List<Incident> list(AgencyId agency, @Nullable PersonId involving) {
        String sql =
                involving == null ? "select * from incident where agency_id = :agency order by created_at desc" : """
                        select i.* from incident i join incident_person p on p.incident_id = i.id
                        where i.agency_id = :agency and p.person_id = :person order by i.created_at desc
                        """;
        var spec = jdbc.sql(sql).param("agency", agency.value());
        if (involving != null) {
            spec = spec.param("person", involving.value());
        }
        return spec.query((rs, n) -> incident(agency, rs)).list();
    }

    /**
     * Up to {@code fetch} incidents of the agency (or only those involving a person), newest first by
     * moment of recording and id, after {@code after} (from the newest when null).
     */
    public List<Incident> page(
            AgencyId agency, @Nullable PersonId involving, @Nullable IncidentCursor after, int fetch) {
        String sql = (involving == null
                        ? "select i.* from incident i where i.agency_id = :agency"
                        : "select i.* from incident i join incident_person p on p.incident_id = i.id"
                                + " where i.agency_id = :agency and p.agency_id = :agency and p.person_id = :person")
                + (after == null ? "" : " and (i.created_at < :at or (i.created_at = :at and i.id < :id))")
                + " order by i.created_at desc, i.id desc limit :fetch";
        var spec = jdbc.sql(sql).param("agency", agency.value()).param("fetch", fetch);
        if (involving != null) {
            spec = spec.param("person", involving.value());
        }
        if (after != null) {
            spec = spec.param("at", after.createdAt().atOffset(ZoneOffset.UTC))
                    .param("id", after.id().value());
        }
        return spec.query((rs, n) -> incident(agency, rs)).list();
    }

    /** The incident on this row, with the people involved and their accounts. */
    private Incident incident(AgencyId agency, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID handler = rs.getObject("handler_id", UUID.class);
        String outcome = rs.getString("outcome");
        return new Incident(
                new IncidentId(id),
                new PersonId(rs.getObject("recorded_by", UUID.class)),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getString("what_happened"),
                rs.getString("agreed_next"),
                Set.copyOf(jdbc.sql(
                                "select person_id from incident_person where agency_id = :agency and incident_id = :id")
                        .param("agency", agency.value())
                        .param("id", id)
                        .query((r, n) -> new PersonId(r.getObject("person_id", UUID.class)))
                        .list()),
                Incident.Status.valueOf(rs.getString("status")),
                handler == null ? null : new PersonId(handler),
                rs.getObject("consultation_id", UUID.class),
                outcome == null ? null : Incident.Outcome.valueOf(outcome),
                rs.getString("outcome_note"),
                jdbc.sql("""
                                select * from incident_account where agency_id = :agency and incident_id = :id
                                order by created_at
                                """)
                        .param("agency", agency.value())
                        .param("id", id)
                        .query((r, n) -> new Incident.Account(
                                r.getObject("id", UUID.class),
                                new PersonId(r.getObject("author_id", UUID.class)),
                                r.getString("body"),
                                r.getObject("created_at", OffsetDateTime.class).toInstant()))
                        .list(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
