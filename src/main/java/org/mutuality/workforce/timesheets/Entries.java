package org.mutuality.workforce.timesheets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetDecision;
import org.mutuality.workforce.TimesheetEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Timesheet entries and their decisions. Every statement is scoped by agency. */
@Repository
public class Entries {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Entries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID insert(AgencyId agency, PersonId person, RecordHours hours, @Nullable PersonId approver) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into timesheet_entry (id, agency_id, person_id, work_date, hours, activity, status,
                                                     approver_id, created_at)
                        values (:id, :agency, :person, :date, :hours, :activity, 'SUBMITTED', :approver, :now)
                        """)
                .param("id", id)
                .param("agency", agency.value())
                .param("person", person.value())
                .param("date", hours.date())
                .param("hours", hours.hours())
                .param("activity", hours.activity())
                .param("approver", approver == null ? null : approver.value())
                .param("now", now())
                .update();
        return id;
    }

    public Optional<TimesheetEntry> find(AgencyId agency, UUID id) {
        return jdbc.sql("select * from timesheet_entry where id = :id and agency_id = :agency")
                .param("id", id)
                .param("agency", agency.value())
                .query(Entries::entry)
                .optional();
    }

    public List<TimesheetEntry> of(AgencyId agency, PersonId person) {
        return jdbc.sql("""
                        select * from timesheet_entry where agency_id = :agency and person_id = :person
                        order by work_date desc, created_at desc
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .query(Entries::entry)
                .list();
    }

    public List<TimesheetEntry> waitingFor(AgencyId agency, PersonId approver) {
        return jdbc.sql("""
                        select * from timesheet_entry where agency_id = :agency and approver_id = :approver
                          and status = 'SUBMITTED' order by work_date, created_at
                        """)
                .param("agency", agency.value())
                .param("approver", approver.value())
                .query(Entries::entry)
                .list();
    }

    /** Marks a waiting entry approved; false when it was no longer waiting. */
    public boolean approve(AgencyId agency, UUID id, PersonId by) {
        return jdbc.sql("""
                        update timesheet_entry set status = 'APPROVED', decided_by = :by, decided_at = :now
                        where id = :id and agency_id = :agency and status = 'SUBMITTED'
                        """)
                        .param("by", by.value())
                        .param("now", now())
                        .param("id", id)
                        .param("agency", agency.value())
                        .update()
                == 1;
    }

    public boolean reassign(AgencyId agency, UUID id, PersonId approver) {
        return jdbc.sql("""
                        update timesheet_entry set approver_id = :approver
                        where id = :id and agency_id = :agency and status = 'SUBMITTED'
                        """)
                        .param("approver", approver.value())
                        .param("id", id)
                        .param("agency", agency.value())
                        .update()
                == 1;
    }

    public void recordDecision(
            AgencyId agency,
            UUID entry,
            PersonId actor,
            TimesheetDecision.Outcome outcome,
            @Nullable String policyDecision,
            @Nullable String detail,
            @Nullable String shownToOthers) {
        jdbc.sql("""
                        insert into timesheet_decision (id, agency_id, entry_id, actor_id, outcome, policy_decision,
                                                        detail, shown_to_others, created_at)
                        values (:id, :agency, :entry, :actor, :outcome, :policy, :detail, :others, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("entry", entry)
                .param("actor", actor.value())
                .param("outcome", outcome.name())
                .param("policy", policyDecision)
                .param("detail", clip(detail))
                .param("others", clip(shownToOthers))
                .param("now", now())
                .update();
    }

    private static @Nullable String clip(@Nullable String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    /**
     * The decisions on an entry, oldest first, each with its reason as the approver saw it when
     * {@code seesReasonOf} accepts that decision's actor, and masked for bystanders otherwise.
     */
    public List<TimesheetDecision> decisions(
            AgencyId agency, UUID entry, java.util.function.Predicate<PersonId> seesReasonOf) {
        return jdbc.sql("""
                        select * from timesheet_decision where agency_id = :agency and entry_id = :entry
                        order by created_at
                        """)
                .param("agency", agency.value())
                .param("entry", entry)
                .query((rs, n) -> {
                    PersonId actor = new PersonId(rs.getObject("actor_id", UUID.class));
                    return new TimesheetDecision(
                            rs.getObject("id", UUID.class),
                            rs.getObject("entry_id", UUID.class),
                            actor,
                            TimesheetDecision.Outcome.valueOf(rs.getString("outcome")),
                            rs.getString("policy_decision"),
                            rs.getString(seesReasonOf.test(actor) ? "detail" : "shown_to_others"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    public long countFor(AgencyId agency) {
        return jdbc.sql("select count(*) from timesheet_entry where agency_id = :agency")
                .param("agency", agency.value())
                .query(Long.class)
                .single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static TimesheetEntry entry(ResultSet rs, int n) throws SQLException {
        UUID approver = rs.getObject("approver_id", UUID.class);
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new TimesheetEntry(
                rs.getObject("id", UUID.class),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getObject("work_date", LocalDate.class),
                rs.getBigDecimal("hours"),
                rs.getString("activity"),
                TimesheetEntry.Status.valueOf(rs.getString("status")),
                approver == null ? null : new PersonId(approver),
                decidedBy == null ? null : new PersonId(decidedBy),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
