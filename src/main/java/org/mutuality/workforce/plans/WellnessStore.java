package org.mutuality.workforce.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.Accommodation;
import org.mutuality.workforce.AccommodationId;
import org.mutuality.workforce.WellnessItem;
import org.mutuality.workforce.WellnessSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Wellness plans and accommodations; every statement scoped by agency. Only the workforce module's
 * wellness service calls this: no report, export or list of another module selects these tables.
 */
@Repository
public class WellnessStore {

    private static final String ACCOMMODATION = "select id, person_id, request, written_at, shared_at, sent_at,"
            + " outcome, answer, answered_by, answered_at, version from accommodation";

    private final JdbcClient jdbc;

    public WellnessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sections the person wrote, in the order of {@link WellnessSection}. */
    public List<WellnessItem> sections(AgencyId agency, PersonId person) {
        return jdbc
                .sql("select section_name, text, shared_at, updated_at from wellness_section"
                        + " where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, i) -> new WellnessItem(
                        WellnessSection.valueOf(rs.getString("section_name")),
                        rs.getString("text"),
                        instant(rs, "shared_at"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(WellnessItem::section))
                .toList();
    }

    /** Replaces the person's sections with these. */
    public void replaceSections(AgencyId agency, PersonId person, List<WellnessItem> sections) {
        jdbc.sql("delete from wellness_section where agency_id = :agency and person_id = :person")
                .param("agency", agency.value())
                .param("person", person.value())
                .update();
        for (WellnessItem s : sections) {
            jdbc.sql("""
                            insert into wellness_section (agency_id, person_id, section_name, text, shared_at, updated_at)
                            values (:agency, :person, :section, :text, :shared, :updated)
                            """)
                    .param("agency", agency.value())
                    .param("person", person.value())
                    .param("section", s.section().name())
                    .param("text", s.text())
                    .param("shared", at(s.sharedAt()))
                    .param("updated", at(s.updatedAt()))
                    .update();
        }
    }

    /** The person's accommodations, newest first. */
    public List<Accommodation> accommodations(AgencyId agency, PersonId person) {
        return jdbc.sql(ACCOMMODATION + " where agency_id = :agency and person_id = :person"
                        + " order by written_at desc, id")
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, i) -> accommodation(rs))
                .list();
    }

    public Optional<Accommodation> accommodation(AgencyId agency, AccommodationId id) {
        return jdbc.sql(ACCOMMODATION + " where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, i) -> accommodation(rs))
                .optional();
    }

    /** Accommodations sent to be answered, by others than {@code except}, newest first, one page. */
    public List<Accommodation> sent(AgencyId agency, PersonId except, int offset, int limit) {
        return jdbc.sql(ACCOMMODATION + " where agency_id = :agency and sent_at is not null and person_id <> :except"
                        + " order by sent_at desc, id limit :limit offset :offset")
                .param("agency", agency.value())
                .param("except", except.value())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, i) -> accommodation(rs))
                .list();
    }

    public void insert(AgencyId agency, Accommodation a) {
        jdbc.sql("""
                        insert into accommodation (id, agency_id, person_id, request, written_at, shared_at, sent_at,
                                                   version)
                        values (:id, :agency, :person, :request, :written, :shared, :sent, 1)
                        """)
                .param("id", a.id().value())
                .param("agency", agency.value())
                .param("person", a.person().value())
                .param("request", a.request())
                .param("written", at(a.writtenAt()))
                .param("shared", at(a.sharedAt()))
                .param("sent", at(a.sentAt()))
                .update();
    }

    /** Saves sharing, sending and the answer; false when someone saved it meanwhile. */
    public boolean update(AgencyId agency, Accommodation a) {
        Accommodation.Answer answer = a.answer();
        return jdbc.sql("""
                        update accommodation set shared_at = :shared, sent_at = :sent, outcome = :outcome,
                               answer = :answer, answered_by = :by, answered_at = :answered, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                        .param("shared", at(a.sharedAt()))
                        .param("sent", at(a.sentAt()))
                        .param(
                                "outcome",
                                answer == null ? null : answer.outcome().name())
                        .param("answer", answer == null ? null : answer.text())
                        .param("by", answer == null ? null : answer.by().value())
                        .param("answered", answer == null ? null : at(answer.at()))
                        .param("agency", agency.value())
                        .param("id", a.id().value())
                        .param("version", a.version())
                        .update()
                == 1;
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Accommodation accommodation(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        Accommodation.Answer answer = outcome == null
                ? null
                : new Accommodation.Answer(
                        Accommodation.Outcome.valueOf(outcome),
                        rs.getString("answer"),
                        new PersonId(rs.getObject("answered_by", UUID.class)),
                        rs.getObject("answered_at", OffsetDateTime.class).toInstant());
        return new Accommodation(
                new AccommodationId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getString("request"),
                rs.getObject("written_at", OffsetDateTime.class).toInstant(),
                instant(rs, "shared_at"),
                instant(rs, "sent_at"),
                answer,
                rs.getInt("version"));
    }
}
