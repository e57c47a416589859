package org.mutuality.workforce.plans;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.WorkPlan;
import org.mutuality.workforce.WorkPlanId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Work plans with their goals, projects and signed review parts; every statement scoped by agency. */
@Repository
public class WorkPlanStore {

    private final JdbcClient jdbc;

    public WorkPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's plan for the year, if it was ever saved. */
    public Optional<WorkPlan> find(AgencyId agency, PersonId person, int year) {
        return jdbc.sql("select id, version from work_plan where agency_id = :agency and person_id = :person"
                        + " and plan_year = :year")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("year", year)
                .query((rs, i) -> new Object[] {rs.getObject("id", UUID.class), rs.getInt("version")})
                .optional()
                .map(row -> load(new WorkPlanId((UUID) row[0]), person, year, (Integer) row[1]));
    }

    /** The years the person has a plan for, latest first. */
    public List<Integer> years(AgencyId agency, PersonId person) {
        return jdbc.sql("select plan_year from work_plan where agency_id = :agency and person_id = :person"
                        + " order by plan_year desc")
                .param("agency", agency.value())
                .param("person", person.value())
                .query(Integer.class)
                .list();
    }

    /**
     * Saves the plan: inserts it the first time, else replaces its goals and projects and adds its new
     * signatures, if nobody saved it meanwhile.
     *
     * @return the plan as stored, or empty when its version changed meanwhile
     */
    public Optional<WorkPlan> save(AgencyId agency, WorkPlan plan, Instant at) {
        WorkPlanId id = plan.id() == null ? WorkPlanId.random() : plan.id();
        if (plan.id() == null) {
            jdbc.sql("insert into work_plan (id, agency_id, person_id, plan_year, updated_at, version)"
                            + " values (:id, :agency, :person, :year, :at, 1)")
                    .param("id", id.value())
                    .param("agency", agency.value())
                    .param("person", plan.person().value())
                    .param("year", plan.year())
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
        } else {
            int updated = jdbc.sql("update work_plan set updated_at = :at, version = version + 1"
                            + " where agency_id = :agency and id = :id and version = :version")
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .param("agency", agency.value())
                    .param("id", id.value())
                    .param("version", plan.version())
                    .update();
            if (updated != 1) {
                return Optional.empty();
            }
            jdbc.sql("delete from work_plan_goal where plan_id = :id")
                    .param("id", id.value())
                    .update();
            jdbc.sql("delete from work_plan_project where plan_id = :id")
                    .param("id", id.value())
                    .update();
        }
        for (int i = 0; i < plan.goals().size(); i++) {
            jdbc.sql("insert into work_plan_goal (plan_id, position, text) values (:id, :position, :text)")
                    .param("id", id.value())
                    .param("position", i)
                    .param("text", plan.goals().get(i))
                    .update();
        }
        for (int i = 0; i < plan.projects().size(); i++) {
            WorkPlan.Project p = plan.projects().get(i);
            jdbc.sql("insert into work_plan_project (plan_id, position, name, outcome)"
                            + " values (:id, :position, :name, :outcome)")
                    .param("id", id.value())
                    .param("position", i)
                    .param("name", p.name())
                    .param("outcome", p.outcome())
                    .update();
        }
        List<WorkPlan.Signature> stored = signatures(id);
        for (WorkPlan.Signature s : plan.signatures()) {
            boolean already = stored.stream().anyMatch(t -> t.stage() == s.stage() && t.side() == s.side());
            if (!already) {
                jdbc.sql("insert into work_plan_signature (plan_id, stage, side, text, signed_by, signed_at)"
                                + " values (:id, :stage, :side, :text, :by, :at)")
                        .param("id", id.value())
                        .param("stage", s.stage().name())
                        .param("side", s.side().name())
                        .param("text", s.text())
                        .param("by", s.signedBy().value())
                        .param("at", s.signedAt().atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
        return Optional.of(plan.stored(id, plan.version() + 1));
    }

    private WorkPlan load(WorkPlanId id, PersonId person, int year, int version) {
        List<String> goals = jdbc.sql("select text from work_plan_goal where plan_id = :id order by position")
                .param("id", id.value())
                .query(String.class)
                .list();
        List<WorkPlan.Project> projects = jdbc.sql(
                        "select name, outcome from work_plan_project where plan_id = :id order by position")
                .param("id", id.value())
                .query((rs, i) -> new WorkPlan.Project(rs.getString("name"), rs.getString("outcome")))
                .list();
        return new WorkPlan(id, person, year, goals, projects, signatures(id), version);
    }

    private List<WorkPlan.Signature> signatures(WorkPlanId id) {
        return jdbc.sql("select stage, side, text, signed_by, signed_at from work_plan_signature where plan_id = :id"
                        + " order by signed_at, stage, side")
                .param("id", id.value())
                .query((rs, i) -> new WorkPlan.Signature(
                        WorkPlan.Stage.valueOf(rs.getString("stage")),
                        WorkPlan.Side.valueOf(rs.getString("side")),
                        rs.getString("text"),
                        new PersonId(rs.getObject("signed_by", UUID.class)),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
