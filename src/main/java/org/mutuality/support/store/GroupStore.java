package org.mutuality.support.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Page;
import org.mutuality.support.GroupCursor;
import org.mutuality.support.GroupId;
import org.mutuality.support.SessionId;
import org.mutuality.support.SupportGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Groups, their members and sessions. Every statement is scoped by agency. */
@Repository
public class GroupStore {

    private final JdbcClient jdbc;

    public GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, SupportGroup group, Instant at) {
        SupportGroup.Schedule schedule = group.schedule();
        jdbc.sql("""
                        insert into support_group (id, agency_id, program_id, name, description, meets_on, starts_at, place,
                                                   leader_id, created_at)
                        values (:id, :agency, :program, :name, :description, :day, :starts, :place, :leader, :at)
                        """)
                .param("id", group.id().value())
                .param("agency", agency.value())
                .param("program", group.program().value())
                .param("name", group.name())
                .param("description", group.description())
                .param("day", schedule.day() == null ? null : schedule.day().name())
                .param("starts", schedule.startsAt())
                .param("place", schedule.place())
                .param("leader", group.leader().value())
                .param("at", ReferralStore.utc(at))
                .update();
    }

    public void setLeader(AgencyId agency, SupportGroup group) {
        jdbc.sql("""
                        update support_group set leader_id = :leader, leader_consultation_id = :consultation
                        where agency_id = :agency and id = :id
                        """)
                .param("leader", group.leader().value())
                .param("consultation", group.leaderConsultation())
                .param("agency", agency.value())
                .param("id", group.id().value())
                .update();
    }

    public Optional<SupportGroup> find(AgencyId agency, GroupId id) {
        return jdbc.sql("select * from support_group where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> group(rs))
                .optional();
    }

    public List<SupportGroup> all(AgencyId agency) {
        return jdbc.sql("select * from support_group where agency_id = :agency order by name")
                .param("agency", agency.value())
                .query((rs, n) -> group(rs))
                .list();
    }

    /**
     * A page of the groups a person leads, belongs to on {@code day}, or that belong to a program in
     * {@code coordinated}, newest first by creation then id, after {@code after}; one more than
     * {@code limit} is read when there is one (see {@link Page#of}).
     */
    public Page<SupportGroup> visiblePage(
            AgencyId agency,
            PersonId person,
            List<ProgramId> coordinated,
            LocalDate day,
            @Nullable GroupCursor after,
            int limit) {
        var query = jdbc.sql("select * from support_group g where g.agency_id = :agency and (g.leader_id = :person"
                        + " or exists (select 1 from group_member m where m.agency_id = g.agency_id"
                        + " and m.group_id = g.id and m.person_id = :person and m.joined_on <= :day"
                        + " and (m.left_on is null or m.left_on > :day))"
                        + (coordinated.isEmpty() ? "" : " or g.program_id in (:programs)")
                        + ")"
                        + (after == null ? "" : " and (g.created_at < :at or (g.created_at = :at and g.id < :id))")
                        + " order by g.created_at desc, g.id desc limit :fetch")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("day", day)
                .param("fetch", Page.fetchSize(limit));
        if (!coordinated.isEmpty()) {
            query = query.param(
                    "programs", coordinated.stream().map(ProgramId::value).toList());
        }
        if (after != null) {
            query = query.param("at", after.createdAt().atOffset(ZoneOffset.UTC))
                    .param("id", after.id().value());
        }
        Page<Listed> page = Page.of(
                query.query((rs, n) -> new Listed(
                                group(rs),
                                new GroupCursor(
                                        rs.getObject("created_at", OffsetDateTime.class)
                                                .toInstant(),
                                        new GroupId(rs.getObject("id", UUID.class)))))
                        .list(),
                limit,
                listed -> listed.cursor().cursor());
        return new Page<>(page.items().stream().map(Listed::group).toList(), page.next());
    }

    /** A group read for a list, with where a page that ends on it ends. */
    private record Listed(SupportGroup group, GroupCursor cursor) {}

    /** Adds a member added without a consultation. */
    public void addMember(AgencyId agency, GroupId group, SupportGroup.Member member, PersonId by) {
        addMember(agency, group, UUID.randomUUID(), member, by);
    }

    /** Adds a member, as the membership {@code membership} (the id a consultation used for it names). */
    public void addMember(AgencyId agency, GroupId group, UUID membership, SupportGroup.Member member, PersonId by) {
        jdbc.sql("""
                        insert into group_member (id, agency_id, group_id, person_id, joined_on, conflict_decision, added_by,
                                                  consultation_id)
                        values (:id, :agency, :group, :person, :on, :decision, :by, :consultation)
                        """)
                .param("id", membership)
                .param("consultation", member.consultation())
                .param("agency", agency.value())
                .param("group", group.value())
                .param("person", member.person().value())
                .param("on", member.joinedOn())
                .param("decision", member.decision().name())
                .param("by", by.value())
                .update();
    }

    public boolean endMember(AgencyId agency, GroupId group, PersonId person, LocalDate on) {
        return jdbc.sql("""
                        update group_member set left_on = :on
                        where agency_id = :agency and group_id = :group and person_id = :person and left_on is null
                        """)
                        .param("on", on)
                        .param("agency", agency.value())
                        .param("group", group.value())
                        .param("person", person.value())
                        .update()
                > 0;
    }

    public List<SupportGroup.Member> members(AgencyId agency, GroupId group) {
        return jdbc.sql("select * from group_member where agency_id = :agency and group_id = :group order by joined_on")
                .param("agency", agency.value())
                .param("group", group.value())
                .query((rs, n) -> new SupportGroup.Member(
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        rs.getObject("joined_on", LocalDate.class),
                        rs.getObject("left_on", LocalDate.class),
                        Decision.valueOf(rs.getString("conflict_decision")),
                        rs.getObject("consultation_id", UUID.class)))
                .list();
    }

    /** The groups a person belongs to now, by id. */
    public List<GroupId> groupsOf(AgencyId agency, PersonId person, LocalDate day) {
        return jdbc.sql("""
                        select group_id from group_member where agency_id = :agency and person_id = :person
                          and joined_on <= :day and (left_on is null or left_on > :day)
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .param("day", day)
                .query((rs, n) -> new GroupId(rs.getObject("group_id", UUID.class)))
                .list();
    }

    public void insertSession(AgencyId agency, GroupId group, SupportGroup.Session session, Instant at) {
        jdbc.sql("""
                        insert into group_session (id, agency_id, group_id, held_on, starts_at, duration_minutes, leader_id,
                                                   created_at)
                        values (:id, :agency, :group, :on, :starts, :minutes, :leader, :at)
                        """)
                .param("id", session.id().value())
                .param("agency", agency.value())
                .param("group", group.value())
                .param("on", session.heldOn())
                .param("starts", session.startsAt())
                .param("minutes", session.durationMinutes())
                .param("leader", session.leader().value())
                .param("at", ReferralStore.utc(at))
                .update();
        for (Map.Entry<PersonId, Boolean> e : session.attendance().entrySet()) {
            jdbc.sql("""
                            insert into group_attendance (session_id, person_id, agency_id, present)
                            values (:session, :person, :agency, :present)
                            """)
                    .param("session", session.id().value())
                    .param("person", e.getKey().value())
                    .param("agency", agency.value())
                    .param("present", e.getValue())
                    .update();
        }
    }

    public List<SupportGroup.Session> sessions(AgencyId agency, GroupId group) {
        Map<UUID, Map<PersonId, Boolean>> attendance = new HashMap<>();
        jdbc.sql("""
                        select a.session_id, a.person_id, a.present from group_attendance a
                        join group_session s on s.id = a.session_id
                        where a.agency_id = :agency and s.group_id = :group
                        """)
                .param("agency", agency.value())
                .param("group", group.value())
                .query(rs -> {
                    attendance
                            .computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new HashMap<>())
                            .put(new PersonId(rs.getObject("person_id", UUID.class)), rs.getBoolean("present"));
                });
        List<SupportGroup.Session> result = new ArrayList<>();
        jdbc.sql("""
                        select * from group_session where agency_id = :agency and group_id = :group
                        order by held_on desc, starts_at desc
                        """)
                .param("agency", agency.value())
                .param("group", group.value())
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    result.add(new SupportGroup.Session(
                            new SessionId(id),
                            rs.getObject("held_on", LocalDate.class),
                            rs.getObject("starts_at", LocalTime.class),
                            rs.getInt("duration_minutes"),
                            new PersonId(rs.getObject("leader_id", UUID.class)),
                            attendance.getOrDefault(id, Map.of())));
                });
        return result;
    }

    /** Minutes of group sessions each leader led from a day on. */
    public Map<PersonId, Integer> minutesLedSince(AgencyId agency, LocalDate from) {
        Map<PersonId, Integer> minutes = new HashMap<>();
        jdbc.sql("""
                        select leader_id, sum(duration_minutes) as m from group_session
                        where agency_id = :agency and held_on >= :from group by leader_id
                        """).param("agency", agency.value()).param("from", from).query(rs -> {
            minutes.put(new PersonId(rs.getObject("leader_id", UUID.class)), rs.getInt("m"));
        });
        return minutes;
    }

    /** Minutes of group sessions one person led, per day, from {@code from} to {@code to} (both included). */
    public Map<LocalDate, Integer> minutesLedByDay(AgencyId agency, PersonId leader, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> minutes = new HashMap<>();
        jdbc.sql("""
                        select held_on, sum(duration_minutes) as m from group_session
                        where agency_id = :agency and leader_id = :leader and held_on between :from and :to
                        group by held_on
                        """)
                .param("agency", agency.value())
                .param("leader", leader.value())
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    minutes.put(rs.getObject("held_on", LocalDate.class), rs.getInt("m"));
                });
        return minutes;
    }

    public long count(AgencyId agency) {
        return jdbc.sql("select count(*) from support_group where agency_id = :agency")
                .param("agency", agency.value())
                .query(Long.class)
                .single();
    }

    private static SupportGroup group(ResultSet rs) throws SQLException {
        return new SupportGroup(
                new GroupId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                new SupportGroup.Schedule(
                        rs.getString("meets_on") == null ? null : java.time.DayOfWeek.valueOf(rs.getString("meets_on")),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getString("place")),
                new PersonId(rs.getObject("leader_id", UUID.class)),
                rs.getObject("leader_consultation_id", UUID.class),
                rs.getObject("closed_on", LocalDate.class));
    }
}
