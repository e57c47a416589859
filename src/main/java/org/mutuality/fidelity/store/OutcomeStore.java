package org.mutuality.fidelity.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.fidelity.ResponseId;
import org.mutuality.fidelity.Result;
import org.mutuality.fidelity.Scale;
import org.mutuality.fidelity.Score;
import org.mutuality.fidelity.Wording;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Page;
import org.mutuality.shared.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency's questionnaires and its participants' responses; every statement scoped by agency.
 * Only the fidelity module's questionnaire service calls this.
 */
@Repository
public class OutcomeStore {

    private final JdbcClient jdbc;

    public OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agency's own definitions (the WHO-5 among them once its wording is pasted), by code. */
    public List<Scale> scales(AgencyId agency) {
        List<String> codes = jdbc.sql("select code from questionnaire where agency_id = :agency order by code")
                .param("agency", agency.value())
                .query(String.class)
                .list();
        List<Scale> scales = new ArrayList<>();
        for (String code : codes) {
            scale(agency, code).ifPresent(scales::add);
        }
        return scales;
    }

    public Optional<Scale> scale(AgencyId agency, String code) {
        record Head(Wording title, int factor, int interval) {}
        Optional<Head> head = jdbc.sql("select title_en, title_fr, factor, interval_days from questionnaire"
                        + " where agency_id = :agency and code = :code")
                .param("agency", agency.value())
                .param("code", code)
                .query((rs, i) -> new Head(
                        new Wording(rs.getString("title_en"), rs.getString("title_fr")),
                        rs.getInt("factor"),
                        rs.getInt("interval_days")))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Wording> items = jdbc.sql("select text_en, text_fr from questionnaire_item"
                        + " where agency_id = :agency and code = :code order by item_no")
                .param("agency", agency.value())
                .param("code", code)
                .query((rs, i) -> new Wording(rs.getString("text_en"), rs.getString("text_fr")))
                .list();
        List<Scale.Option> options = jdbc.sql("select answer_value, label_en, label_fr from questionnaire_option"
                        + " where agency_id = :agency and code = :code order by answer_value desc")
                .param("agency", agency.value())
                .param("code", code)
                .query((rs, i) -> new Scale.Option(
                        rs.getInt("answer_value"), new Wording(rs.getString("label_en"), rs.getString("label_fr"))))
                .list();
        Head h = head.get();
        return Optional.of(new Scale(code, h.title(), items, options, h.factor(), h.interval()));
    }

    /** Writes the definition, replacing the one of the same code. */
    public void save(AgencyId agency, Scale scale, Instant at) {
        jdbc.sql("delete from questionnaire_item where agency_id = :agency and code = :code")
                .param("agency", agency.value())
                .param("code", scale.code())
                .update();
        jdbc.sql("delete from questionnaire_option where agency_id = :agency and code = :code")
                .param("agency", agency.value())
                .param("code", scale.code())
                .update();
        jdbc.sql("delete from questionnaire where agency_id = :agency and code = :code")
                .param("agency", agency.value())
                .param("code", scale.code())
                .update();
        jdbc.sql("insert into questionnaire (agency_id, code, title_en, title_fr, factor, interval_days, created_at)"
                        + " values (:agency, :code, :en, :fr, :factor, :interval, :at)")
                .param("agency", agency.value())
                .param("code", scale.code())
                .param("en", scale.title().en())
                .param("fr", scale.title().fr())
                .param("factor", scale.factor())
                .param("interval", scale.intervalDays())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        for (int i = 0; i < scale.items().size(); i++) {
            jdbc.sql("insert into questionnaire_item (agency_id, code, item_no, text_en, text_fr)"
                            + " values (:agency, :code, :no, :en, :fr)")
                    .param("agency", agency.value())
                    .param("code", scale.code())
                    .param("no", i + 1)
                    .param("en", scale.items().get(i).en())
                    .param("fr", scale.items().get(i).fr())
                    .update();
        }
        for (Scale.Option o : scale.options()) {
            jdbc.sql("insert into questionnaire_option (agency_id, code, answer_value, label_en, label_fr)"
                            + " values (:agency, :code, :value, :en, :fr)")
                    .param("agency", agency.value())
                    .param("code", scale.code())
                    .param("value", o.value())
                    .param("en", o.label().en())
                    .param("fr", o.label().fr())
                    .update();
        }
    }

