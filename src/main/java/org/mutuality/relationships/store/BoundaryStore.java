package org.mutuality.relationships.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.relationships.BoundaryLimit;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.InvitationId;
import org.mutuality.relationships.ReflectionInvitation;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Boundary plans and reflection invitations. Every statement is scoped by agency. */
@Repository
public class BoundaryStore {

    private final JdbcClient jdbc;

    public BoundaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BoundaryPlan> plan(AgencyId agency, PersonId person) {
        Map<BoundaryArea, String> areas = new EnumMap<>(BoundaryArea.class);
        jdbc.sql("select area, approach from boundary_plan_area where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .query(rs -> {
                    areas.put(BoundaryArea.valueOf(rs.getString("area")), rs.getString("approach"));
                });
        return jdbc.sql("select * from boundary_plan where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, n) -> new BoundaryPlan(
                        person,
                        areas,
                        integer(rs, "outside_contacts_per_month"),
                        integer(rs, "contacts_per_week"),
                        integer(rs, "longest_session_minutes"),
                        rs.getObject("no_contact_after", LocalTime.class),
                        rs.getBoolean("share_with_supervisor")))
                .optional();
    }

    public void save(AgencyId agency, BoundaryPlan plan, Instant at) {
        jdbc.sql("delete from boundary_plan_area where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", plan.person().value())
                .update();
        jdbc.sql("delete from boundary_plan where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", plan.person().value())
                .update();
        jdbc.sql("""
                        insert into boundary_plan (agency_id, person_id, share_with_supervisor, outside_contacts_per_month,
                                                   contacts_per_week, longest_session_minutes, no_contact_after, updated_at)
                        values (:agency, :person, :share, :outside, :week, :longest, :after, :at)
                        """)
                .param("agency", agency.value())
                .param("person", plan.person().value())
                .param("share", plan.shareWithSupervisor())
                .param("outside", plan.outsideContactsPerMonth())
                .param("week", plan.contactsPerWeek())
                .param("longest", plan.longestSessionMinutes())
                .param("after", plan.noContactAfter())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        plan.areas()
                .forEach((area, approach) -> jdbc.sql("""
                        insert into boundary_plan_area (agency_id, person_id, area, approach)
                        values (:agency, :person, :area, :approach)
                        """)
                        .param("agency", agency.value())
                        .param("person", plan.person().value())
                        .param("area", area.name())
                        .param("approach", approach)
                        .update());
    }

    /**
     * Records an invitation unless one exists for the same limit, participant and period.
     *
     * @return the new invitation's id, or empty when it was already made
     */
    public Optional<InvitationId> invite(
            AgencyId agency,
            PersonId person,
            BoundaryLimit limit,
            PersonId participant,
            String periodKey,
            String detail,
            boolean shared,
            Instant at) {
        int existing = jdbc.sql("""
                        select count(*) from reflection_invitation where agency_id = :agency and person_id = :person
                          and limit_kind = :limit and participant_id = :participant and period_key = :period
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .param("limit", limit.name())
                .param("participant", participant.value())
                .param("period", periodKey)
                .query(Integer.class)
                .single();
        if (existing > 0) {
            return Optional.empty();
        }
        InvitationId id = InvitationId.random();
        jdbc.sql("""
                        insert into reflection_invitation (id, agency_id, person_id, limit_kind, participant_id, period_key,
                                                           detail, shared_with_supervisor, created_at, reflection_shared)
                        values (:id, :agency, :person, :limit, :participant, :period, :detail, :shared, :at, false)
                        """)
                .param("id", id.value())
                .param("agency", agency.value())
                .param("person", person.value())
                .param("limit", limit.name())
                .param("participant", participant.value())
                .param("period", periodKey)
                .param("detail", detail)
                .param("shared", shared)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return Optional.of(id);
    }

    public List<ReflectionInvitation> invitationsOf(AgencyId agency, PersonId person) {
        return jdbc.sql("""
                        select * from reflection_invitation where agency_id = :agency and person_id = :person
                        order by created_at desc
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, n) -> invitation(rs))
                .list();
    }

    /** Invitations the people in the list shared with their supervisor, newest first. */
    public List<ReflectionInvitation> sharedBy(AgencyId agency, List<PersonId> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from reflection_invitation where agency_id = :agency and person_id in (:people)
                          and shared_with_supervisor = true order by created_at desc
                        """)
                .param("agency", agency.value())
                .param("people", people.stream().map(PersonId::value).toList())
                .query((rs, n) -> invitation(rs))
                .list();
    }

    public boolean reflect(AgencyId agency, PersonId person, InvitationId id, String text, boolean share, Instant at) {
        return jdbc.sql("""
                        update reflection_invitation set reflection = :text, reflection_shared = :share, reflected_at = :at
                        where agency_id = :agency and person_id = :person and id = :id
                        """)
                        .param("text", text)
                        .param("share", share)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("agency", agency.value())
                        .param("person", person.value())
                        .param("id", id.value())
                        .update()
                == 1;
    }

    public org.mutuality.relationships.BoundaryPlans.Usage usage(AgencyId agency) {
        java.util.Set<PersonId> withPlan =
                new java.util.HashSet<>(jdbc.sql("select person_id from boundary_plan where agency_id = :agency")
                        .param("agency", agency.value())
                        .query((rs, n) -> new PersonId(rs.getObject("person_id", UUID.class)))
                        .list());
        java.util.Map<PersonId, Integer> invitations = new java.util.HashMap<>();
        java.util.Map<PersonId, Integer> told = new java.util.HashMap<>();
        jdbc.sql("select person_id, count(*) as n,"
                        + " sum(case when shared_with_supervisor then 1 else 0 end) as told"
                        + " from reflection_invitation where agency_id = :agency group by person_id")
                .param("agency", agency.value())
                .query(rs -> {
                    PersonId p = new PersonId(rs.getObject("person_id", UUID.class));
                    invitations.put(p, rs.getInt("n"));
                    told.put(p, rs.getInt("told"));
                });
        return new org.mutuality.relationships.BoundaryPlans.Usage(withPlan, invitations, told);
    }

    private static ReflectionInvitation invitation(ResultSet rs) throws SQLException {
        UUID participant = rs.getObject("participant_id", UUID.class);
        OffsetDateTime reflected = rs.getObject("reflected_at", OffsetDateTime.class);
        return new ReflectionInvitation(
                new InvitationId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                BoundaryLimit.valueOf(rs.getString("limit_kind")),
                participant == null ? null : new PersonId(participant),
                rs.getString("detail"),
                rs.getBoolean("shared_with_supervisor"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("reflection"),
                rs.getBoolean("reflection_shared"),
                reflected == null ? null : reflected.toInstant());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
