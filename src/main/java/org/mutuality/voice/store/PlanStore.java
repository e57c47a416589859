package org.mutuality.voice.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.voice.CrisisPlan;
import org.mutuality.voice.CrisisSection;
import org.mutuality.voice.Goal;
import org.mutuality.voice.GoalId;
import org.mutuality.voice.LifeArea;
import org.mutuality.voice.RecoveryPlan;
import org.mutuality.voice.Step;
import org.mutuality.voice.StepSuggestion;
import org.mutuality.voice.SuggestionId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recovery and crisis plans, one row per version, and the steps peer workers suggest; every statement
 * scoped by agency. Versions are inserted, never updated: a second writer of the same version loses
 * on the primary key ({@link #insert(AgencyId, RecoveryPlan)} answers false) instead of overwriting.
 */
@Repository
public class PlanStore {

    /** A goal as stored: plain values, so the JSON does not follow the domain's record shapes. */
    record StoredGoal(
            UUID id, String area, String words, @Nullable LocalDate target, List<StoredStep> steps) {}

    record StoredStep(
            String text,
            @Nullable String whoHelps,
            @Nullable LocalDate due,
            boolean done,
            @Nullable UUID suggestedBy) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of the person's recovery plan, or the empty plan. */
    public RecoveryPlan recoveryPlan(AgencyId agency, PersonId person) {
        return recoveryVersions(agency, person, Integer.MAX_VALUE, 1).stream()
                .findFirst()
                .orElse(RecoveryPlan.empty(person));
    }

    /** The versions of the person's recovery plan older than {@code before}, newest first, at most {@code limit}. */
    public List<RecoveryPlan> recoveryVersions(AgencyId agency, PersonId person, int before, int limit) {
        return jdbc.sql("select version, goals, change_kind, written_by, written_at from recovery_plan_version"
                        + " where agency_id = :agency and person_id = :person and version < :before"
                        + " order by version desc limit :limit")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("before", before)
                .param("limit", limit)
                .query((rs, i) -> new RecoveryPlan(
                        person,
                        rs.getInt("version"),
                        goals(rs.getString("goals")),
                        new PersonId(rs.getObject("written_by", UUID.class)),
                        instant(rs, "written_at"),
                        RecoveryPlan.Change.valueOf(rs.getString("change_kind"))))
                .list();
    }

    /** Adds a version; false when that version exists already (someone saved meanwhile). */
    public boolean insert(AgencyId agency, RecoveryPlan plan) {
        try {
            return jdbc.sql("""
                            insert into recovery_plan_version (agency_id, person_id, version, goals, change_kind,
                                                               written_by, written_at)
                            values (:agency, :person, :version, :goals, :change, :by, :at)
                            """)
                            .param("agency", agency.value())
                            .param("person", plan.person().value())
                            .param("version", plan.version())
                            .param("goals", JSON.writeValueAsString(stored(plan.goals())))
                            .param("change", plan.change().name())
                            .param(
                                    "by",
                                    plan.writtenBy() == null
                                            ? null
                                            : plan.writtenBy().value())
                            .param("at", at(plan.writtenAt()))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The newest version of the person's crisis plan, or the empty one. */
    public CrisisPlan crisisPlan(AgencyId agency, PersonId person) {
        return crisisVersions(agency, person, Integer.MAX_VALUE, 1).stream()
                .findFirst()
                .orElse(CrisisPlan.empty(person));
    }

    /** The versions of the person's crisis plan older than {@code before}, newest first, at most {@code limit}. */
    public List<CrisisPlan> crisisVersions(AgencyId agency, PersonId person, int before, int limit) {
        return jdbc.sql("select version, sections, shared_with, written_by, written_at from crisis_plan_version"
                        + " where agency_id = :agency and person_id = :person and version < :before"
                        + " order by version desc limit :limit")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("before", before)
                .param("limit", limit)
                .query((rs, i) -> new CrisisPlan(
                        person,
                        rs.getInt("version"),
                        sections(rs.getString("sections")),
                        people(rs.getString("shared_with")),
                        new PersonId(rs.getObject("written_by", UUID.class)),
                        instant(rs, "written_at")))
                .list();
    }

    /** Adds a version; false when that version exists already. */
    public boolean insert(AgencyId agency, CrisisPlan plan) {
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        plan.sections().forEach((k, v) -> sections.put(k.name(), v));
        try {
            return jdbc.sql("""
                            insert into crisis_plan_version (agency_id, person_id, version, sections, shared_with,
                                                             written_by, written_at)
                            values (:agency, :person, :version, :sections, :shared, :by, :at)
                            """)
                            .param("agency", agency.value())
                            .param("person", plan.person().value())
                            .param("version", plan.version())
                            .param("sections", JSON.writeValueAsString(sections))
                            .param(
                                    "shared",
                                    JSON.writeValueAsString(plan.sharedWith().stream()
                                            .map(PersonId::value)
                                            .toList()))
                            .param(
                                    "by",
                                    plan.writtenBy() == null
                                            ? null
                                            : plan.writtenBy().value())
                            .param("at", at(plan.writtenAt()))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void insert(AgencyId agency, StepSuggestion s) {
        jdbc.sql("""
                        insert into step_suggestion (id, agency_id, person_id, goal_id, step, suggested_by,
                                                     suggested_at, status, decided_at)
                        values (:id, :agency, :person, :goal, :step, :by, :at, :status, :decided)
                        """)
                .param("id", s.id().value())
                .param("agency", agency.value())
                .param("person", s.person().value())
                .param("goal", s.goal().value())
                .param("step", JSON.writeValueAsString(stored(s.step())))
                .param("by", s.suggestedBy().value())
                .param("at", at(s.suggestedAt()))
                .param("status", s.status().name())
                .param("decided", at(s.decidedAt()))
                .update();
    }

    /** Saves a decision; false unless the suggestion was still waiting. */
    public boolean decide(AgencyId agency, StepSuggestion s) {
        return jdbc.sql("update step_suggestion set status = :status, decided_at = :decided"
                                + " where agency_id = :agency and id = :id and status = 'WAITING'")
                        .param("status", s.status().name())
                        .param("decided", at(s.decidedAt()))
                        .param("agency", agency.value())
                        .param("id", s.id().value())
                        .update()
                == 1;
    }

    public Optional<StepSuggestion> suggestion(AgencyId agency, SuggestionId id) {
        return jdbc.sql("select * from step_suggestion where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, i) -> suggestion(rs))
                .optional();
    }

    /** The person's suggestions still waiting, newest first, at most {@code limit}. */
    public List<StepSuggestion> waiting(AgencyId agency, PersonId person, int limit) {
        return jdbc.sql("select * from step_suggestion where agency_id = :agency and person_id = :person"
                        + " and status = 'WAITING' order by suggested_at desc, id limit :limit")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("limit", limit)
                .query((rs, i) -> suggestion(rs))
                .list();
    }

    private static StepSuggestion suggestion(ResultSet rs) throws SQLException {
        return new StepSuggestion(
                new SuggestionId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                new GoalId(rs.getObject("goal_id", UUID.class)),
                step(JSON.readValue(rs.getString("step"), StoredStep.class)),
                new PersonId(rs.getObject("suggested_by", UUID.class)),
                instant(rs, "suggested_at"),
                StepSuggestion.Status.valueOf(rs.getString("status")),
                rs.getObject("decided_at", OffsetDateTime.class) == null ? null : instant(rs, "decided_at"));
    }

    private static List<StoredGoal> stored(List<Goal> goals) {
        return goals.stream()
                .map(g -> new StoredGoal(
                        g.id().value(),
                        g.area().name(),
                        g.words(),
                        g.target(),
                        g.steps().stream().map(PlanStore::stored).toList()))
                .toList();
    }

    private static StoredStep stored(Step s) {
        return new StoredStep(
                s.text(),
                s.whoHelps(),
                s.due(),
                s.done(),
                s.suggestedBy() == null ? null : s.suggestedBy().value());
    }

    private static Step step(StoredStep s) {
        return new Step(
                s.text(),
                s.whoHelps(),
                s.due(),
                s.done(),
                s.suggestedBy() == null ? null : new PersonId(s.suggestedBy()));
    }

    private static List<Goal> goals(String json) {
        List<Goal> goals = new ArrayList<>();
        for (StoredGoal g : JSON.readValue(json, new TypeReference<List<StoredGoal>>() {})) {
            goals.add(new Goal(
                    new GoalId(g.id()),
                    LifeArea.valueOf(g.area()),
                    g.words(),
                    g.target(),
                    g.steps().stream().map(PlanStore::step).toList()));
        }
        return goals;
    }

    private static Map<CrisisSection, String> sections(String json) {
        Map<CrisisSection, String> sections = new EnumMap<>(CrisisSection.class);
        JSON.readValue(json, new TypeReference<Map<String, String>>() {})
                .forEach((k, v) -> sections.put(CrisisSection.valueOf(k), v));
        return sections;
    }

    private static List<PersonId> people(String json) {
        return JSON.readValue(json, new TypeReference<List<UUID>>() {}).stream()
                .map(PersonId::new)
                .toList();
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
