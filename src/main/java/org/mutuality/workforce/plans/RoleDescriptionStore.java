package org.mutuality.workforce.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.RoleDescription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role descriptions, every version, and who read which; every statement scoped by agency. */
@Repository
public class RoleDescriptionStore {

    private static final String COLUMNS = "role, version, text_en, text_fr, reason, written_by, written_at";

    private final JdbcClient jdbc;

    public RoleDescriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reading of a version: who, which role and version, when. */
    public record Reading(PersonId person, Role role, int version, Instant readAt) {}

    /** The latest stored version of the role's description. */
    public Optional<RoleDescription> latest(AgencyId agency, Role role) {
        return jdbc.sql("select " + COLUMNS + " from role_description where agency_id = :agency and role = :role"
                        + " order by version desc limit 1")
                .param("agency", agency.value())
                .param("role", role.name())
                .query((rs, i) -> description(rs))
                .optional();
    }

    /** Every stored version of the role's description, newest first. */
    public List<RoleDescription> history(AgencyId agency, Role role) {
        return jdbc.sql("select " + COLUMNS + " from role_description where agency_id = :agency and role = :role"
                        + " order by version desc")
                .param("agency", agency.value())
                .param("role", role.name())
                .query((rs, i) -> description(rs))
                .list();
    }

    /** Stores a version; false when that version is stored already (another writer was first). */
    public boolean insert(AgencyId agency, RoleDescription d) {
        return jdbc.sql("""
                        insert into role_description (agency_id, role, version, text_en, text_fr, reason, written_by,
                                                      written_at)
                        select :agency, :role, :version, :en, :fr, :reason, :by, :at
                        where not exists (select 1 from role_description
                                          where agency_id = :agency and role = :role and version = :version)
                        """)
                        .param("agency", agency.value())
                        .param("role", d.role().name())
                        .param("version", d.version())
                        .param("en", d.english())
                        .param("fr", d.french())
                        .param("reason", d.reason())
                        .param(
                                "by",
                                d.writtenBy() == null ? null : d.writtenBy().value())
                        .param("at", d.writtenAt().atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** The versions the person read, newest reading first. */
    public List<Reading> readings(AgencyId agency, PersonId person) {
        return jdbc.sql("select role, version, read_at from role_description_read"
                        + " where agency_id = :agency and person_id = :person order by read_at desc")
                .param("agency", agency.value())
                .param("person", person.value())
                .query((rs, i) -> new Reading(
                        person,
                        Role.valueOf(rs.getString("role")),
                        rs.getInt("version"),
                        rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Records a reading; false when the person had read that version already. */
    public boolean read(AgencyId agency, Reading reading) {
        return jdbc.sql("""
                        insert into role_description_read (agency_id, person_id, role, version, read_at)
                        select :agency, :person, :role, :version, :at
                        where not exists (select 1 from role_description_read
                                          where agency_id = :agency and person_id = :person and role = :role
                                            and version = :version)
                        """)
                        .param("agency", agency.value())
                        .param("person", reading.person().value())
                        .param("role", reading.role().name())
                        .param("version", reading.version())
                        .param("at", reading.readAt().atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private static RoleDescription description(ResultSet rs) throws SQLException {
        UUID by = rs.getObject("written_by", UUID.class);
        return new RoleDescription(
                Role.valueOf(rs.getString("role")),
                rs.getInt("version"),
                rs.getString("text_en"),
                rs.getString("text_fr"),
                by == null ? null : new PersonId(by),
                rs.getObject("written_at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"));
    }
}
