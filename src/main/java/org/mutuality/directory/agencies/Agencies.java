package org.mutuality.directory.agencies;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agencies (tenants) this installation serves. */
@Repository
public class Agencies {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Agencies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public AgencyId insert(String name, boolean demo) {
        return insert(new AgencyId(UUID.randomUUID()), name, demo);
    }

    public AgencyId insert(AgencyId id, String name, boolean demo) {
        jdbc.sql("insert into agency (id, name, demo, created_at) values (:id, :name, :demo, :now)")
                .param("id", id.value())
                .param("name", name)
                .param("demo", demo)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return id;
    }

    public Optional<AgencyView> find(AgencyId id) {
        return jdbc.sql("select name, demo from agency where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new AgencyView(id, rs.getString("name"), rs.getBoolean("demo")))
                .optional();
    }

    public Optional<AgencyId> demo() {
        return jdbc.sql("select id from agency where demo = true order by created_at limit 1")
                .query((rs, n) -> new AgencyId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /** The agency's time zone, if the agency exists and its zone is one Java knows. */
    public Optional<ZoneId> zone(AgencyId id) {
        return jdbc.sql("select time_zone from agency where id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .filter(ZoneId.getAvailableZoneIds()::contains)
                .map(ZoneId::of);
    }

    public long count() {
        return jdbc.sql("select count(*) from agency").query(Long.class).single();
    }

    /** An agency's name and whether it holds fictional demo data. */
    public record AgencyView(AgencyId id, String name, boolean demo) {}
}
