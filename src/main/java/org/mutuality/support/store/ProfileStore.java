package org.mutuality.support.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.support.Availability;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.PeerProfile;
import org.mutuality.support.Phrase;
import org.mutuality.support.PhraseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Peer workers' matching profiles, the agency's respectful-language list and its description of the
 * peer role. Every statement is scoped by agency.
 */
@Repository
public class ProfileStore {

    private final JdbcClient jdbc;

    public ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<PersonId, PeerProfile> profiles(AgencyId agency) {
        return jdbc
                .sql("select * from peer_profile where agency_id = :agency")
                .param("agency", agency.value())
                .query((rs, n) -> new PeerProfile(
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        Columns.languages(rs.getString("languages")),
                        rs.getString("gender"),
                        Columns.split(LivedExperience.class, rs.getString("lived_experience")),
                        Columns.split(Availability.class, rs.getString("availability")),
                        rs.getInt("capacity"),
                        rs.getBoolean("accepting")))
                .list()
                .stream()
                .collect(Collectors.toMap(PeerProfile::person, p -> p));
    }

    public Optional<PeerProfile> profile(AgencyId agency, PersonId person) {
        return Optional.ofNullable(profiles(agency).get(person));
    }

    public void save(AgencyId agency, PeerProfile p, Instant at) {
        int updated = jdbc.sql("""
                        update peer_profile set languages = :languages, gender = :gender, lived_experience = :lived,
                               availability = :availability, capacity = :capacity, accepting = :accepting, updated_at = :at
                        where agency_id = :agency and person_id = :person
                        """).params(params(agency, p, at)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into peer_profile (agency_id, person_id, languages, gender, lived_experience, availability,
                                                      capacity, accepting, updated_at)
                            values (:agency, :person, :languages, :gender, :lived, :availability, :capacity, :accepting, :at)
                            """).params(params(agency, p, at)).update();
        }
    }

    private static Map<String, Object> params(AgencyId agency, PeerProfile p, Instant at) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("agency", agency.value());
        m.put("person", p.person().value());
        m.put("languages", String.join(",", p.languages()));
        m.put("gender", p.gender());
        m.put("lived", Columns.join(p.livedExperience()));
        m.put("availability", Columns.join(p.availability()));
        m.put("capacity", p.capacity());
        m.put("accepting", p.accepting());
        m.put("at", ReferralStore.utc(at));
        return m;
    }

    /** Whether the agency has its own language list (otherwise the defaults apply). */
    public boolean customised(AgencyId agency) {
        return jdbc.sql("select count(*) from language_list where agency_id = :agency")
                        .param("agency", agency.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<Phrase> phrases(AgencyId agency) {
        return jdbc.sql("select * from language_phrase where agency_id = :agency order by lang, phrase")
                .param("agency", agency.value())
                .query((rs, n) -> new Phrase(
                        new PhraseId(rs.getObject("id", UUID.class)),
                        rs.getString("lang"),
                        rs.getString("phrase"),
                        rs.getString("suggestion"),
                        rs.getString("why")))
                .list();
    }

    /** Replaces the agency's whole list at once. */
    public void replacePhrases(AgencyId agency, List<Phrase> phrases, PersonId by, Instant at) {
        jdbc.sql("delete from language_phrase where agency_id = :agency")
                .param("agency", agency.value())
                .update();
        for (Phrase p : phrases) {
            jdbc.sql("""
                            insert into language_phrase (id, agency_id, lang, phrase, suggestion, why)
                            values (:id, :agency, :lang, :phrase, :suggestion, :why)
                            """)
                    .param("id", p.id().value())
                    .param("agency", agency.value())
                    .param("lang", p.lang())
                    .param("phrase", p.phrase())
                    .param("suggestion", p.suggestion())
                    .param("why", p.why())
                    .update();
        }
        jdbc.sql("delete from language_list where agency_id = :agency")
                .param("agency", agency.value())
                .update();
        jdbc.sql("insert into language_list (agency_id, customised_at, customised_by) values (:agency, :at, :by)")
                .param("agency", agency.value())
                .param("at", ReferralStore.utc(at))
                .param("by", by.value())
                .update();
    }

    public Optional<String> roleText(AgencyId agency, String lang) {
        return jdbc.sql("select body from peer_role_text where agency_id = :agency and lang = :lang")
                .param("agency", agency.value())
                .param("lang", lang)
                .query(String.class)
                .optional();
    }

    public void saveRoleText(AgencyId agency, String lang, String body, PersonId by, Instant at) {
        jdbc.sql("delete from peer_role_text where agency_id = :agency and lang = :lang")
                .param("agency", agency.value())
                .param("lang", lang)
                .update();
        jdbc.sql("""
                        insert into peer_role_text (agency_id, lang, body, updated_at, updated_by)
                        values (:agency, :lang, :body, :at, :by)
                        """)
                .param("agency", agency.value())
                .param("lang", lang)
                .param("body", body)
                .param("at", ReferralStore.utc(at))
                .param("by", by.value())
                .update();
    }
}
