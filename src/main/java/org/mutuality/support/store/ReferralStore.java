package org.mutuality.support.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.support.Preferences;
import org.mutuality.support.Referral;
import org.mutuality.support.ReferralCursor;
import org.mutuality.support.ReferralId;
import org.mutuality.support.ReferralStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals and their steps. Every statement is scoped by agency; steps are inserted only. */
@Repository
public class ReferralStore {

    private final JdbcClient jdbc;

    public ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a referral as it stands, with its steps: a new one, or one imported with its history. */
    public void insert(AgencyId agency, Referral referral) {
        Preferences preferences = referral.preferences();
        jdbc.sql("""
                        insert into referral (id, agency_id, person_id, program_id, referred_by, reason, languages, gender,
                                              lived_experience, availability, status, chosen_peer_id, assigned_peer_id,
                                              relationship_id, received_at, updated_at, version)
                        values (:id, :agency, :person, :program, :by, :reason, :languages, :gender, :lived, :availability,
                                :status, :chosen, :assigned, :relationship, :at, :updated, :version)
                        """)
                .param("id", referral.id().value())
                .param("agency", agency.value())
                .param("person", referral.person().value())
                .param("program", referral.program().value())
                .param("by", referral.referredBy().value())
                .param("reason", referral.reason())
                .param("languages", String.join(",", preferences.languages()))
                .param("gender", preferences.gender())
                .param("lived", Columns.join(preferences.livedExperience()))
                .param("availability", Columns.join(preferences.availability()))
                .param("status", referral.status().name())
                .param(
                        "chosen",
                        referral.chosenPeer() == null
                                ? null
                                : referral.chosenPeer().value())
                .param(
                        "assigned",
                        referral.assignedPeer() == null
                                ? null
                                : referral.assignedPeer().value())
                .param(
                        "relationship",
                        referral.relationshipId() == null
                                ? null
                                : referral.relationshipId().value())
                .param("at", utc(referral.receivedAt()))
                .param("updated", utc(referral.updatedAt()))
                .param("version", referral.version())
                .update();
        for (Referral.Step step : referral.steps()) {
            step(agency, referral.id().value(), step);
        }
    }

