package org.mutuality.access.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.ConsentDirective;
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
    private final Clock clock;

    public Directives(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID insert(
            AgencyId agency,
            PersonId person,
            @Nullable PersonId withheldFrom,
            @Nullable Purpose purpose,
            @Nullable RecordKind kind,
            @Nullable String note,
            PersonId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into consent_directive (id, agency_id, person_id, withheld_from, purpose, record_kind, note,
                                                       created_by, created_at)
                        values (:id, :agency, :person, :from, :purpose, :kind, :note, :by, :now)
                        """)
                .param("id", id)
                .param("agency", agency.value())
                .param("person", person.value())
                .param("from", withheldFrom == null ? null : withheldFrom.value())
                .param("purpose", purpose == null ? null : purpose.name())
                .param("kind", kind == null ? null : kind.name())
                .param("note", note)
                .param("by", by.value())
                .param("now", now())
                .update();
        return id;
    }

    public boolean withdraw(AgencyId agency, PersonId person, UUID id, PersonId by) {
        return jdbc.sql("""
                        update consent_directive set withdrawn_by = :by, withdrawn_at = :now
                        where id = :id and agency_id = :agency and person_id = :person and withdrawn_at is null
                        """)
                        .param("by", by.value())
                        .param("now", now())
                        .param("id", id)
                        .param("agency", agency.value())
                        .param("person", person.value())
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
                rs.getObject("id", UUID.class),
                new PersonId(rs.getObject("person_id", UUID.class)),
                from == null ? null : new PersonId(from),
                purpose == null ? null : Purpose.valueOf(purpose),
                kind == null ? null : RecordKind.valueOf(kind),
                rs.getString("note"),
                new PersonId(rs.getObject("created_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
