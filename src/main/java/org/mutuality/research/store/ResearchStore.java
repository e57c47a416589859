package org.mutuality.research.store;

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
import org.mutuality.research.ConsentId;
import org.mutuality.research.ConsentItem;
import org.mutuality.research.Study;
import org.mutuality.research.StudyConsent;
import org.mutuality.research.StudyCursor;
import org.mutuality.research.StudyId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Studies, their consents, interest and invitations. Every statement is scoped by agency. */
@Repository
public class ResearchStore {

    private final JdbcClient jdbc;

    public ResearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, Study s) {
        jdbc.sql("""
                        insert into study (id, agency_id, title, purpose, pi_id, ethics_board, approval_number,
                                           approved_on, ends_on, data_uses, recruitment_text, consent_form,
                                           consent_form_version, status, created_by, created_at, version)
                        values (:id, :agency, :title, :purpose, :pi, :board, :number, :approvedOn, :endsOn, :uses,
                                :recruitment, :form, :formVersion, :status, :by, :at, 0)
                        """)
                .param("id", s.id().value())
                .param("agency", agency.value())
                .param("title", s.title())
                .param("purpose", s.purpose())
                .param("pi", s.principalInvestigator().value())
                .param("board", s.ethicsBoard())
                .param("number", s.approvalNumber())
                .param("approvedOn", s.approvedOn())
                .param("endsOn", s.endsOn())
                .param("uses", s.dataUses())
                .param("recruitment", s.recruitmentText())
                .param("form", s.consentForm())
                .param("formVersion", s.consentFormVersion())
                .param("status", s.status().name())
                .param("by", s.createdBy().value())
                .param("at", utc(s.createdAt()))
                .update();
        int position = 0;
        for (PersonId co : s.coResearchers()) {
            jdbc.sql("""
                            insert into study_researcher (agency_id, study_id, person_id, position)
                            values (:agency, :study, :person, :position)
                            """)
                    .param("agency", agency.value())
                    .param("study", s.id().value())
                    .param("person", co.value())
                    .param("position", position++)
                    .update();
        }
        insertForm(agency, s, s.createdAt());
    }

    /**
     * Saves a study's new state (status, consent form), if nobody saved another since it was read.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, Study before, Study after, Instant at) {
        int updated = jdbc.sql("""
                        update study set status = :status, consent_form = :form,
                               consent_form_version = :formVersion, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("status", after.status().name())
                .param("form", after.consentForm())
                .param("formVersion", after.consentFormVersion())
                .param("agency", agency.value())
                .param("id", after.id().value())
                .param("version", before.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("study.changedMeanwhile");
        }
        if (after.consentFormVersion() != before.consentFormVersion()) {
            insertForm(agency, after, at);
        }
    }

    private void insertForm(AgencyId agency, Study s, Instant at) {
        jdbc.sql("""
                        insert into study_consent_form (agency_id, study_id, version, body, created_at)
                        values (:agency, :study, :version, :body, :at)
                        """)
                .param("agency", agency.value())
                .param("study", s.id().value())
                .param("version", s.consentFormVersion())
                .param("body", s.consentForm())
                .param("at", utc(at))
                .update();
    }

    /** The text of one version of a study's consent form. */
    public Optional<String> consentForm(AgencyId agency, StudyId study, int version) {
        return jdbc.sql("""
                        select body from study_consent_form
                        where agency_id = :agency and study_id = :study and version = :version
                        """)
                .param("agency", agency.value())
                .param("study", study.value())
                .param("version", version)
                .query(String.class)
                .optional();
    }

    public Optional<Study> find(AgencyId agency, StudyId id) {
        return jdbc.sql("select * from study s where s.agency_id = :agency and s.id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> study(rs, agency))
                .optional();
    }

    /** Up to {@code fetch} studies of the agency, newest first, after {@code after}. */
    public List<Study> page(AgencyId agency, @Nullable StudyCursor after, int fetch) {
        var query = jdbc.sql("select * from study s where s.agency_id = :agency"
                        + (after == null ? "" : " and (s.created_at < :at or (s.created_at = :at and s.id < :id))")
                        + " order by s.created_at desc, s.id desc limit :fetch")
                .param("agency", agency.value())
                .param("fetch", fetch);
        if (after != null) {
            query = query.param("at", utc(after.at())).param("id", after.id());
        }
        return query.query((rs, n) -> study(rs, agency)).list();
    }

    /**
     * Up to {@code fetch} studies the person consented to, or that recruit on the day, newest first,
     * after {@code after}.
     */
    public List<Study> forPerson(
            AgencyId agency, PersonId person, LocalDate today, @Nullable StudyCursor after, int fetch) {
        var query = jdbc.sql("select * from study s where s.agency_id = :agency"
                        + " and ((s.status = 'RECRUITING' and s.approved_on <= :today and s.ends_on >= :today)"
                        + " or s.id in (select c.study_id from study_consent c"
                        + " where c.agency_id = :agency and c.person_id = :person))"
                        + (after == null ? "" : " and (s.created_at < :at or (s.created_at = :at and s.id < :id))")
                        + " order by s.created_at desc, s.id desc limit :fetch")
                .param("agency", agency.value())
                .param("person", person.value())
                .param("today", today)
                .param("fetch", fetch);
        if (after != null) {
            query = query.param("at", utc(after.at())).param("id", after.id());
        }
        return query.query((rs, n) -> study(rs, agency)).list();
    }

    public void insert(AgencyId agency, StudyConsent c) {
        jdbc.sql("""
                        insert into study_consent (id, agency_id, study_id, person_id, form_version, method,
                                                   signed_name, signed_on, recorded_by, recorded_at)
                        values (:id, :agency, :study, :person, :form, :method, :name, :signedOn, :by, :at)
                        """)
                .param("id", c.id().value())
                .param("agency", agency.value())
                .param("study", c.study().value())
                .param("person", c.person().value())
                .param("form", c.formVersion())
                .param("method", c.method().name())
                .param("name", c.signedName())
                .param("signedOn", c.signedOn())
                .param("by", c.recordedBy().value())
                .param("at", utc(c.recordedAt()))
                .update();
        append(agency, c.id(), 0, c.history());
    }

    /** Adds the changes to the consent's history after the {@code known} ones; a concurrent change refuses it. */
    public void append(AgencyId agency, ConsentId consent, int known, List<StudyConsent.Change> changes) {
        int seq = known;
        for (StudyConsent.Change change : changes) {
            jdbc.sql("""
                            insert into study_consent_change (agency_id, consent_id, seq, item, yes, changed_by,
                                                              changed_at)
                            values (:agency, :consent, :seq, :item, :yes, :by, :at)
                            """)
                    .param("agency", agency.value())
                    .param("consent", consent.value())
                    .param("seq", seq++)
                    .param("item", change.item().name())
                    .param("yes", change.yes())
                    .param("by", change.by().value())
                    .param("at", utc(change.at()))
                    .update();
        }
    }

    public Optional<StudyConsent> consent(AgencyId agency, StudyId study, ConsentId id) {
        return jdbc.sql("select * from study_consent where agency_id = :agency and study_id = :study and id = :id")
                .param("agency", agency.value())
                .param("study", study.value())
                .param("id", id.value())
                .query((rs, n) -> consentRow(rs))
                .optional()
                .map(row -> withHistory(agency, row));
    }

    /** The person's consents to the study, newest first. */
    public List<StudyConsent> consentsOf(AgencyId agency, StudyId study, PersonId person) {
        return jdbc
                .sql("""
                        select * from study_consent where agency_id = :agency and study_id = :study
                        and person_id = :person order by recorded_at desc, id desc
                        """)
                .param("agency", agency.value())
                .param("study", study.value())
                .param("person", person.value())
                .query((rs, n) -> consentRow(rs))
                .list()
                .stream()
                .map(row -> withHistory(agency, row))
                .toList();
    }

    /** Up to {@code fetch} consents to the study, newest first, after {@code after}. */
    public List<StudyConsent> consents(AgencyId agency, StudyId study, @Nullable StudyCursor after, int fetch) {
        var query = jdbc.sql("select * from study_consent c where c.agency_id = :agency and c.study_id = :study"
                        + (after == null ? "" : " and (c.recorded_at < :at or (c.recorded_at = :at and c.id < :id))")
                        + " order by c.recorded_at desc, c.id desc limit :fetch")
                .param("agency", agency.value())
                .param("study", study.value())
                .param("fetch", fetch);
        if (after != null) {
            query = query.param("at", utc(after.at())).param("id", after.id());
        }
        return query.query((rs, n) -> consentRow(rs)).list().stream()
                .map(row -> withHistory(agency, row))
                .toList();
    }

    public void interest(AgencyId agency, StudyId study, PersonId person, boolean interested, Instant at) {
        jdbc.sql("""
                        insert into study_interest (id, agency_id, study_id, person_id, interested, answered_at)
                        values (:id, :agency, :study, :person, :interested, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("study", study.value())
                .param("person", person.value())
                .param("interested", interested)
                .param("at", utc(at))
                .update();
    }

    /** The person's newest answer to the study's call, if any. */
    public Optional<Boolean> interest(AgencyId agency, StudyId study, PersonId person) {
        return jdbc.sql("""
                        select interested from study_interest where agency_id = :agency and study_id = :study
                        and person_id = :person order by answered_at desc, id desc limit 1
                        """)
                .param("agency", agency.value())
                .param("study", study.value())
                .param("person", person.value())
                .query(Boolean.class)
                .optional();
    }

    public void invite(AgencyId agency, StudyId study, PersonId person, PersonId by, Instant at) {
        jdbc.sql("""
                        insert into study_invitation (id, agency_id, study_id, person_id, invited_by, invited_at)
                        values (:id, :agency, :study, :person, :by, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("study", study.value())
                .param("person", person.value())
                .param("by", by.value())
                .param("at", utc(at))
                .update();
    }

    /** Whether someone pointed the person to the study. */
    public boolean invited(AgencyId agency, StudyId study, PersonId person) {
        return jdbc.sql("""
                        select count(*) from study_invitation where agency_id = :agency and study_id = :study
                        and person_id = :person
                        """)
                        .param("agency", agency.value())
                        .param("study", study.value())
                        .param("person", person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(AgencyId agency, org.mutuality.research.Interview i) {
        jdbc.sql("""
                        insert into study_interview (id, agency_id, study_id, participant_id, interviewer_id,
                                                     assigned_by, assigned_at, decision, consultation_id,
                                                     management, participant_told)
                        values (:id, :agency, :study, :participant, :interviewer, :by, :at, :decision,
                                :consultation, :management, :told)
                        """)
                .param("id", i.id())
                .param("agency", agency.value())
                .param("study", i.study().value())
                .param("participant", i.participant().value())
                .param("interviewer", i.interviewer().value())
                .param("by", i.assignedBy().value())
                .param("at", utc(i.assignedAt()))
                .param("decision", i.decision().name())
                .param("consultation", i.consultation())
                .param("management", i.management())
                .param("told", i.participantTold())
                .update();
    }

    private Study study(ResultSet rs, AgencyId agency) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<PersonId> co = jdbc.sql("""
                        select person_id from study_researcher where agency_id = :agency and study_id = :study
                        order by position
                        """)
                .param("agency", agency.value())
                .param("study", id)
                .query((r, n) -> new PersonId(r.getObject("person_id", UUID.class)))
                .list();
        return new Study(
                new StudyId(id),
                rs.getString("title"),
                rs.getString("purpose"),
                new PersonId(rs.getObject("pi_id", UUID.class)),
                co,
                rs.getString("ethics_board"),
                rs.getString("approval_number"),
                rs.getObject("approved_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("data_uses"),
                rs.getString("recruitment_text"),
                rs.getString("consent_form"),
                rs.getInt("consent_form_version"),
                Study.Status.valueOf(rs.getString("status")),
                new PersonId(rs.getObject("created_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    /** A consent row before its history is read. */
    private record ConsentRow(
            ConsentId id,
            StudyId study,
            PersonId person,
            int formVersion,
            StudyConsent.Method method,
            @Nullable String signedName,
            LocalDate signedOn,
            PersonId recordedBy,
            Instant recordedAt) {}

    private static ConsentRow consentRow(ResultSet rs) throws SQLException {
        return new ConsentRow(
                new ConsentId(rs.getObject("id", UUID.class)),
                new StudyId(rs.getObject("study_id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getInt("form_version"),
                StudyConsent.Method.valueOf(rs.getString("method")),
                rs.getString("signed_name"),
                rs.getObject("signed_on", LocalDate.class),
                new PersonId(rs.getObject("recorded_by", UUID.class)),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private StudyConsent withHistory(AgencyId agency, ConsentRow row) {
        List<StudyConsent.Change> history = new ArrayList<>(jdbc.sql("""
                        select item, yes, changed_by, changed_at from study_consent_change
                        where agency_id = :agency and consent_id = :consent order by seq
                        """)
                .param("agency", agency.value())
                .param("consent", row.id().value())
                .query((rs, n) -> new StudyConsent.Change(
                        ConsentItem.valueOf(rs.getString("item")),
                        rs.getBoolean("yes"),
                        new PersonId(rs.getObject("changed_by", UUID.class)),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list());
        Map<ConsentItem, Boolean> now = new EnumMap<>(ConsentItem.class);
        history.forEach(c -> now.put(c.item(), c.yes()));
        return new StudyConsent(
                row.id(),
                row.study(),
                row.person(),
                row.formVersion(),
                row.method(),
                row.signedName(),
                row.signedOn(),
                row.recordedBy(),
                row.recordedAt(),
                now,
                history);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
