package org.mutuality.workforce.conduct;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.Attestation;
import org.mutuality.workforce.ConductText;
import org.mutuality.workforce.ConductVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of each agency's code of conduct and the attestations to them. Versions and
 * attestations are only ever inserted: nothing here updates or deletes a row. Every statement is
 * scoped by agency.
 */
@Repository
public class ConductStore {

    private final JdbcClient jdbc;

    public ConductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives the agency Mutuality's starting text as its version 1, unless it has a version already.
     * The text is the one the V34 migration gave every agency that existed then, kept once in the
     * database so that the two can never differ.
     */
    public void startWith(AgencyId agency, Instant at) {
        jdbc.sql("""
                        insert into code_of_conduct (agency_id, version, text_en, text_fr, reason, published_by,
                                                     published_at)
                        select :agency, 1, s.text_en, s.text_fr, null, null, :at from code_of_conduct_starter s
                        where s.id = 1
                          and not exists (select 1 from code_of_conduct c where c.agency_id = :agency)
                        """).param("agency", agency.value()).param("at", utc(at)).update();
    }

    public Optional<ConductVersion> current(AgencyId agency) {
        return jdbc.sql("""
                        select * from code_of_conduct where agency_id = :agency
                        and version = (select max(version) from code_of_conduct where agency_id = :agency)
                        """)
                .param("agency", agency.value())
                .query(ConductStore::version)
                .optional();
    }

    public Optional<ConductVersion> version(AgencyId agency, int number) {
        return jdbc.sql("select * from code_of_conduct where agency_id = :agency and version = :number")
                .param("agency", agency.value())
                .param("number", number)
                .query(ConductStore::version)
                .optional();
    }

    /** Every version, newest first. An agency keeps a handful over years: no paging is needed. */
    public List<ConductVersion> versions(AgencyId agency) {
        return jdbc.sql("select * from code_of_conduct where agency_id = :agency order by version desc")
                .param("agency", agency.value())
                .query(ConductStore::version)
                .list();
    }

    /**
     * Adds a version. Two people publishing at once both try the same number: the primary key lets one
     * through and refuses the other with a {@code DuplicateKeyException}.
     */
    public void insert(AgencyId agency, ConductVersion v) {
        jdbc.sql("""
                        insert into code_of_conduct (agency_id, version, text_en, text_fr, reason, published_by,
                                                     published_at)
                        values (:agency, :version, :en, :fr, :reason, :by, :at)
                        """)
                .param("agency", agency.value())
                .param("version", v.number())
                .param("en", v.text().en())
                .param("fr", v.text().fr())
                .param("reason", v.reason())
                .param("by", v.publishedBy() == null ? null : v.publishedBy().value())
                .param("at", utc(v.publishedAt()))
                .update();
    }

    /** The latest version the person attested, if any. */
    public Optional<Attestation> latest(AgencyId agency, PersonId person) {
        return jdbc.sql("""
                        select * from code_of_conduct_attestation where agency_id = :agency and person_id = :person
                        order by version desc limit 1
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .query(ConductStore::attestation)
                .optional();
    }

    /** Keeps an attestation; one the person already made is kept as it was, with its first time. */
    public Attestation attest(AgencyId agency, Attestation a) {
        Optional<Attestation> earlier = jdbc.sql("""
                        select * from code_of_conduct_attestation
                        where agency_id = :agency and person_id = :person and version = :version
                        """)
                .param("agency", agency.value())
                .param("person", a.person().value())
                .param("version", a.version())
                .query(ConductStore::attestation)
                .optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        jdbc.sql("""
                        insert into code_of_conduct_attestation (agency_id, person_id, version, attested_at)
                        values (:agency, :person, :version, :at)
                        """)
                .param("agency", agency.value())
                .param("person", a.person().value())
                .param("version", a.version())
                .param("at", utc(a.at()))
                .update();
        return a;
    }

    /** Each person's latest attestation. */
    public Map<PersonId, Attestation> latestByPerson(AgencyId agency) {
        Map<PersonId, Attestation> latest = new HashMap<>();
        jdbc.sql("select * from code_of_conduct_attestation where agency_id = :agency order by version")
                .param("agency", agency.value())
                .query(ConductStore::attestation)
                .list()
                .forEach(a -> latest.put(a.person(), a));
        return latest;
    }

    /** How many attestations each person made since a moment. */
    public Map<PersonId, Integer> countsSince(AgencyId agency, Instant from) {
        Map<PersonId, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select person_id, count(*) as n from code_of_conduct_attestation
                        where agency_id = :agency and attested_at > :from group by person_id
                        """)
                .param("agency", agency.value())
                .param("from", utc(from))
                .query((rs, n) -> Map.entry(new PersonId(rs.getObject("person_id", UUID.class)), rs.getInt("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public boolean anyAttestation(AgencyId agency) {
        return jdbc.sql("select count(*) from code_of_conduct_attestation where agency_id = :agency")
                        .param("agency", agency.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static ConductVersion version(ResultSet rs, int n) throws SQLException {
        UUID by = rs.getObject("published_by", UUID.class);
        return new ConductVersion(
                rs.getInt("version"),
                new ConductText(rs.getString("text_en"), rs.getString("text_fr")),
                rs.getString("reason"),
                by == null ? null : new PersonId(by),
                rs.getObject("published_at", OffsetDateTime.class).toInstant());
    }

    private static Attestation attestation(ResultSet rs, int n) throws SQLException {
        return new Attestation(
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getInt("version"),
                rs.getObject("attested_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
