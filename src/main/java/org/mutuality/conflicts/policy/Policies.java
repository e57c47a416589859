package org.mutuality.conflicts.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.conflicts.PolicyVersion;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every version of each agency's policy; the default policy is version 0 and is not stored. */
@Repository
public class Policies {

    private static final String DEFAULT_TEXT = loadDefault();

    private final JdbcClient jdbc;
    private final Clock clock;

    public Policies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String defaultText() {
        return DEFAULT_TEXT;
    }

    public PolicyVersion current(AgencyId agency) {
        return jdbc.sql("""
                        select version, body, reason, changed_by, changed_at from conflict_policy
                        where agency_id = :agency order by version desc limit 1
                        """)
                .param("agency", agency.value())
                .query((rs, n) -> version(rs))
                .optional()
                .orElseGet(Policies::defaultVersion);
    }

    public Optional<PolicyVersion> version(AgencyId agency, int version) {
        if (version == 0) {
            return Optional.of(defaultVersion());
        }
        return jdbc.sql("""
                        select version, body, reason, changed_by, changed_at from conflict_policy
                        where agency_id = :agency and version = :version
                        """)
                .param("agency", agency.value())
                .param("version", version)
                .query((rs, n) -> version(rs))
                .optional();
    }

    /** All versions, newest first, ending with the default policy. */
    public List<PolicyVersion> history(AgencyId agency) {
        List<PolicyVersion> versions = new ArrayList<>(jdbc.sql("""
                        select version, body, reason, changed_by, changed_at from conflict_policy
                        where agency_id = :agency order by version desc
                        """)
                .param("agency", agency.value())
                .query((rs, n) -> version(rs))
                .list());
        versions.add(defaultVersion());
        return versions;
    }

    /** Stores a new version after the current one; a concurrent change makes the unique key refuse it. */
    public PolicyVersion append(AgencyId agency, String text, String reason, PersonId by) {
        int next = current(agency).version() + 1;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into conflict_policy (id, agency_id, version, body, reason, changed_by, changed_at)
                        values (:id, :agency, :version, :body, :reason, :by, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("version", next)
                .param("body", text)
                .param("reason", reason)
                .param("by", by.value())
                .param("now", now)
                .update();
        return new PolicyVersion(next, text, reason, by, now.toInstant());
    }

    private static PolicyVersion defaultVersion() {
        return new PolicyVersion(0, DEFAULT_TEXT, "The default policy shipped with Mutuality", null, null);
    }

    private static PolicyVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID by = rs.getObject("changed_by", UUID.class);
        OffsetDateTime at = rs.getObject("changed_at", OffsetDateTime.class);
        return new PolicyVersion(
                rs.getInt("version"),
                rs.getString("body"),
                rs.getString("reason"),
                by == null ? null : new PersonId(by),
                at == null ? null : at.toInstant());
    }

    private static String loadDefault() {
        try (InputStream in = Policies.class.getResourceAsStream("default-policy.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-policy.yaml is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
