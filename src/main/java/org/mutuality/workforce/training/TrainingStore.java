package org.mutuality.workforce.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.workforce.Certificate;
import org.mutuality.workforce.CertificateType;
import org.mutuality.workforce.Certification;
import org.mutuality.workforce.CertificationId;
import org.mutuality.workforce.ExpiryReminder;
import org.mutuality.workforce.ShippedTraining;
import org.mutuality.workforce.Training;
import org.mutuality.workforce.TrainingId;
import org.mutuality.workforce.TrainingRecord;
import org.mutuality.workforce.TrainingRecordId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The training catalogue, training records with their certificates, certifications, and the
 * reminders sent. Every statement is scoped by agency, but the reminders' round, which looks across
 * agencies for what expires soon and names each item's agency.
 */
@Repository
public class TrainingStore {

    /** The most records or certifications one person's list returns, newest first. */
    public static final int LIST_LIMIT = 500;

    private static final String RECORD_COLUMNS = "r.*, c.content_type as certificate_type from training_record r"
            + " left join training_certificate c on c.record_id = r.id";

    private final JdbcClient jdbc;

    public TrainingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Something that expires on a day, of a person of an agency: a training record or a certification. */
    public record Expiring(UUID item, AgencyId agency, PersonId person, LocalDate expiresOn) {}

    /** The agency's catalogue: the shipped entries first, then its own by name. */
    public List<Training> catalogue(AgencyId agency) {
        return jdbc.sql("""
                        select * from training where agency_id = :agency
                        order by case when shipped_key is null then 1 else 0 end, created_at, name
                        """)
                .param("agency", agency.value())
                .query((rs, n) -> training(rs))
                .list();
    }

