package org.mutuality.practice.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agencies' journal data keys, each wrapped by the key-encryption key named by its id. */
@Repository
public class JournalKeyStore {

    private final JdbcClient jdbc;

    public JournalKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An agency's data key as stored: wrapped (Base64), and the id of the key that wrapped it. */
    public record Wrapped(AgencyId agency, String key, String kekId) {}

    public Optional<Wrapped> find(AgencyId agency) {
        return jdbc.sql("select agency_id, wrapped_key, kek_id from journal_key where agency_id = :agency")
                .param("agency", agency.value())
                .query((rs, i) -> new Wrapped(
                        new AgencyId(rs.getObject("agency_id", java.util.UUID.class)),
                        rs.getString("wrapped_key"),
                        rs.getString("kek_id")))
                .optional();
    }

    /** The data keys not wrapped by the key-encryption key {@code kekId}: those a rotation re-wraps. */
    public List<Wrapped> wrappedByOtherThan(String kekId) {
        return jdbc.sql("select agency_id, wrapped_key, kek_id from journal_key where kek_id <> :kek")
                .param("kek", kekId)
                .query((rs, i) -> new Wrapped(
                        new AgencyId(rs.getObject("agency_id", java.util.UUID.class)),
                        rs.getString("wrapped_key"),
                        rs.getString("kek_id")))
                .list();
    }

    /**
     * Stores a new agency's data key.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another request stored one first
     */
    public void insert(Wrapped wrapped, Instant at) {
        jdbc.sql("""
                        insert into journal_key (agency_id, wrapped_key, kek_id, created_at)
                        values (:agency, :key, :kek, :at)
                        """)
                .param("agency", wrapped.agency().value())
                .param("key", wrapped.key())
                .param("kek", wrapped.kekId())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Replaces a data key's wrapping, if it is still wrapped by {@code previousKekId}. */
    public boolean rewrap(Wrapped wrapped, String previousKekId, Instant at) {
        return jdbc.sql("""
                                update journal_key set wrapped_key = :key, kek_id = :kek, rewrapped_at = :at
                                where agency_id = :agency and kek_id = :previous
                                """)
                        .param("key", wrapped.key())
                        .param("kek", wrapped.kekId())
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("agency", wrapped.agency().value())
                        .param("previous", previousKekId)
                        .update()
                == 1;
    }
}
