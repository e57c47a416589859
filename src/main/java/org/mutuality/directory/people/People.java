package org.mutuality.directory.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.PageOf;
import org.mutuality.directory.PeopleQuery;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.directory.TeamId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.KeptUntilChanged;
import org.mutuality.shared.NodeSignals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people of each agency and their roles. Every statement is scoped by agency. */
@Repository
public class People {

    /** The topic of {@link NodeSignals} that says a person, their details or their roles changed. */
    public static final String PEOPLE_TOPIC = "people";

    /**
     * How long what is kept of a person (and of who a token signs in) is used before it is read again,
     * even if no signal came: the bound on a change a node could not hear.
     */
    public static final java.time.Duration KEPT_FOR = java.time.Duration.ofSeconds(10);

    /** People kept in memory at most; past this, all are dropped and read again. */
    private static final int MOST_KEPT = 50_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final NodeSignals signals;
    private final KeptUntilChanged<Key, Person> kept;

    public People(JdbcClient jdbc, JdbcTemplate batch, Clock clock, NodeSignals signals) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.signals = signals;
        this.kept = new KeptUntilChanged<>(signals, clock, KEPT_FOR, MOST_KEPT, PEOPLE_TOPIC);
    }

    /**
     * Tells every node, once the change commits, that a person or their roles changed (or someone
     * was added): what a node keeps of people and signed-in users is then read again, and this
     * transaction reads people from the database until it ends.
     */
    private boolean changed(boolean updated) {
        if (updated) {
            signals.send(PEOPLE_TOPIC, NodeSignals.EVERYTHING);
        }
        return updated;
    }

    public void insert(AgencyId agency, PersonId id, PersonDetails details) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into person (id, agency_id, legal_name, preferred_name, pronouns, email, phone,
                                            active, created_at, updated_at, version)
                        values (:id, :agency, :legal, :preferred, :pronouns, :email, :phone, true, :now, :now, 0)
                        """)
                .param("id", id.value())
                .param("agency", agency.value())
                .param("legal", details.legalName())
                .param("preferred", details.preferredName())
                .param("pronouns", details.pronouns())
                .param("email", details.email())
                .param("phone", details.phone())
                .param("now", now)
                .update();
        changed(true);
    }

    /**
     * Replaces a person's details if the stored version is still {@code expectedVersion}.
     *
     * @return whether the row was updated (false: not found in this agency, or changed meanwhile)
     */
    public boolean update(AgencyId agency, PersonId id, PersonDetails details, int expectedVersion) {
        return changed(jdbc.sql("""
                        update person set legal_name = :legal, preferred_name = :preferred, pronouns = :pronouns,
                               email = :email, phone = :phone, updated_at = :now, version = version + 1
                        where id = :id and agency_id = :agency and version = :version
                        """)
                        .param("id", id.value())
                        .param("agency", agency.value())
                        .param("legal", details.legalName())
                        .param("preferred", details.preferredName())
                        .param("pronouns", details.pronouns())
                        .param("email", details.email())
                        .param("phone", details.phone())
                        .param("now", now())
                        .param("version", expectedVersion)
                        .update()
                == 1);
    }

    /** Records that someone changed the person's email address: who and when (see {@link #emailChangedBy}). */
    public void emailChanged(AgencyId agency, PersonId id, PersonId by) {
        jdbc.sql("""
                        update person set email_changed_by = :by, email_changed_at = :now
                        where id = :id and agency_id = :agency
                        """)
                .param("by", by.value())
                .param("now", now())
                .param("id", id.value())
                .param("agency", agency.value())
                .update();
        changed(true);
    }

    /**
     * Who last changed the person's email address after they were registered; empty when nobody has
     * (the address is the one they were registered with, or they have none).
     */
    public Optional<PersonId> emailChangedBy(AgencyId agency, PersonId id) {
        return jdbc.sql("select email_changed_by from person where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject("email_changed_by", UUID.class)))
                .optional()
                .flatMap(by -> by.map(PersonId::new));
    }

    public boolean setActive(AgencyId agency, PersonId id, boolean active) {
        return changed(jdbc.sql("""
                        update person set active = :active, updated_at = :now, version = version + 1
                        where id = :id and agency_id = :agency
                        """)
                        .param("active", active)
                        .param("now", now())
                        .param("id", id.value())
                        .param("agency", agency.value())
                        .update()
                == 1);
    }

    public List<Person> withEmail(String email) {
        if (email.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select id, agency_id from person where lower(email) = lower(:email) and active = true")
                .param("email", email)
                .query((rs, n) -> find(
                                new AgencyId(rs.getObject("agency_id", java.util.UUID.class)),
                                new PersonId(rs.getObject("id", java.util.UUID.class)))
                        .orElseThrow())
                .list();
    }

    /**
     * The person with their roles; kept in memory until any person or role changes on any node
     * ({@link KeptUntilChanged}), so that the person behind every request is not read twice.
     */
    public Optional<Person> find(AgencyId agency, PersonId id) {
        return kept.read(new Key(agency, id), () -> read(agency, id));
    }

    private record Key(AgencyId agency, PersonId id) {}

    private Optional<Person> read(AgencyId agency, PersonId id) {
        Optional<Row> row = jdbc.sql("select * from person where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query(People::row)
                .optional();
        return row.map(r -> r.toPerson(rolesOf(agency, List.of(r.id)).getOrDefault(r.id, List.of())));
    }

    public PageOf<Person> search(AgencyId agency, PeopleQuery query, LocalDate today) {
        StringBuilder where = new StringBuilder(" from person p where p.agency_id = :agency");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", agency.value());
        if (!query.includeInactive()) {
            where.append(" and p.active = true");
        }
        if (query.text() != null) {
            where.append(" and (lower(p.legal_name) like :text escape '\\'"
                    + " or lower(coalesce(p.preferred_name, '')) like :text escape '\\')");
            params.put("text", "%" + escapeLike(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.role() != null) {
            where.append(" and exists (select 1 from person_role r where r.person_id = p.id and r.agency_id = :agency"
                    + " and r.role = :role and r.start_date <= :today and r.awaiting_confirmation = false"
                    + " and (r.end_date is null or r.end_date > :today))");
            params.put("role", query.role().name());
            params.put("today", today);
        }
        if (query.excludeStaff()) {
            where.append(
                    " and not exists (select 1 from person_role s where s.person_id = p.id and s.agency_id = :agency"
                            + " and s.role in (:staffRoles) and s.start_date <= :today"
                            + " and s.awaiting_confirmation = false"
                            + " and (s.end_date is null or s.end_date > :today))");
            params.put("staffRoles", Role.staffRoles().stream().map(Role::name).toList());
            params.put("today", today);
        }
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("select p.*" + where
                        + " order by lower(coalesce(p.preferred_name, p.legal_name)), p.id limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(People::row)
                .list();
        Map<UUID, List<PersonRole>> roles =
                rolesOf(agency, rows.stream().map(r -> r.id).toList());
        List<Person> people = rows.stream()
                .map(r -> r.toPerson(roles.getOrDefault(r.id, List.of())))
                .toList();
        return new PageOf<>(people, total, query.page(), query.size());
    }

    /** Every person of the agency with their roles, in one pass. */
    public List<Person> all(AgencyId agency) {
        List<Row> rows = jdbc.sql("select * from person where agency_id = :agency")
                .param("agency", agency.value())
                .query(People::row)
                .list();
        Map<UUID, List<PersonRole>> roles = new HashMap<>();
        jdbc.sql("select * from person_role where agency_id = :agency order by start_date, role")
                .param("agency", agency.value())
                .query((rs, n) -> {
                    UUID person = rs.getObject("person_id", UUID.class);
                    roles.computeIfAbsent(person, k -> new ArrayList<>()).add(role(rs));
                    return person;
                })
                .list();
        return rows.stream()
                .map(r -> r.toPerson(roles.getOrDefault(r.id, List.of())))
                .toList();
    }

    /** Inserts many people with their roles in batches; for imports of whole agencies. */
    public void insertAll(AgencyId agency, List<Person> persons) {
        OffsetDateTime now = now();
        List<Object[]> rows = new ArrayList<>(persons.size());
        List<Object[]> roleRows = new ArrayList<>();
        for (Person p : persons) {
            PersonDetails d = p.details();
            rows.add(new Object[] {
                p.id().value(),
                agency.value(),
                d.legalName(),
                d.preferredName(),
                d.pronouns(),
                d.email(),
                d.phone(),
                p.active(),
                now,
                now
            });
            for (PersonRole r : p.roles()) {
                roleRows.add(new Object[] {
                    r.id().value(),
                    agency.value(),
                    p.id().value(),
                    r.role().name(),
                    r.programId() == null ? null : r.programId().value(),
                    r.teamId() == null ? null : r.teamId().value(),
                    r.startDate(),
                    r.endDate(),
                    now
                });
            }
        }
        batch.batchUpdate(
                "insert into person (id, agency_id, legal_name, preferred_name, pronouns, email, phone, active,"
                        + " created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                rows);
        batch.batchUpdate(
                "insert into person_role (id, agency_id, person_id, role, program_id, team_id, start_date, end_date,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                roleRows);
        changed(true);
    }

    public void insertRole(AgencyId agency, PersonId person, RoleId id, AssignRole command) {
        insertRole(agency, person, id, command, null, false);
    }

    /** Inserts a role; one {@code awaitingConfirmation} is not held until {@link #confirmRole}. */
    public void insertRole(
            AgencyId agency,
            PersonId person,
            RoleId id,
            AssignRole command,
            @Nullable PersonId proposedBy,
            boolean awaitingConfirmation) {
        jdbc.sql("""
                        insert into person_role (id, agency_id, person_id, role, program_id, team_id,
                                                 start_date, end_date, created_at, proposed_by,
                                                 awaiting_confirmation)
                        values (:id, :agency, :person, :role, :program, :team, :start, :end, :now, :proposedBy,
                                :awaiting)
                        """)
                .param("proposedBy", proposedBy == null ? null : proposedBy.value())
                .param("awaiting", awaitingConfirmation)
                .param("id", id.value())
                .param("agency", agency.value())
                .param("person", person.value())
                .param("role", command.role().name())
                .param(
                        "program",
                        command.programId() == null ? null : command.programId().value())
                .param(
                        "team",
                        command.teamId() == null ? null : command.teamId().value())
                .param("start", command.startDate())
                .param("end", command.endDate())
                .param("now", now())
                .update();
        changed(true);
    }

    /** Sets the end date of a role that has none yet or ends later. */
    public boolean endRole(AgencyId agency, PersonId person, RoleId role, LocalDate endDate) {
        return changed(jdbc.sql("""
                        update person_role set end_date = :end
                        where id = :id and person_id = :person and agency_id = :agency
                          and start_date <= :end and (end_date is null or end_date > :end)
                        """)
                        .param("end", endDate)
                        .param("id", role.value())
                        .param("person", person.value())
                        .param("agency", agency.value())
                        .update()
                == 1);
    }

    /** Marks a role awaiting confirmation as confirmed by {@code by}; false when it was not waiting. */
    public boolean confirmRole(AgencyId agency, PersonId person, RoleId role, PersonId by) {
        return changed(jdbc.sql("""
                        update person_role set awaiting_confirmation = false, confirmed_by = :by
                        where id = :id and person_id = :person and agency_id = :agency
                          and awaiting_confirmation = true
                        """)
                        .param("by", by.value())
                        .param("id", role.value())
                        .param("person", person.value())
                        .param("agency", agency.value())
                        .update()
                == 1);
    }

    private Map<UUID, List<PersonRole>> rolesOf(AgencyId agency, Collection<UUID> people) {
        Map<UUID, List<PersonRole>> result = new HashMap<>();
        if (people.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select * from person_role where agency_id = :agency and person_id in (:people)
                        order by start_date, role
                        """)
                .param("agency", agency.value())
                .param("people", new ArrayList<>(people))
                .query((rs, n) -> {
                    UUID person = rs.getObject("person_id", UUID.class);
                    result.computeIfAbsent(person, k -> new ArrayList<>()).add(role(rs));
                    return person;
                })
                .list();
        return result;
    }

    private static PersonRole role(ResultSet rs) throws SQLException {
        UUID program = rs.getObject("program_id", UUID.class);
        UUID team = rs.getObject("team_id", UUID.class);
        UUID proposer = rs.getObject("proposed_by", UUID.class);
        return new PersonRole(
                new RoleId(rs.getObject("id", UUID.class)),
                Role.valueOf(rs.getString("role")),
                program == null ? null : new ProgramId(program),
                team == null ? null : new TeamId(team),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                proposer == null ? null : new PersonId(proposer),
                rs.getBoolean("awaiting_confirmation"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("agency_id", UUID.class),
                rs.getString("legal_name"),
                rs.getString("preferred_name"),
                rs.getString("pronouns"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }

    private record Row(
            UUID id,
            UUID agency,
            String legalName,
            @Nullable String preferredName,
            @Nullable String pronouns,
            @Nullable String email,
            @Nullable String phone,
            boolean active,
            int version) {

        Person toPerson(List<PersonRole> roles) {
            return new Person(
                    new PersonId(id),
                    new AgencyId(agency),
                    new PersonDetails(legalName, preferredName, pronouns, email, phone),
                    active,
                    version,
                    roles);
        }
    }
}
