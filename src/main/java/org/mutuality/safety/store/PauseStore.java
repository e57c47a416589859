package org.mutuality.safety.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Pauses;
import org.mutuality.safety.ReturnStepId;
import org.mutuality.safety.RolePause;
import org.mutuality.safety.RolePauseId;
import org.mutuality.safety.RolePauses;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role pauses and their return steps. Every statement is scoped by agency. */
@Repository
public class PauseStore {

    private final JdbcClient jdbc;

    public PauseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new pause with its return plan. */
    public void insert(AgencyId agency, RolePause p, Instant at) {
        jdbc.sql("""
                        insert into role_pause (id, agency_id, person_id, scopes, reason, paused_by, paused_on, return_on,
                                                created_at, version)
                        values (:id, :agency, :person, :scopes, :reason, :by, :on, :returnOn, :at, 0)
                        """)
                .param("id", p.id().value())
                .param("agency", agency.value())
                .param("person", p.person().value())
                .param("scopes", p.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("reason", p.reason())
                .param("by", p.pausedBy().value())
                .param("on", p.pausedOn())
                .param("returnOn", p.returnOn())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        for (RolePause.ReturnStep step : p.steps()) {
            jdbc.sql("""
                            insert into return_step (id, agency_id, pause_id, position, body)
                            values (:id, :agency, :pause, :position, :body)
                            """)
                    .param("id", step.id().value())
                    .param("agency", agency.value())
                    .param("pause", p.id().value())
                    .param("position", step.position())
                    .param("body", step.text())
                    .update();
        }
    }

    /**
     * Saves a step taken on a pause (the person's note, steps done, the return), if nobody saved
     * another since it was read.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, RolePause.Moved moved) {
        RolePause p = moved.pause();
        int updated = jdbc.sql("""
                        update role_pause set person_note = :note, returned_on = :returned, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("note", p.personNote())
                .param("returned", p.returnedOn())
                .param("agency", agency.value())
                .param("id", p.id().value())
                .param("version", p.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("pause.changedMeanwhile");
        }
        for (RolePause.ReturnStep step : p.steps()) {
            if (step.doneOn() != null) {
                jdbc.sql("""
                                update return_step set done_on = :on
                                where agency_id = :agency and pause_id = :pause and id = :step and done_on is null
                                """)
                        .param("on", step.doneOn())
                        .param("agency", agency.value())
                        .param("pause", p.id().value())
                        .param("step", step.id().value())
                        .update();
            }
        }
    }

    public Optional<RolePause> find(AgencyId agency, RolePauseId id) {
        return jdbc.sql("select * from role_pause where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> pause(agency, rs))
                .optional();
    }

    public List<RolePause> all(AgencyId agency) {
        return jdbc.sql("select * from role_pause where agency_id = :agency order by paused_on desc, created_at desc")
                .param("agency", agency.value())
                .query((rs, n) -> pause(agency, rs))
                .list();
    }

    /** The scopes paused for a person today, from every pause not yet returned. */
    public Set<Pauses.Scope> activeScopes(AgencyId agency, PersonId person) {
        EnumSet<Pauses.Scope> scopes = EnumSet.noneOf(Pauses.Scope.class);
        jdbc.sql("""
                        select scopes from role_pause where agency_id = :agency and person_id = :person
                          and returned_on is null
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .query(String.class)
                .list()
                .forEach(s -> scopes.addAll(split(s)));
        return scopes;
    }

    /** The pause on this row, with its return plan. */
    private RolePause pause(AgencyId agency, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new RolePause(
                new RolePauseId(id),
                new PersonId(rs.getObject("person_id", UUID.class)),
                split(rs.getString("scopes")),
                rs.getString("reason"),
                rs.getString("person_note"),
                new PersonId(rs.getObject("paused_by", UUID.class)),
                rs.getObject("paused_on", LocalDate.class),
                rs.getObject("return_on", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class),
                jdbc.sql("select * from return_step where agency_id = :agency and pause_id = :pause order by position")
                        .param("agency", agency.value())
                        .param("pause", id)
                        .query((r, n) -> new RolePause.ReturnStep(
                                new ReturnStepId(r.getObject("id", UUID.class)),
                                r.getInt("position"),
                                r.getString("body"),
                                r.getObject("done_on", LocalDate.class)))
                        .list(),
                rs.getInt("version"));
    }

    private static Set<Pauses.Scope> split(String stored) {
        EnumSet<Pauses.Scope> set = EnumSet.noneOf(Pauses.Scope.class);
        for (String s : stored.split(",")) {
            if (!s.isBlank()) {
                set.add(Pauses.Scope.valueOf(s));
            }
        }
        return set;
    }

    /** Keeps a participant handed to another peer worker during the pause (and the consultation it went ahead on). */
    public void handedOver(AgencyId agency, RolePauseId pause, RolePauses.Handover handover, Instant at) {
        jdbc.sql("insert into role_pause_handover (id, agency_id, pause_id, participant_id, peer_id, handed_on,"
                        + " consultation_id, created_at)"
                        + " values (:id, :agency, :pause, :participant, :peer, :on, :consultation, :at)")
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("pause", pause.value())
                .param("participant", handover.participant().value())
                .param("peer", handover.peer().value())
                .param("on", handover.on())
                .param("consultation", handover.consultation())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The participants handed over during the pause, oldest first. */
    public List<RolePauses.Handover> handovers(AgencyId agency, RolePauseId pause) {
        return jdbc.sql("select participant_id, peer_id, handed_on, consultation_id from role_pause_handover"
                        + " where agency_id = :agency and pause_id = :pause order by created_at, id")
                .param("agency", agency.value())
                .param("pause", pause.value())
                .query((rs, n) -> new RolePauses.Handover(
                        new PersonId(rs.getObject("participant_id", UUID.class)),
                        new PersonId(rs.getObject("peer_id", UUID.class)),
                        rs.getObject("handed_on", LocalDate.class),
                        rs.getObject("consultation_id", UUID.class)))
                .list();
    }
}
