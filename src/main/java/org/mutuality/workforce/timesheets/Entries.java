package org.mutuality.workforce.timesheets;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NewestFirst;
import org.mutuality.shared.Page;
import org.mutuality.workforce.TimesheetCursor;
import org.mutuality.workforce.TimesheetDecision;
import org.mutuality.workforce.TimesheetEntry;
import org.mutuality.workforce.TimesheetEntryId;
import org.mutuality.workforce.TimesheetVersion;
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

    public void insert(AgencyId agency, TimesheetEntry entry) {
        jdbc.sql("""
                        insert into timesheet_entry (id, agency_id, person_id, work_date, hours, activity, status,
                                                     approver_id, created_at)
                        values (:id, :agency, :person, :date, :hours, :activity, :status, :approver, :now)
                        """)
                .param("id", entry.id().value())
                .param("agency", agency.value())
                .param("person", entry.person().value())
                .param("date", entry.date())
                .param("hours", entry.hours())
                .param("activity", entry.activity())
                .param("status", entry.status().name())
                .param("approver", value(entry.approver()))
                .param("now", utc(clock.instant()))
                .update();
    }

    public Optional<TimesheetEntry> find(AgencyId agency, TimesheetEntryId id) {
        return jdbc.sql("select * from timesheet_entry where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query(Entries::entry)
                .optional();
    }

    private static final NewestFirst PAGES = new NewestFirst("work_date", "created_at", "id");

    /**
     * A page of a worker's hours, newest first by day worked, moment recorded and id, after {@code
     * after}; one more than {@code limit} is read when there is one (see {@link Page#of}).
     */
    public Page<TimesheetEntry> page(AgencyId agency, PersonId person, @Nullable TimesheetCursor after, int limit) {
        var query = jdbc.sql("select * from timesheet_entry where agency_id = :agency and person_id = :person"
                        + PAGES.after(after) + PAGES.orderAndLimit())
                .param("agency", agency.value())
                .param("person", person.value());
        query = after == null
                ? PAGES.bind(query, limit, null, null, null)
                : PAGES.bind(
                        query,
                        limit,
                        after.date(),
                        after.createdAt(),
                        after.id().value());
        Page<Listed> page = Page.of(
                query.query((rs, n) -> new Listed(
                                entry(rs, n),
                                new TimesheetCursor(
                                        rs.getObject("work_date", LocalDate.class),
                                        rs.getObject("created_at", OffsetDateTime.class)
                                                .toInstant(),
                                        new TimesheetEntryId(rs.getObject("id", UUID.class)))))
                        .list(),
                limit,
                listed -> listed.cursor().cursor());
        return new Page<>(page.items().stream().map(Listed::entry).toList(), page.next());
    }

    /** An entry read for a list, with where a page that ends on it ends. */
    private record Listed(TimesheetEntry entry, TimesheetCursor cursor) {}

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

    /** Hours {@code approver} questioned or returned that wait for their worker, oldest day first. */
    public List<TimesheetEntry> withWorker(AgencyId agency, PersonId approver) {
        return jdbc.sql("""
                        select * from timesheet_entry where agency_id = :agency and approver_id = :approver
                          and status in ('QUESTIONED', 'RETURNED') order by work_date, created_at
                        """)
                .param("agency", agency.value())
                .param("approver", approver.value())
                .query(Entries::entry)
                .list();
    }

    /**
     * Keeps a step taken on an entry: the entry as it now stands, when the step moved it; the version
     * a correction replaced; and the decision.
     *
     * @throws ConflictException when the entry is no longer as the step found it (someone else took a
     *     step meanwhile); nothing is kept
     */
    public void save(AgencyId agency, TimesheetEntry.Moved moved) {
        TimesheetEntry e = moved.entry();
        TimesheetEntry before = moved.before();
        TimesheetDecision d = moved.decision();
        if (moved.movesEntry()) {
            int updated = jdbc.sql("""
                            update timesheet_entry set status = :status, approver_id = :approver,
                                                       decided_by = :by, decided_at = :at, work_date = :date,
                                                       hours = :hours, activity = :activity, version = :version
                            where id = :id and agency_id = :agency and status = :was and version = :wasVersion
                            """)
                    .param("status", e.status().name())
                    .param("approver", value(e.approver()))
                    .param("by", value(e.decidedBy()))
                    .param("at", e.decidedAt() == null ? null : utc(e.decidedAt()))
                    .param("date", e.date())
                    .param("hours", e.hours())
                    .param("activity", e.activity())
                    .param("version", e.version())
                    .param("id", e.id().value())
                    .param("agency", agency.value())
                    .param("was", before.status().name())
                    .param("wasVersion", before.version())
                    .update();
            if (updated != 1) {
                throw new ConflictException("timesheet.decidedMeanwhile");
            }
            if (e.version() != before.version()) {
                jdbc.sql("""
                                insert into timesheet_entry_version (id, agency_id, entry_id, version, work_date, hours,
                                                                     activity, replaced_by, replaced_at)
                                values (:id, :agency, :entry, :version, :date, :hours, :activity, :by, :at)
                                """)
                        .param("id", UUID.randomUUID())
                        .param("agency", agency.value())
                        .param("entry", before.id().value())
                        .param("version", before.version())
                        .param("date", before.date())
                        .param("hours", before.hours())
                        .param("activity", before.activity())
                        .param("by", d.actor().value())
                        .param("at", utc(d.at()))
                        .update();
            }
        }
        jdbc.sql("""
                        insert into timesheet_decision (id, agency_id, entry_id, actor_id, outcome, policy_decision,
                                                        detail, shown_to_others, message, created_at)
                        values (:id, :agency, :entry, :actor, :outcome, :policy, :detail, :others, :message, :at)
                        """)
                .param("id", d.id())
                .param("agency", agency.value())
                .param("entry", d.entryId().value())
                .param("actor", d.actor().value())
                .param("outcome", d.outcome().name())
                .param("policy", d.policyDecision())
                .param("detail", clip(d.detail()))
                .param("others", clip(moved.shownToOthers()))
                .param("message", d.message())
                .param("at", utc(d.at()))
                .update();
    }

    /** The versions of an entry that corrections replaced, oldest first. */
    public List<TimesheetVersion> versions(AgencyId agency, TimesheetEntryId entry) {
        return jdbc.sql("""
                        select * from timesheet_entry_version where agency_id = :agency and entry_id = :entry
                        order by version
                        """)
                .param("agency", agency.value())
                .param("entry", entry.value())
                .query((rs, n) -> new TimesheetVersion(
                        rs.getInt("version"),
                        rs.getObject("work_date", LocalDate.class),
                        rs.getBigDecimal("hours"),
                        rs.getString("activity"),
                        new PersonId(rs.getObject("replaced_by", UUID.class)),
                        rs.getObject("replaced_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * A worker's hours recorded on days from {@code from} to {@code to} (both included), as they
     * stand now, whatever their status: the total per day.
     */
    public Map<LocalDate, BigDecimal> hoursByDay(AgencyId agency, PersonId person, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        jdbc.sql("""
                        select work_date, sum(hours) as h from timesheet_entry
                        where agency_id = :agency and person_id = :person and work_date between :from and :to
                        group by work_date
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    byDay.put(rs.getObject("work_date", LocalDate.class), rs.getBigDecimal("h"));
                });
        return byDay;
    }

    /** Whether any of a worker's hours not yet approved wait for {@code approver}. */
    public boolean waitsFor(AgencyId agency, PersonId person, PersonId approver) {
        return jdbc.sql("""
                        select count(*) from timesheet_entry where agency_id = :agency and person_id = :person
                          and approver_id = :approver and status <> 'APPROVED'
                        """)
                        .param("agency", agency.value())
                        .param("person", person.value())
                        .param("approver", approver.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The decisions on an entry, oldest first, each with its reason as the approver saw it when
     * {@code seesReasonOf} accepts that decision's actor, and masked for bystanders otherwise.
     */
    public List<TimesheetDecision> decisions(
            AgencyId agency, TimesheetEntryId entry, Predicate<PersonId> seesReasonOf) {
        return jdbc.sql("""
                        select * from timesheet_decision where agency_id = :agency and entry_id = :entry
                        order by created_at
                        """)
                .param("agency", agency.value())
                .param("entry", entry.value())
                .query((rs, n) -> {
                    PersonId actor = new PersonId(rs.getObject("actor_id", UUID.class));
                    return new TimesheetDecision(
                            rs.getObject("id", UUID.class),
                            entry,
                            actor,
                            TimesheetDecision.Outcome.valueOf(rs.getString("outcome")),
                            rs.getString("policy_decision"),
                            rs.getString(seesReasonOf.test(actor) ? "detail" : "shown_to_others"),
                            rs.getString("message"),
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

    private static @Nullable String clip(@Nullable String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static @Nullable UUID value(@Nullable PersonId person) {
        return person == null ? null : person.value();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static TimesheetEntry entry(ResultSet rs, int n) throws SQLException {
        UUID approver = rs.getObject("approver_id", UUID.class);
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new TimesheetEntry(
                new TimesheetEntryId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getObject("work_date", LocalDate.class),
                rs.getBigDecimal("hours"),
                rs.getString("activity"),
                TimesheetEntry.Status.valueOf(rs.getString("status")),
                rs.getInt("version"),
                approver == null ? null : new PersonId(approver),
                decidedBy == null ? null : new PersonId(decidedBy),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