    /** Records one completed questionnaire and its answers, in item order. */
    public void respond(
            AgencyId agency,
            PersonId person,
            ResponseId id,
            String code,
            List<Integer> answers,
            Score score,
            Instant at) {
        jdbc.sql("insert into questionnaire_response (agency_id, id, person_id, code, answered_at, raw_score, score)"
                        + " values (:agency, :id, :person, :code, :at, :raw, :score)")
                .param("agency", agency.value())
                .param("id", id.value())
                .param("person", person.value())
                .param("code", code)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("raw", score.raw())
                .param("score", score.scaled())
                .update();
        for (int i = 0; i < answers.size(); i++) {
            jdbc.sql("insert into questionnaire_answer (agency_id, response_id, item_no, answer_value)"
                            + " values (:agency, :id, :no, :value)")
                    .param("agency", agency.value())
                    .param("id", id.value())
                    .param("no", i + 1)
                    .param("value", answers.get(i))
                    .update();
        }
    }

    /** When the person last completed each questionnaire, by code. */
    public Map<String, Instant> lastAnswered(AgencyId agency, PersonId person) {
        Map<String, Instant> last = new TreeMap<>();
        jdbc.sql("select code, max(answered_at) as last_at from questionnaire_response"
                        + " where agency_id = :agency and person_id = :person group by code")
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, i) -> Map.entry(
                        rs.getString("code"),
                        rs.getObject("last_at", OffsetDateTime.class).toInstant()))
                .list()
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }

    /** Whether anyone of the agency completed this questionnaire. */
    public boolean answered(AgencyId agency, String code) {
        return jdbc.sql("select count(*) from questionnaire_response where agency_id = :agency and code = :code")
                        .param("agency", agency.value())
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A page of the person's results for one questionnaire, newest first, after the cursor (the
     * moment and the id of the last result of the page before).
     */
    public Page<Result> results(AgencyId agency, PersonId person, String code, @Nullable PageCursor after, int limit) {
        String where =
                after == null ? "" : " and (answered_at < :afterAt or (answered_at = :afterAt and id < :afterId))";
        var query = jdbc.sql("select id, code, answered_at, raw_score, score from questionnaire_response"
                        + " where agency_id = :agency and person_id = :person and code = :code" + where
                        + " order by answered_at desc, id desc limit :fetch")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("code", code)
                .param("fetch", Page.fetchSize(limit));
        if (after != null) {
            query = query.param("afterAt", OffsetDateTime.ofInstant(after.instant(0), ZoneOffset.UTC))
                    .param("afterId", after.uuid(1));
        }
        return Page.of(
                query.query((rs, i) -> new Result(
                                new ResponseId(rs.getObject("id", java.util.UUID.class)),
                                rs.getString("code"),
                                rs.getObject("answered_at", OffsetDateTime.class)
                                        .toInstant(),
                                new Score(rs.getInt("raw_score"), rs.getInt("score"))))
                        .list(),
                limit,
                r -> PageCursor.of(r.answeredAt(), r.id().value()));
    }

    /** Whether the participant lets the peer worker who supports them see their results. */
    public boolean shared(AgencyId agency, PersonId person) {
        return jdbc.sql("select shared from outcome_sharing where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void share(AgencyId agency, PersonId person, boolean shared, Instant at) {
        jdbc.sql("delete from outcome_sharing where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .update();
        jdbc.sql("insert into outcome_sharing (agency_id, person_id, shared, updated_at)"
                        + " values (:agency, :person, :shared, :at)")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("shared", shared)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }
}
