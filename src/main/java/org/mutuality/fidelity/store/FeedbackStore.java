package org.mutuality.fidelity.store;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.fidelity.Wording;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency's feedback questions and the answers given; every statement scoped by agency. An
 * anonymous answer is written with no author and only its month (ADR 0037).
 */
@Repository
public class FeedbackStore {

    private final JdbcClient jdbc;

    public FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agency's own questions in order; empty when it kept the starting ones. */
    public List<Wording> questions(AgencyId agency) {
        return jdbc.sql("select text_en, text_fr from feedback_question where agency_id = :agency order by item_no")
                .param("agency", agency.value())
                .query((rs, i) -> new Wording(rs.getString("text_en"), rs.getString("text_fr")))
                .list();
    }

    public void replaceQuestions(AgencyId agency, List<Wording> questions) {
        jdbc.sql("delete from feedback_question where agency_id = :agency")
                .param("agency", agency.value())
                .update();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("insert into feedback_question (agency_id, item_no, text_en, text_fr)"
                            + " values (:agency, :no, :en, :fr)")
                    .param("agency", agency.value())
                    .param("no", i + 1)
                    .param("en", questions.get(i).en())
                    .param("fr", questions.get(i).fr())
                    .update();
        }
    }

    /** Whether anyone of the agency has given feedback. */
    public boolean any(AgencyId agency) {
        return jdbc.sql("select count(*) from feedback_response where agency_id = :agency")
                        .param("agency", agency.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Records one person's answers about a worker.
     *
     * @param author null for an anonymous answer
     * @param month the first day of the month it was given: no finer moment is kept
     */
    public void give(
            AgencyId agency, PersonId worker, @Nullable PersonId author, LocalDate month, List<Integer> answers) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into feedback_response (agency_id, id, worker_id, author_id, given_month)"
                        + " values (:agency, :id, :worker, :author, :month)")
                .param("agency", agency.value())
                .param("id", id)
                .param("worker", worker.value())
                .param("author", author == null ? null : author.value())
                .param("month", month)
                .update();
        for (int i = 0; i < answers.size(); i++) {
            jdbc.sql("insert into feedback_answer (agency_id, response_id, item_no, answer_value)"
                            + " values (:agency, :id, :no, :value)")
                    .param("agency", agency.value())
                    .param("id", id)
                    .param("no", i + 1)
                    .param("value", answers.get(i))
                    .update();
        }
    }

    /** One worker's count and sum of answers to one question. */
    public record Tally(PersonId worker, int question, int count, long sum) {}

    /** The agency's answers counted and summed by worker and question. */
    public List<Tally> tallies(AgencyId agency) {
        return jdbc.sql("select r.worker_id, a.item_no, count(*) as answers, sum(a.answer_value) as total"
                        + " from feedback_response r join feedback_answer a on a.response_id = r.id"
                        + " where r.agency_id = :agency and a.agency_id = :agency"
                        + " group by r.worker_id, a.item_no")
                .param("agency", agency.value())
                .query((rs, i) -> new Tally(
                        new PersonId(rs.getObject("worker_id", UUID.class)),
                        rs.getInt("item_no"),
                        rs.getInt("answers"),
                        rs.getLong("total")))
                .list();
    }

    /** How many people gave feedback about each worker (responses, not answers). */
    public java.util.Map<PersonId, Integer> responses(AgencyId agency) {
        java.util.Map<PersonId, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select worker_id, count(*) as n from feedback_response where agency_id = :agency group by worker_id")
                .param("agency", agency.value())
                .query((rs, i) ->
                        java.util.Map.entry(new PersonId(rs.getObject("worker_id", UUID.class)), rs.getInt("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
