package org.mutuality.workforce.onboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.OnboardingPlan;
import org.mutuality.workforce.OnboardingPlanId;
import org.mutuality.workforce.OnboardingStepKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Onboarding plans with their steps and check-ins; every statement scoped by agency. */
@Repository
public class OnboardingStore {

    private final JdbcClient jdbc;

    public OnboardingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's plan, if one was started. */
    public Optional<OnboardingPlan> find(AgencyId agency, PersonId person) {
        return jdbc.sql("select id, started_on, closed_on, version from onboarding_plan"
                        + " where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, i) -> new Row(
                        new OnboardingPlanId(rs.getObject("id", UUID.class)),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getObject("closed_on", LocalDate.class),
                        rs.getInt("version")))
                .optional()
                .map(row -> load(row, person));
    }

    /**
     * Saves the plan: inserts it the first time, else replaces its steps and adds its new check-ins,
     * if nobody saved it meanwhile.
     *
     * @return the plan as stored, or empty when its version changed meanwhile or, for a new plan, the
     *     person has one already
     */
    public Optional<OnboardingPlan> save(AgencyId agency, OnboardingPlan plan, Instant at) {
        OnboardingPlanId id = plan.id() == null ? OnboardingPlanId.random() : plan.id();
        int checkInsStored = 0;
        if (plan.id() == null) {
            int inserted = jdbc.sql("insert into onboarding_plan (id, agency_id, person_id, started_on, closed_on,"
                            + " updated_at, version) select :id, :agency, :person, :started, :closed, :at, 1"
                            + " where not exists (select 1 from onboarding_plan where agency_id = :agency"
                            + " and person_id = :person)")
                    .param("id", id.value())
                    .param("agency", agency.value())
                    .param("person", plan.person().value())
                    .param("started", plan.startedOn())
                    .param("closed", plan.closedOn())
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
            if (inserted != 1) {
                return Optional.empty();
            }
        } else {
            int updated = jdbc.sql("update onboarding_plan set closed_on = :closed, updated_at = :at,"
                            + " version = version + 1 where agency_id = :agency and id = :id and version = :version")
                    .param("closed", plan.closedOn())
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .param("agency", agency.value())
                    .param("id", id.value())
                    .param("version", plan.version())
                    .update();
            if (updated != 1) {
                return Optional.empty();
            }
            jdbc.sql("delete from onboarding_step where plan_id = :id")
                    .param("id", id.value())
                    .update();
            checkInsStored = checkIns(id).size();
        }
        for (OnboardingPlan.Step s : plan.steps()) {
            jdbc.sql("insert into onboarding_step (plan_id, position, kind, title, week, owner_id, done_on, done_by)"
                            + " values (:id, :position, :kind, :title, :week, :owner, :doneOn, :doneBy)")
                    .param("id", id.value())
                    .param("position", s.number())
                    .param("kind", s.kind().name())
                    .param("title", s.title())
                    .param("week", s.week())
                    .param("owner", s.owner().value())
                    .param("doneOn", s.doneOn())
                    .param("doneBy", s.doneBy() == null ? null : s.doneBy().value())
                    .update();
        }
        List<OnboardingPlan.CheckIn> held = plan.checkIns();
        for (int i = checkInsStored; i < held.size(); i++) {
            OnboardingPlan.CheckIn c = held.get(i);
            jdbc.sql("insert into onboarding_check_in (plan_id, position, held_on, note, held_by)"
                            + " values (:id, :position, :on, :note, :by)")
                    .param("id", id.value())
                    .param("position", i)
                    .param("on", c.heldOn())
                    .param("note", c.note())
                    .param("by", c.heldBy().value())
                    .update();
        }
        return Optional.of(plan.stored(id, plan.version() + 1));
    }

    private OnboardingPlan load(Row row, PersonId person) {
        List<OnboardingPlan.Step> steps = jdbc.sql("select position, kind, title, week, owner_id, done_on, done_by"
                        + " from onboarding_step where plan_id = :id order by position")
                .param("id", row.id().value())
                .query((rs, i) -> new OnboardingPlan.Step(
                        rs.getInt("position"),
                        OnboardingStepKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getInt("week"),
                        new PersonId(rs.getObject("owner_id", UUID.class)),
                        rs.getObject("done_on", LocalDate.class),
                        person(rs.getObject("done_by", UUID.class))))
                .list();
        return new OnboardingPlan(
                row.id(), person, row.startedOn(), steps, checkIns(row.id()), row.closedOn(), row.version());
    }

    private List<OnboardingPlan.CheckIn> checkIns(OnboardingPlanId id) {
        return jdbc.sql("select held_on, note, held_by from onboarding_check_in where plan_id = :id order by position")
                .param("id", id.value())
                .query((rs, i) -> new OnboardingPlan.CheckIn(
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("note"),
                        new PersonId(rs.getObject("held_by", UUID.class))))
                .list();
    }

    private static @Nullable PersonId person(@Nullable UUID id) {
        return id == null ? null : new PersonId(id);
    }

    private record Row(
            OnboardingPlanId id,
            LocalDate startedOn,
            @Nullable LocalDate closedOn,
            int version) {}
}
