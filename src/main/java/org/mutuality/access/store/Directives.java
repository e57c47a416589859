package org.mutuality.access.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.mutuality.access.ConsentDirective;
import org.mutuality.access.ConsentDirectiveId;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consent directives. Every statement is scoped by agency; directives are withdrawn, never deleted. */
@Repository
public class Directives {

    private final JdbcClient jdbc;

    public Directives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, ConsentDirective d) {
        jdbc.sql("""
                        insert into consent_directive (id, agency_id, person_id, withheld_from, purpose, record_kind, note,
                                                       created_by, created_at)
                        values (:id, :agency, :person, :from, :purpose, :kind, :note, :by, :at)
                        """)
                .param("id", d.id().value())
                .param("agency", agency.value())
                .param("person", d.person().value())
                .param(
                        "from",
                        d.withheldFrom() == null ? null : d.withheldFrom().value())
                .param("purpose", d.purpose() == null ? null : d.purpose().name())
                .param("kind", d.recordKind() == null ? null : d.recordKind().name())
                .param("note", d.note())
                .param("by", d.createdBy().value())
                .param("at", utc(d.createdAt()))
                .update();
    }

    /** Records the withdrawal unless the directive was withdrawn meanwhile; false when it was. */
    public boolean withdraw(AgencyId agency, ConsentDirective withdrawn, PersonId by) {
        return jdbc.sql("""
                        update consent_directive set withdrawn_by = :by, withdrawn_at = :at
                        where id = :id and agency_id = :agency and withdrawn_at is null
                        """)
                        .param("by", by.value())
                        .param("at", utc(java.util.Objects.requireNonNull(withdrawn.withdrawnAt())))
                        .param("id", withdrawn.id().value())
                        .param("agency", agency.value())
                        .update()
                == 1;
    }

    public List<ConsentDirective> of(AgencyId agency, PersonId person) {
        return jdbc.sql(
                        "select * from consent_directive where agency_id = :agency and person_id = :person order by created_at")
                .param("agency", agency.value())
                .param("person", person.value())
                .query(Directives::map)
                .list();
    }

    /** The directives in force in the agency, for the guard's index. */
    public List<ConsentDirective> activeIn(AgencyId agency) {
        return jdbc.sql("select * from consent_directive where agency_id = :agency and withdrawn_at is null")
                .param("agency", agency.value())
                .query(Directives::map)
                .list();
    }

    private static ConsentDirective map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        UUID from = rs.getObject("withheld_from", UUID.class);
        String purpose = rs.getString("purpose");
        String kind = rs.getString("record_kind");
        OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
        return new ConsentDirective(
                new ConsentDirectiveId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                from == null ? null : new PersonId(from),
                purpose == null ? null : Purpose.valueOf(purpose),
                kind == null ? null : RecordKind.valueOf(kind),
                rs.getString("note"),
                new PersonId(rs.getObject("created_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
