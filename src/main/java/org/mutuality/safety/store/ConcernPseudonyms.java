package org.mutuality.safety.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.ConcernId;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sealed link between an anonymous concern's pseudonym and the person who raised it. Every
 * method but {@link #unseal} starts from a person who is signed in and answers only about them (is
 * this their concern, which concerns are theirs); {@link #unseal} is the one method that turns a
 * concern into a person, and only {@code Concerns} calls it: to tell the raiser an answer is there,
 * and for a privacy lead's audited, reasoned opening. Every statement is scoped by agency.
 */
@Repository
public class ConcernPseudonyms {

    private final JdbcClient jdbc;

    public ConcernPseudonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seals the link for a new anonymous concern; returns the pseudonym, a fresh random id. */
    public UUID create(AgencyId agency, ConcernId concern, PersonId person, Instant at) {
        UUID pseudonym = UUID.randomUUID();
        jdbc.sql("""
                        insert into concern_pseudonym (id, agency_id, concern_id, person_id, created_at)
                        values (:id, :agency, :concern, :person, :at)
                        """)
                .param("id", pseudonym)
                .param("agency", agency.value())
                .param("concern", concern.value())
                .param("person", person.value())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return pseudonym;
    }

    /** The pseudonym under which this person raised this concern; empty when they did not raise it. */
    public Optional<UUID> pseudonymOf(AgencyId agency, ConcernId concern, PersonId person) {
        return jdbc.sql("""
                        select id from concern_pseudonym
                        where agency_id = :agency and concern_id = :concern and person_id = :person
                        """)
                .param("agency", agency.value())
                .param("concern", concern.value())
                .param("person", person.value())
                .query(UUID.class)
                .optional();
    }

    /** Who raised this anonymous concern. The one read of the link; see the class comment for who calls it. */
    public Optional<PersonId> unseal(AgencyId agency, ConcernId concern) {
        return jdbc.sql("select person_id from concern_pseudonym where agency_id = :agency and concern_id = :concern")
                .param("agency", agency.value())
                .param("concern", concern.value())
                .query(UUID.class)
                .optional()
                .map(PersonId::new);
    }

    /** Keeps the privacy lead's reason for opening the link; returns the opening's id. */
    public UUID recordUnsealing(AgencyId agency, ConcernId concern, PersonId by, String reason, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into concern_unsealing (id, agency_id, concern_id, opened_by, reason, opened_at)
                        values (:id, :agency, :concern, :by, :reason, :at)
                        """)
                .param("id", id)
                .param("agency", agency.value())
                .param("concern", concern.value())
                .param("by", by.value())
                .param("reason", reason)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }
}
