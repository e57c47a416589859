package org.mutuality.practice.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.practice.AgendaItem;
import org.mutuality.practice.ChecklistTopic;
import org.mutuality.practice.SupervisionForm;
import org.mutuality.practice.SupervisionSchedule;
import org.mutuality.practice.SupervisionSession;
import org.mutuality.practice.SupervisionSessionId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision sessions with their agenda, notes, topics and actions, and the agency's schedule. Every
 * statement is scoped by agency (children through their session's agency).
 */
@Repository
public class SupervisionStore {

    /** The most sessions a list returns, newest first. */
    public static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;

    public SupervisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A supervision pair: who supervises whom. */
    public record Pair(PersonId supervisor, PersonId supervisee) {}

    /** An open action of an earlier session, with the day of that session. */
    public record OpenAction(SupervisionSession.Action action, SupervisionSessionId session, LocalDate heldOn) {}

    /** Inserts a new session with its agenda. */
    public void insert(AgencyId agency, SupervisionSession s) {
        jdbc.sql("""
                        insert into supervision_session (id, agency_id, supervisor_id, supervisee_id, held_on, minutes,
                                                         form, created_at, version)
                        values (:id, :agency, :supervisor, :supervisee, :on, :minutes, :form, :at, 0)
                        """)
                .param("id", s.id().value())
                .param("agency", agency.value())
                .param("supervisor", s.supervisor().value())
                .param("supervisee", s.supervisee().value())
                .param("on", s.heldOn())
                .param("minutes", s.minutes())
                .param("form", s.form().name())
                .param("at", s.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        int position = 0;
        for (AgendaItem item : s.agenda()) {
            jdbc.sql("""
                            insert into supervision_agenda_item (session_id, position, source, reference, topic, since)
                            values (:session, :position, :source, :reference, :topic, :since)
                            """)
                    .param("session", s.id().value())
                    .param("position", position++)
                    .param("source", item.source().name())
                    .param("reference", item.reference())
                    .param("topic", item.topic())
                    .param("since", item.since())
                    .update();
        }
    }

    /**
     * Saves a step taken on a session, if nobody saved another since it was read.
     *
     * @throws ConflictException when someone did, or a carried action was done meanwhile
     */
    public void save(AgencyId agency, SupervisionSession.Moved moved, LocalDate today, Instant at) {
        SupervisionSession s = moved.session();
        int updated = jdbc.sql("""
                        update supervision_session set supervisor_signed_at = :supervisorSigned,
                               supervisee_signed_at = :superviseeSigned, version = version + 1
                        where id = :id and agency_id = :agency and version = :version
                        """)
                .param("supervisorSigned", at(s.supervisorSignedAt()))
                .param("superviseeSigned", at(s.superviseeSignedAt()))
                .param("id", s.id().value())
                .param("agency", agency.value())
                .param("version", s.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("supervision.changedMeanwhile");
        }
        UUID concerning = moved.concerning();
        switch (moved.step()) {
            case NOTE_ADDED, PRIVATE_NOTE_ADDED -> insertNote(s, concerning);
            case TOPICS_MARKED -> replaceTopics(s);
            case ACTION_AGREED -> insertAction(s, concerning, at);
            case ACTION_DONE, CARRIED_ACTION_DONE -> completeAction(agency, s, concerning, today);
            case SIGNED -> {
                // the sign-off columns are written above
            }
        }
    }

    /** The session with every note (private ones included: the caller filters for the reader). */
    public Optional<SupervisionSession> find(AgencyId agency, SupervisionSessionId id) {
        return jdbc.sql("select * from supervision_session where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query((rs, n) -> session(rs))
                .optional()
                .map(this::withChildren);
    }

    /**
     * Sessions without their agenda, notes, topics or actions, newest first: of one person (as
     * either of the two), or of the whole agency when {@code party} is null; at most {@link #LIST_LIMIT}.
     */
    public List<SupervisionSession> list(AgencyId agency, @Nullable PersonId party) {
        String where = party == null ? "" : " and (supervisor_id = :party or supervisee_id = :party)";
        var sql = jdbc.sql("select * from supervision_session where agency_id = :agency" + where
                        + " order by held_on desc, created_at desc limit " + LIST_LIMIT)
                .param("agency", agency.value());
        if (party != null) {
            sql = sql.param("party", party.value());
        }
        return sql.query((rs, n) -> session(rs)).list();
    }

    /** For each pair, the day of their last session held by {@code today}. */
    public Map<Pair, LocalDate> lastHeld(AgencyId agency, LocalDate today) {
        Map<Pair, LocalDate> last = new HashMap<>();
        jdbc.sql("""
                        select supervisor_id, supervisee_id, max(held_on) as last_held from supervision_session
                        where agency_id = :agency and held_on <= :today group by supervisor_id, supervisee_id
                        """).param("agency", agency.value()).param("today", today).query(rs -> {
            last.put(
                    new Pair(
                            new PersonId(rs.getObject("supervisor_id", UUID.class)),
                            new PersonId(rs.getObject("supervisee_id", UUID.class))),
                    rs.getObject("last_held", LocalDate.class));
        });
        return last;
    }

    /** The actions left open in the pair's sessions, oldest first. */
    public List<OpenAction> openActions(AgencyId agency, Pair pair) {
        return jdbc.sql("""
                        select a.*, s.held_on from supervision_action a join supervision_session s on s.id = a.session_id
                        where s.agency_id = :agency and s.supervisor_id = :supervisor and s.supervisee_id = :supervisee
                          and a.done_on is null
                        order by s.held_on, a.created_at
                        """)
                .param("agency", agency.value())
                .param("supervisor", pair.supervisor().value())
                .param("supervisee", pair.supervisee().value())
                .query((rs, n) -> new OpenAction(
                        action(rs),
                        new SupervisionSessionId(rs.getObject("session_id", UUID.class)),
                        rs.getObject("held_on", LocalDate.class)))
                .list();
    }

    /** Actions of the pair's sessions by id, open or done, for showing the ones carried to an agenda. */
    public List<SupervisionSession.Action> actionsOfPair(AgencyId agency, Pair pair, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.* from supervision_action a join supervision_session s on s.id = a.session_id
                        where s.agency_id = :agency and s.supervisor_id = :supervisor and s.supervisee_id = :supervisee
                          and a.id in (:ids)
                        order by a.created_at
                        """)
                .param("agency", agency.value())
                .param("supervisor", pair.supervisor().value())
                .param("supervisee", pair.supervisee().value())
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> action(rs))
                .list();
    }

    /** For each checklist topic the pair discussed in a session held by {@code today}, the last day. */
    public Map<ChecklistTopic, LocalDate> topicsLastDiscussed(AgencyId agency, Pair pair, LocalDate today) {
        Map<ChecklistTopic, LocalDate> last = new EnumMap<>(ChecklistTopic.class);
        jdbc.sql("""
                        select t.topic, max(s.held_on) as last_on from supervision_topic t
                        join supervision_session s on s.id = t.session_id
                        where s.agency_id = :agency and s.supervisor_id = :supervisor and s.supervisee_id = :supervisee
                          and s.held_on <= :today
                        group by t.topic
                        """)
                .param("agency", agency.value())
                .param("supervisor", pair.supervisor().value())
                .param("supervisee", pair.supervisee().value())
                .param("today", today)
                .query(rs -> {
                    last.put(ChecklistTopic.valueOf(rs.getString("topic")), rs.getObject("last_on", LocalDate.class));
                });
        return last;
    }

    /** The day of the pair's last session held before {@code day}, if any. */
    public Optional<LocalDate> lastHeldBefore(AgencyId agency, Pair pair, LocalDate day) {
        List<LocalDate> last = jdbc.sql("""
                        select max(held_on) from supervision_session
                        where agency_id = :agency and supervisor_id = :supervisor and supervisee_id = :supervisee
                          and held_on < :day
                        """)
                .param("agency", agency.value())
                .param("supervisor", pair.supervisor().value())
                .param("supervisee", pair.supervisee().value())
                .param("day", day)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list();
        return last.isEmpty() ? Optional.empty() : Optional.ofNullable(last.get(0));
    }

    /** The agency's schedule, or the defaults when it has set none. */
    public SupervisionSchedule schedule(AgencyId agency) {
        Optional<Integer> ratio = jdbc.sql("select ratio from supervision_settings where agency_id = :agency")
                .param("agency", agency.value())
                .query(Integer.class)
                .optional();
        if (ratio.isEmpty()) {
            return SupervisionSchedule.defaults();
        }
        Map<Role, Integer> weeks = new EnumMap<>(Role.class);
        jdbc.sql("select role, every_weeks from supervision_interval where agency_id = :agency")
                .param("agency", agency.value())
                .query(rs -> {
                    weeks.put(Role.valueOf(rs.getString("role")), rs.getInt("every_weeks"));
                });
        return new SupervisionSchedule(weeks, ratio.get());
    }

    /** Replaces the agency's schedule. */
    public void saveSchedule(AgencyId agency, SupervisionSchedule schedule, PersonId by, Instant at) {
        int updated = jdbc.sql("""
                        update supervision_settings set ratio = :ratio, updated_by = :by, updated_at = :at
                        where agency_id = :agency
                        """)
                .param("ratio", schedule.ratio())
                .param("by", by.value())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("agency", agency.value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into supervision_settings (agency_id, ratio, updated_by, updated_at)
                            values (:agency, :ratio, :by, :at)
                            """)
                    .param("agency", agency.value())
                    .param("ratio", schedule.ratio())
                    .param("by", by.value())
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
        }
        jdbc.sql("delete from supervision_interval where agency_id = :agency")
                .param("agency", agency.value())
                .update();
        for (Map.Entry<Role, Integer> e : schedule.everyWeeks().entrySet()) {
            jdbc.sql("""
                            insert into supervision_interval (agency_id, role, every_weeks)
                            values (:agency, :role, :weeks)
                            """)
                    .param("agency", agency.value())
                    .param("role", e.getKey().name())
                    .param("weeks", e.getValue())
                    .update();
        }
    }

    private void insertNote(SupervisionSession s, @Nullable UUID id) {
        SupervisionSession.Note note =
                s.notes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
        jdbc.sql("""
                        insert into supervision_note (id, session_id, author_id, private_note, body, written_at)
                        values (:id, :session, :author, :private, :body, :at)
                        """)
                .param("id", note.id())
                .param("session", s.id().value())
                .param("author", note.author().value())
                .param("private", note.privateNote())
                .param("body", note.text())
                .param("at", note.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    private void replaceTopics(SupervisionSession s) {
        jdbc.sql("delete from supervision_topic where session_id = :session")
                .param("session", s.id().value())
                .update();
        for (ChecklistTopic t : s.topics()) {
            jdbc.sql("insert into supervision_topic (session_id, topic) values (:session, :topic)")
                    .param("session", s.id().value())
                    .param("topic", t.name())
                    .update();
        }
    }

    private void insertAction(SupervisionSession s, @Nullable UUID id, Instant at) {
        SupervisionSession.Action a =
                s.actions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        jdbc.sql("""
                        insert into supervision_action (id, session_id, body, due_on, created_at)
                        values (:id, :session, :body, :due, :at)
                        """)
                .param("id", a.id())
                .param("session", s.id().value())
                .param("body", a.text())
                .param("due", a.dueOn())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Marks an action of the pair done, in this session, unless it was done meanwhile. */
    private void completeAction(AgencyId agency, SupervisionSession s, @Nullable UUID id, LocalDate today) {
        int updated = jdbc.sql("""
                        update supervision_action set done_on = :today, done_in_session = :session
                        where id = :id and done_on is null and session_id in (
                            select id from supervision_session where agency_id = :agency
                              and supervisor_id = :supervisor and supervisee_id = :supervisee)
                        """)
                .param("today", today)
                .param("session", s.id().value())
                .param("id", id)
                .param("agency", agency.value())
                .param("supervisor", s.supervisor().value())
                .param("supervisee", s.supervisee().value())
                .update();
        if (updated != 1) {
            throw new ConflictException("supervision.changedMeanwhile");
        }
    }

    private SupervisionSession withChildren(SupervisionSession s) {
        UUID id = s.id().value();
        List<AgendaItem> agenda = jdbc.sql(
                        "select * from supervision_agenda_item where session_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new AgendaItem(
                        AgendaItem.Source.valueOf(rs.getString("source")),
                        rs.getString("reference"),
                        rs.getString("topic"),
                        rs.getObject("since", LocalDate.class)))
                .list();
        List<SupervisionSession.Note> notes = jdbc.sql(
                        "select * from supervision_note where session_id = :id order by written_at")
                .param("id", id)
                .query((rs, n) -> new SupervisionSession.Note(
                        rs.getObject("id", UUID.class),
                        new PersonId(rs.getObject("author_id", UUID.class)),
                        rs.getBoolean("private_note"),
                        rs.getString("body"),
                        rs.getObject("written_at", OffsetDateTime.class).toInstant()))
                .list();
        Set<ChecklistTopic> topics = jdbc
                .sql("select topic from supervision_topic where session_id = :id")
                .param("id", id)
                .query(String.class)
                .list()
                .stream()
                .map(ChecklistTopic::valueOf)
                .collect(Collectors.toSet());
        List<SupervisionSession.Action> actions =
                new ArrayList<>(jdbc.sql("select * from supervision_action where session_id = :id order by created_at")
                        .param("id", id)
                        .query((rs, n) -> action(rs))
                        .list());
        return new SupervisionSession(
                s.id(),
                s.supervisor(),
                s.supervisee(),
                s.heldOn(),
                s.minutes(),
                s.form(),
                agenda,
                notes,
                topics,
                actions,
                s.supervisorSignedAt(),
                s.superviseeSignedAt(),
                s.createdAt(),
                s.version());
    }

    private static SupervisionSession session(ResultSet rs) throws SQLException {
        return new SupervisionSession(
                new SupervisionSessionId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("supervisor_id", UUID.class)),
                new PersonId(rs.getObject("supervisee_id", UUID.class)),
                rs.getObject("held_on", LocalDate.class),
                rs.getInt("minutes"),
                SupervisionForm.valueOf(rs.getString("form")),
                List.of(),
                List.of(),
                Set.of(),
                List.of(),
                instant(rs, "supervisor_signed_at"),
                instant(rs, "supervisee_signed_at"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static SupervisionSession.Action action(ResultSet rs) throws SQLException {
        return new SupervisionSession.Action(
                rs.getObject("id", UUID.class),
                rs.getString("body"),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("done_on", LocalDate.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
