package org.mutuality.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditEntry;
import org.mutuality.audit.AuditEvent;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit tables. Entries and chain links are only ever inserted; the head of each chain moves. */
@Repository
public class AuditStore {

    private static final String ENTRY_COLUMNS =
            "e.id, e.recorded_at, e.actor_id, e.actor_roles, e.action, e.subject_id,"
                    + " e.record_kind, e.record_id, e.purpose, e.basis, e.outcome, e.detail";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(java.util.Objects.requireNonNull(jdbc.getDataSource()));
        this.streaming.setFetchSize(5000);
    }

    /**
     * Lets the current transaction commit without waiting for its log to reach the disk (PostgreSQL's
     * {@code synchronous_commit = off}, for this transaction only). A crash of the database may then
     * lose the last fraction of a second of such transactions, never corrupt anything. Does nothing
     * on other databases.
     */
    public void relaxDurabilityOfThisTransaction() {
        if (postgres()) {
            jdbc.execute("set local synchronous_commit to off");
        }
    }

    private volatile @org.jspecify.annotations.Nullable Boolean postgres;

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres")));
            postgres = known;
        }
        return known;
    }

    public UUID insert(AuditEvent event, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into audit_entry (id, agency_id, recorded_at, actor_id, actor_roles, action, subject_id,"
                        + " record_kind, record_id, purpose, basis, outcome, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                event.agencyId().value(),
                OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                event.actorId(),
                event.actorRoles(),
                event.action(),
                event.subjectId(),
                event.recordKind(),
                event.recordId(),
                event.purpose(),
                event.basis(),
                event.outcome(),
                event.detail());
        return id;
    }

    /** Every agency that has an audit chain or entries waiting for one. */
    public List<AgencyId> agencies() {
        return jdbc.query(
                "select agency_id from audit_head union select agency_id from audit_entry",
                (rs, n) -> new AgencyId(rs.getObject(1, UUID.class)));
    }

    /** Agencies with entries recorded since the given time (all of them when it is null). */
    public List<AgencyId> agenciesRecordingSince(@Nullable Instant since) {
        if (since == null) {
            return jdbc.query(
                    "select distinct agency_id from audit_entry", (rs, n) -> new AgencyId(rs.getObject(1, UUID.class)));
        }
        return jdbc.query(
                "select distinct agency_id from audit_entry where recorded_at >= ?",
                (rs, n) -> new AgencyId(rs.getObject(1, UUID.class)),
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    }

    /** The chain's end, locked until the transaction ends; created at the genesis if missing. */
    public Head lockHead(AgencyId agency, String genesis) {
        List<Head> heads = jdbc.query(
                "select seq, hash, sealed_through from audit_head where agency_id = ? for update",
                AuditStore::head,
                agency.value());
        if (!heads.isEmpty()) {
            return heads.get(0);
        }
        jdbc.update("insert into audit_head (agency_id, seq, hash) values (?, 0, ?)", agency.value(), genesis);
        return lockHead(agency, genesis);
    }

    public Optional<Head> head(AgencyId agency) {
        return jdbc
                .query(
                        "select seq, hash, sealed_through from audit_head where agency_id = ?",
                        AuditStore::head,
                        agency.value())
                .stream()
                .findFirst();
    }

    /** Committed entries recorded since the given time and not yet in the chain, oldest first. */
    public List<AuditEntry> pending(AgencyId agency, Instant since, int limit) {
        return jdbc.query(
                "select " + ENTRY_COLUMNS + ", null as seq from audit_entry e"
                        + " where e.agency_id = ? and e.recorded_at >= ?"
                        + " and not exists (select 1 from audit_chain c where c.entry_id = e.id)"
                        + " order by e.recorded_at, e.id limit ?",
                AuditStore::entry,
                agency.value(),
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC),
                limit);
    }

    /** Inserts many links in one batch: each row is agency, seq, entry, previous hash, hash, sealed at. */
    public void linkAll(List<Object[]> links) {
        jdbc.batchUpdate(
                "insert into audit_chain (agency_id, seq, entry_id, prev_hash, hash, sealed_at) values (?, ?, ?, ?, ?, ?)",
                links);
    }

    public void moveHead(AgencyId agency, long seq, String hash, Instant sealedThrough) {
        jdbc.update(
                "update audit_head set seq = ?, hash = ?, sealed_through = ? where agency_id = ?",
                seq,
                hash,
                OffsetDateTime.ofInstant(sealedThrough, ZoneOffset.UTC),
                agency.value());
    }

    /**
     * Walks the chain in order up to {@code lastSeq}: each link with its entry (null when the entry
     * row is gone). Links beyond it were added after the head was read and are left for next time.
     */
    public void walk(AgencyId agency, long lastSeq, Consumer<Link> visitor) {
        walk(agency, 1, lastSeq, visitor);
    }

    /** Walks the links {@code firstSeq..lastSeq} in order, as {@link #walk(AgencyId, long, Consumer)}. */
    public void walk(AgencyId agency, long firstSeq, long lastSeq, Consumer<Link> visitor) {
        streaming.query(
                "select c.seq as chain_seq, c.prev_hash, c.hash, c.entry_id as linked_id, " + ENTRY_COLUMNS
                        + ", c.seq as seq from audit_chain c left join audit_entry e on e.id = c.entry_id"
                        + " where c.agency_id = ? and c.seq >= ? and c.seq <= ? order by c.seq",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    visitor.accept(new Link(
                            rs.getLong("chain_seq"),
                            rs.getString("prev_hash"),
                            rs.getString("hash"),
                            rs.getObject("linked_id", UUID.class),
                            id == null ? null : entry(rs, 0)));
                },
                agency.value(),
                firstSeq,
                lastSeq);
    }

    /** Entries about a person (their record was read, written or refused), newest first. */
    public List<AuditEntry> about(AgencyId agency, UUID subject, int limit) {
        return jdbc.query(
                "select " + ENTRY_COLUMNS + ", c.seq from audit_entry e left join audit_chain c on c.entry_id = e.id"
                        + " where e.agency_id = ? and e.subject_id = ? order by e.recorded_at desc, e.id limit ?",
                AuditStore::entry,
                agency.value(),
                subject,
                limit);
    }

    /** Entries matching the filters that are given, newest first. */
    public List<AuditEntry> search(
            AgencyId agency,
            @Nullable UUID actor,
            @Nullable UUID subject,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            int limit) {
        StringBuilder sql = new StringBuilder("select " + ENTRY_COLUMNS
                + ", c.seq from audit_entry e left join audit_chain c on c.entry_id = e.id where e.agency_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(agency.value());
        if (actor != null) {
            sql.append(" and e.actor_id = ?");
            args.add(actor);
        }
        if (subject != null) {
            sql.append(" and e.subject_id = ?");
            args.add(subject);
        }
        if (action != null) {
            sql.append(" and e.action = ?");
            args.add(action);
        }
        if (from != null) {
            sql.append(" and e.recorded_at >= ?");
            args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and e.recorded_at < ?");
            args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        sql.append(" order by e.recorded_at desc, e.id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), AuditStore::entry, args.toArray());
    }

    /** When the oldest entry recorded since the given time and still waiting to be sealed was recorded. */
    public Optional<Instant> oldestPending(Instant since) {
        return jdbc
                .query(
                        "select min(e.recorded_at) from audit_entry e where e.recorded_at >= ?"
                                + " and not exists (select 1 from audit_chain c where c.entry_id = e.id)",
                        (rs, n) -> {
                            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                            return t == null ? null : t.toInstant();
                        },
                        OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("seq");
        boolean sealed = !rs.wasNull();
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                sealed ? seq : null,
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_roles"),
                rs.getString("action"),
                rs.getObject("subject_id", UUID.class),
                rs.getString("record_kind"),
                rs.getString("record_id"),
                rs.getString("purpose"),
                rs.getString("basis"),
                rs.getString("outcome"),
                rs.getString("detail"));
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        OffsetDateTime through = rs.getObject("sealed_through", OffsetDateTime.class);
        return new Head(rs.getLong("seq"), rs.getString("hash"), through == null ? null : through.toInstant());
    }

    /** The end of a chain, and the recording time of the latest entry sealed into it. */
    public record Head(long seq, String hash, @Nullable Instant sealedThrough) {}

    /** One link of a chain as stored, with its entry if the entry row still exists. */
    public record Link(
            long seq,
            String previous,
            String hash,
            UUID entryId,
            @Nullable AuditEntry entry) {}
}
