package org.mutuality.contact.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.contact.Contact;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages from the public contact form that wait for their sender to open the emailed link. A
 * link's token is kept only as its hash.
 */
@Repository
public class ContactRequestStore {

    /** A confirmed request: the message to send. */
    public record Pending(AgencyId agency, PersonId person, Contact.To to, String body) {}

    private final JdbcClient jdbc;

    public ContactRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many links, neither opened nor expired, wait for the person. */
    public int waiting(PersonId person, Instant now) {
        return jdbc.sql("""
                        select count(*) from contact_request where person_id = :person and confirmed_at is null
                          and expires_at > :now
                        """)
                .param("person", person.value())
                .param("now", utc(now))
                .query(Integer.class)
                .single();
    }

    public void add(
            AgencyId agency,
            PersonId person,
            Contact.To to,
            String body,
            String tokenHash,
            Instant now,
            Instant expires) {
        jdbc.sql("""
                        insert into contact_request (id, agency_id, person_id, to_target, body, token_hash, created_at,
                                                     expires_at)
                        values (:id, :agency, :person, :to, :body, :hash, :now, :expires)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("person", person.value())
                .param("to", to.name())
                .param("body", body)
                .param("hash", tokenHash)
                .param("now", utc(now))
                .param("expires", utc(expires))
                .update();
    }

    /**
     * Marks the request with this token's hash confirmed, once, while it has not expired.
     *
     * @return the request, or empty when there is none, it expired, or it was confirmed already
     */
    public Optional<Pending> confirm(String tokenHash, Instant now) {
        record Found(UUID id, Pending pending) {}
        Optional<Found> found = jdbc.sql("""
                        select * from contact_request where token_hash = :hash and confirmed_at is null
                          and expires_at > :now
                        """)
                .param("hash", tokenHash)
                .param("now", utc(now))
                .query((rs, n) -> new Found(
                        rs.getObject("id", UUID.class),
                        new Pending(
                                new AgencyId(rs.getObject("agency_id", UUID.class)),
                                new PersonId(rs.getObject("person_id", UUID.class)),
                                Contact.To.valueOf(rs.getString("to_target")),
                                rs.getString("body"))))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int claimed = jdbc.sql("update contact_request set confirmed_at = :now where id = :id and confirmed_at is null")
                .param("now", utc(now))
                .param("id", found.get().id())
                .update();
        return claimed == 1 ? Optional.of(found.get().pending()) : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