    /** Whether the agency's catalogue holds the shipped entries yet. */
    public boolean hasShipped(AgencyId agency) {
        return jdbc.sql("select count(*) from training where agency_id = :agency and shipped_key is not null")
                        .param("agency", agency.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Training> training(AgencyId agency, TrainingId id) {
        return jdbc.sql("select * from training where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query((rs, n) -> training(rs))
                .optional();
    }

    public void insert(AgencyId agency, Training t) {
        jdbc.sql("""
                        insert into training (id, agency_id, shipped_key, name, required_for, renew_every_months,
                                              created_at, version)
                        values (:id, :agency, :shipped, :name, :roles, :months, :at, 0)
                        """)
                .param("id", t.id().value())
                .param("agency", agency.value())
                .param("shipped", t.shipped() == null ? null : t.shipped().name())
                .param("name", t.name())
                .param("roles", roles(t.requiredFor()))
                .param("months", t.renewEveryMonths())
                .param("at", t.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Saves an entry's requirements, if nobody saved another change since it was read.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, Training t) {
        int updated = jdbc.sql("""
                        update training set required_for = :roles, renew_every_months = :months, version = version + 1
                        where id = :id and agency_id = :agency and version = :version
                        """)
                .param("roles", roles(t.requiredFor()))
                .param("months", t.renewEveryMonths())
                .param("id", t.id().value())
                .param("agency", agency.value())
                .param("version", t.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("training.changedMeanwhile");
        }
    }

    public void insert(AgencyId agency, TrainingRecord r) {
        jdbc.sql("""
                        insert into training_record (id, agency_id, person_id, training_id, completed_on, provider,
                                                     hours, expires_on, recorded_by, recorded_at)
                        values (:id, :agency, :person, :training, :completed, :provider, :hours, :expires, :by, :at)
                        """)
                .param("id", r.id().value())
                .param("agency", agency.value())
                .param("person", r.person().value())
                .param("training", r.training().value())
                .param("completed", r.completedOn())
                .param("provider", r.provider())
                .param("hours", r.hours())
                .param("expires", r.expiresOn())
                .param("by", r.recordedBy().value())
                .param("at", r.recordedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** A person's training records, newest first (at most {@value #LIST_LIMIT}). */
    public List<TrainingRecord> records(AgencyId agency, PersonId person) {
        return jdbc.sql("select " + RECORD_COLUMNS + " where r.agency_id = :agency and r.person_id = :person"
                        + " order by r.completed_on desc, r.recorded_at desc limit " + LIST_LIMIT)
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, n) -> record(rs))
                .list();
    }

    /** Every training record of the agency, for the compliance report. */
    public List<TrainingRecord> records(AgencyId agency) {
        return jdbc.sql("select " + RECORD_COLUMNS + " where r.agency_id = :agency")
                .param("agency", agency.value())
                .query((rs, n) -> record(rs))
                .list();
    }

    public Optional<TrainingRecord> record(AgencyId agency, PersonId person, TrainingRecordId id) {
        return jdbc.sql("select " + RECORD_COLUMNS
                        + " where r.id = :id and r.agency_id = :agency and r.person_id = :person")
                .param("id", id.value())
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, n) -> record(rs))
                .optional();
    }

    /** Keeps a record's certificate, replacing the one before. */
    public void attach(AgencyId agency, TrainingRecordId record, Certificate certificate, PersonId by, Instant at) {
        jdbc.sql("delete from training_certificate where record_id = :id and agency_id = :agency")
                .param("id", record.value())
                .param("agency", agency.value())
                .update();
        jdbc.sql("""
                        insert into training_certificate (record_id, agency_id, content_type, size_bytes, content,
                                                          attached_by, attached_at)
                        values (:id, :agency, :type, :size, :content, :by, :at)
                        """)
                .param("id", record.value())
                .param("agency", agency.value())
                .param("type", certificate.type().name())
                .param("size", certificate.size())
                .param("content", certificate.content())
                .param("by", by.value())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<Certificate> certificate(AgencyId agency, TrainingRecordId record) {
        return jdbc.sql("select content_type, content from training_certificate where record_id = :id"
                        + " and agency_id = :agency")
                .param("id", record.value())
                .param("agency", agency.value())
                .query((rs, n) -> Certificate.stored(
                        CertificateType.valueOf(rs.getString("content_type")), rs.getBytes("content")))
                .optional();
    }

    public void insert(AgencyId agency, Certification c) {
        jdbc.sql("""
                        insert into certification (id, agency_id, person_id, body, number, issued_on, expires_on,
                                                   recorded_by, recorded_at)
                        values (:id, :agency, :person, :body, :number, :issued, :expires, :by, :at)
                        """)
                .param("id", c.id().value())
                .param("agency", agency.value())
                .param("person", c.person().value())
                .param("body", c.body())
                .param("number", c.number())
                .param("issued", c.issuedOn())
                .param("expires", c.expiresOn())
                .param("by", c.recordedBy().value())
                .param("at", c.recordedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** A person's certifications, newest first (at most {@value #LIST_LIMIT}). */
    public List<Certification> certifications(AgencyId agency, PersonId person) {
        return jdbc.sql("select * from certification where agency_id = :agency and person_id = :person"
                        + " order by issued_on desc, recorded_at desc limit " + LIST_LIMIT)
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, n) -> certification(rs))
                .list();
    }

    /** Every certification of the agency, for the compliance report. */
    public List<Certification> certifications(AgencyId agency) {
        return jdbc.sql("select * from certification where agency_id = :agency")
                .param("agency", agency.value())
                .query((rs, n) -> certification(rs))
                .list();
    }

    public int countIn(AgencyId agency) {
        return jdbc.sql("select count(*) from training_record where agency_id = :agency")
                .param("agency", agency.value())
                .query(Integer.class)
                .single();
    }

    /**
     * Training records and certifications of every agency that expire after {@code from} and by
     * {@code to}, and that nothing newer of the same person stands over (a renewal recorded, a later
     * certification from the same body).
     */
    public List<Expiring> expiring(LocalDate from, LocalDate to) {
        List<Expiring> records = jdbc.sql("""
                        select r.id, r.agency_id, r.person_id, r.expires_on from training_record r
                        where r.expires_on > :from and r.expires_on <= :to
                          and not exists (select 1 from training_record n where n.person_id = r.person_id
                                          and n.training_id = r.training_id and n.id <> r.id
                                          and (n.expires_on is null or n.expires_on > r.expires_on))
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> expiring(rs))
                .list();
        List<Expiring> certifications = jdbc.sql("""
                        select c.id, c.agency_id, c.person_id, c.expires_on from certification c
                        where c.expires_on > :from and c.expires_on <= :to
                          and not exists (select 1 from certification n where n.person_id = c.person_id
                                          and lower(n.body) = lower(c.body) and n.id <> c.id
                                          and (n.expires_on is null or n.expires_on > c.expires_on))
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> expiring(rs))
                .list();
        return java.util.stream.Stream.concat(records.stream(), certifications.stream())
                .toList();
    }

    /**
     * Notes that a reminder was sent, once: false when it already was.
     *
     * <p>Each call runs in the caller's transaction; a second node sending the same reminder at the
     * same moment fails on the primary key and rolls its own transaction back, notice included.
     */
    public boolean remind(Expiring e, ExpiryReminder reminder, Instant at) {
        boolean sent = jdbc.sql("""
                                select count(*) from training_reminder
                                where item_id = :item and days_before = :days and expires_on = :expires
                                """)
                        .param("item", e.item())
                        .param("days", reminder.daysBefore())
                        .param("expires", e.expiresOn())
                        .query(Integer.class)
                        .single()
                > 0;
        if (sent) {
            return false;
        }
        jdbc.sql("""
                        insert into training_reminder (item_id, days_before, expires_on, agency_id, person_id, sent_at)
                        values (:item, :days, :expires, :agency, :person, :at)
                        """)
                .param("item", e.item())
                .param("days", reminder.daysBefore())
                .param("expires", e.expiresOn())
                .param("agency", e.agency().value())
                .param("person", e.person().value())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return true;
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Training training(ResultSet rs) throws SQLException {
        String shipped = rs.getString("shipped_key");
        String roles = rs.getString("required_for");
        Set<Role> required = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).forEach(s -> required.add(Role.valueOf(s)));
        return new Training(
                new TrainingId(rs.getObject("id", UUID.class)),
                shipped == null ? null : ShippedTraining.valueOf(shipped),
                rs.getString("name"),
                required,
                (Integer) rs.getObject("renew_every_months", Integer.class),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }

    private static TrainingRecord record(ResultSet rs) throws SQLException {
        String type = rs.getString("certificate_type");
        return new TrainingRecord(
                new TrainingRecordId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                new TrainingId(rs.getObject("training_id", UUID.class)),
                rs.getObject("completed_on", LocalDate.class),
                rs.getString("provider"),
                rs.getObject("hours", BigDecimal.class),
                rs.getObject("expires_on", LocalDate.class),
                type == null ? null : CertificateType.valueOf(type),
                new PersonId(rs.getObject("recorded_by", UUID.class)),
                instant(rs, "recorded_at"));
    }

    private static Certification certification(ResultSet rs) throws SQLException {
        return new Certification(
                new CertificationId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getString("body"),
                rs.getString("number"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class),
                new PersonId(rs.getObject("recorded_by", UUID.class)),
                instant(rs, "recorded_at"));
    }

    private static Expiring expiring(ResultSet rs) throws SQLException {
        return new Expiring(
                rs.getObject("id", UUID.class),
                new AgencyId(rs.getObject("agency_id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getObject("expires_on", LocalDate.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