    private void step(AgencyId agency, UUID referral, Referral.Step step) {
        jdbc.sql("""
                        insert into referral_step (id, agency_id, referral_id, step, by_person, peer_id, note, at,
                                                   consultation_id)
                        values (:id, :agency, :referral, :step, :by, :peer, :note, :at, :consultation)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("referral", referral)
                .param("step", step.step().name())
                .param("by", step.by().value())
                .param("peer", step.peer() == null ? null : step.peer().value())
                .param("note", step.note())
                .param("at", utc(step.at()))
                .param("consultation", step.consultation())
                .update();
    }

    /**
     * Saves a step taken on a referral read at {@code version}: its new state and its steps.
     *
     * @throws ConflictException when someone else changed the referral meanwhile
     */
    public void save(AgencyId agency, int version, Referral.Moved moved) {
        Referral r = moved.referral();
        if (!update(
                agency,
                r.id().value(),
                version,
                r.status(),
                r.chosenPeer(),
                r.assignedPeer(),
                r.relationshipId(),
                r.updatedAt())) {
            throw new ConflictException("referral.changedMeanwhile");
        }
        for (Referral.Step step : moved.steps()) {
            step(agency, r.id().value(), step);
        }
    }

    private boolean update(
            AgencyId agency,
            UUID id,
            int version,
            ReferralStatus status,
            @Nullable PersonId chosen,
            @Nullable PersonId assigned,
            @Nullable RelationshipId relationship,
            Instant at) {
        return jdbc.sql("""
                        update referral set status = :status, chosen_peer_id = :chosen, assigned_peer_id = :assigned,
                               relationship_id = :relationship, updated_at = :at, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                        .param("status", status.name())
                        .param("chosen", chosen == null ? null : chosen.value())
                        .param("assigned", assigned == null ? null : assigned.value())
                        .param("relationship", relationship == null ? null : relationship.value())
                        .param("at", utc(at))
                        .param("agency", agency.value())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    public Optional<Referral> find(AgencyId agency, ReferralId id) {
        List<Row> rows = jdbc.sql("select * from referral where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> row(rs))
                .list();
        return withSteps(agency, rows).stream().findFirst();
    }

    /** Referrals of the agency, newest first, optionally only those in the given statuses. */
    public List<Referral> list(AgencyId agency, List<ReferralStatus> statuses, int limit) {
        String where = statuses.isEmpty() ? "" : " and status in (:statuses)";
        var spec = jdbc.sql("select * from referral where agency_id = :agency" + where
                        + " order by received_at desc limit :limit")
                .param("agency", agency.value())
                .param("limit", limit);
        if (!statuses.isEmpty()) {
            spec = spec.param("statuses", statuses.stream().map(Enum::name).toList());
        }
        return withSteps(agency, spec.query((rs, n) -> row(rs)).list());
    }

    /**
     * Up to {@code fetch} referrals a reader may be shown in a list, newest first by arrival then id,
     * after {@code after}: those of the programs they coordinate (only received or offered ones
     * unless {@code all}), and those about them, made by them, or offered or assigned to them (not
     * closed ones unless {@code all}). The caller still asks the guard about each.
     */
    public List<Referral> listed(
            AgencyId agency,
            PersonId reader,
            List<ProgramId> coordinated,
            boolean all,
            @Nullable ReferralCursor after,
            int fetch) {
        String involved = "(person_id = :p or referred_by = :p or chosen_peer_id = :p or assigned_peer_id = :p)"
                + (all ? "" : " and status <> :closed");
        String handled = coordinated.isEmpty()
                ? ""
                : "(program_id in (:programs)" + (all ? "" : " and status in (:waiting)") + ") or ";
        var spec = jdbc.sql("select * from referral where agency_id = :agency and (" + handled + "(" + involved + "))"
                        + (after == null ? "" : " and (received_at < :at or (received_at = :at and id < :id))")
                        + " order by received_at desc, id desc limit :fetch")
                .param("agency", agency.value())
                .param("p", reader.value())
                .param("fetch", fetch);
        if (!coordinated.isEmpty()) {
            spec = spec.param(
                    "programs", coordinated.stream().map(ProgramId::value).toList());
            if (!all) {
                spec = spec.param("waiting", List.of(ReferralStatus.RECEIVED.name(), ReferralStatus.OFFERED.name()));
            }
        }
        if (!all) {
            spec = spec.param("closed", ReferralStatus.CLOSED.name());
        }
        if (after != null) {
            spec = spec.param("at", utc(after.receivedAt()))
                    .param("id", after.id().value());
        }
        return withSteps(agency, spec.query((rs, n) -> row(rs)).list());
    }

    /** Referrals that involve a person: about them, made by them, or offered or assigned to them. */
    public List<Referral> involving(AgencyId agency, PersonId person) {
        List<Row> rows = jdbc.sql("""
                        select * from referral where agency_id = :agency
                          and (person_id = :p or referred_by = :p or chosen_peer_id = :p or assigned_peer_id = :p)
                        order by received_at desc
                        """)
                .param("agency", agency.value())
                .param("p", person.value())
                .query((rs, n) -> row(rs))
                .list();
        return withSteps(agency, rows);
    }

    public Map<ReferralStatus, Integer> countByStatus(AgencyId agency) {
        Map<ReferralStatus, Integer> counts = new HashMap<>();
        jdbc.sql("select status, count(*) as n from referral where agency_id = :agency group by status")
                .param("agency", agency.value())
                .query(rs -> {
                    counts.put(ReferralStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return counts;
    }

    public long count(AgencyId agency) {
        return jdbc.sql("select count(*) from referral where agency_id = :agency")
                .param("agency", agency.value())
                .query(Long.class)
                .single();
    }

    private List<Referral> withSteps(AgencyId agency, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Referral.Step>> steps = new HashMap<>();
        jdbc.sql("select * from referral_step where agency_id = :agency and referral_id in (:ids) order by at, id")
                .param("agency", agency.value())
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    UUID peer = rs.getObject("peer_id", UUID.class);
                    steps.computeIfAbsent(rs.getObject("referral_id", UUID.class), k -> new ArrayList<>())
                            .add(new Referral.Step(
                                    Referral.StepKind.valueOf(rs.getString("step")),
                                    new PersonId(rs.getObject("by_person", UUID.class)),
                                    peer == null ? null : new PersonId(peer),
                                    rs.getString("note"),
                                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                                    rs.getObject("consultation_id", UUID.class)));
                });
        List<Referral> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(r.referral(steps.getOrDefault(r.id(), List.of())));
        }
        return result;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                new PersonId(rs.getObject("person_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("referred_by", UUID.class)),
                rs.getString("reason"),
                new Preferences(
                        Columns.languages(rs.getString("languages")),
                        rs.getString("gender"),
                        Columns.split(org.mutuality.support.LivedExperience.class, rs.getString("lived_experience")),
                        Columns.split(org.mutuality.support.Availability.class, rs.getString("availability"))),
                ReferralStatus.valueOf(rs.getString("status")),
                person(rs, "chosen_peer_id"),
                person(rs, "assigned_peer_id"),
                relationship(rs.getObject("relationship_id", UUID.class)),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    static @Nullable PersonId person(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new PersonId(id);
    }

    private static @Nullable RelationshipId relationship(@Nullable UUID id) {
        return id == null ? null : new RelationshipId(id);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private record Row(
            UUID id,
            PersonId person,
            ProgramId program,
            PersonId by,
            String reason,
            Preferences preferences,
            ReferralStatus status,
            @Nullable PersonId chosen,
            @Nullable PersonId assigned,
            @Nullable RelationshipId relationship,
            Instant receivedAt,
            Instant updatedAt,
            int version) {
        Referral referral(List<Referral.Step> steps) {
            return new Referral(
                    new ReferralId(id),
                    person,
                    program,
                    by,
                    reason,
                    preferences,
                    status,
                    chosen,
                    assigned,
                    relationship,
                    receivedAt,
                    updatedAt,
                    version,
                    steps);
        }
    }
}
