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
import org.mutuality.audit.AuditCursor;
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

    private static final String INSERT = "insert into audit_entry (id, agency_id, recorded_at, actor_id, actor_roles,"
            + " action, subject_id, record_kind, record_id, purpose, basis, outcome, detail) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public UUID insert(AuditEvent event, Instant at) {
        NewEntry entry = new NewEntry(UUID.randomUUID(), event, at);
        jdbc.update(INSERT + ROW, entry.columns().toArray());
        return entry.id();
    }

    /** Inserts entries made earlier, {@code rowsPerStatement} rows per insert statement. */
    public void insertAll(List<NewEntry> entries, int rowsPerStatement) {
        for (int from = 0; from < entries.size(); from += rowsPerStatement) {
            List<NewEntry> rows = entries.subList(from, Math.min(entries.size(), from + rowsPerStatement));
            List<Object> args = new ArrayList<>(rows.size() * 13);
            for (NewEntry row : rows) {
                args.addAll(row.columns());
            }
            jdbc.update(INSERT + String.join(", ", java.util.Collections.nCopies(rows.size(), ROW)), args.toArray());
        }
    }

    /** An entry not yet inserted, with its id and recording time already given. */
    public record NewEntry(UUID id, AuditEvent event, Instant at) {

        List<Object> columns() {
            return java.util.Arrays.asList(
                    id,
                    event.agencyId().value(),
                    OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                    event.actorId(),
                    event.actorRoles(),
                    event.action().name(),
                    event.subjectId(),
                    event.recordKind(),
                    event.recordId(),
                    event.purpose(),
                    event.basis(),
                    event.outcome().name(),
                    event.detail());
        }
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
                "select seq, hash, sealed_through, tree_size from audit_head where agency_id = ? for update",
                AuditStore::head,
                agency.value());
        if (!heads.isEmpty()) {
            return heads.get(0);
        }
        if (hasLinks(agency, 1, Long.MAX_VALUE)) {
            // Starting again at the genesis would hide the chain from verification.
            throw new IllegalStateException("the head of an audit chain that has links is missing: the log was"
                    + " changed outside the application; verification names the problem");
        }
        jdbc.update("insert into audit_head (agency_id, seq, hash) values (?, 0, ?)", agency.value(), genesis);
        return lockHead(agency, genesis);
    }

    public Optional<Head> head(AgencyId agency) {
        return jdbc
                .query(
                        "select seq, hash, sealed_through, tree_size from audit_head where agency_id = ?",
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

    /** Moves the chain's end and says how many of its entries are leaves of the tree now. */
    public void moveHead(AgencyId agency, long seq, String hash, Instant sealedThrough, long treeSize) {
        jdbc.update(
                "update audit_head set seq = ?, hash = ?, sealed_through = ?, tree_size = ? where agency_id = ?",
                seq,
                hash,
                OffsetDateTime.ofInstant(sealedThrough, ZoneOffset.UTC),
                treeSize,
                agency.value());
    }

    /** Reads the links {@code firstSeq..lastSeq} of the chain in order, without their entries. */
    public void links(AgencyId agency, long firstSeq, long lastSeq, Consumer<Link> visitor) {
        streaming.query(
                connection -> binary(
                        connection.prepareStatement("select seq, prev_hash, hash, entry_id from audit_chain"
                                + " where agency_id = ? and seq >= ? and seq <= ? order by seq"),
                        agency.value(),
                        firstSeq,
                        lastSeq),
                rs -> {
                    visitor.accept(
                            new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)));
                });
    }

    /**
     * Reads the agency's entries whose id is at least {@code from} and below {@code below} (no bound when null), in
     * no particular order (the order the database finds them).
     */
    public void entries(AgencyId agency, @Nullable UUID from, @Nullable UUID below, Consumer<AuditEntry> visitor) {
        List<Object> args = new ArrayList<>(List.of(agency.value()));
        StringBuilder sql = new StringBuilder("select " + ENTRY_COLUMNS + " from audit_entry e where e.agency_id = ?");
        if (from != null) {
            sql.append(" and e.id >= ?");
            args.add(from);
        }
        if (below != null) {
            sql.append(" and e.id < ?");
            args.add(below);
        }
        streaming.query(connection -> binary(connection.prepareStatement(sql.toString()), args.toArray()), rs -> {
            visitor.accept(new AuditEntry(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    null,
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, UUID.class),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12)));
        });
    }

    /** True when the agency's chain has any link from {@code firstSeq} to {@code lastSeq}. */
    public boolean hasLinks(AgencyId agency, long firstSeq, long lastSeq) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from audit_chain where agency_id = ? and seq >= ? and seq <= ?",
                Boolean.class,
                agency.value(),
                firstSeq,
                lastSeq));
    }

    /**
     * Sets the arguments, and on PostgreSQL has the statement prepared on the server from its first
     * run, so that uuids and times come in binary rather than as text to parse.
     */
    private static java.sql.PreparedStatement binary(java.sql.PreparedStatement statement, Object... args)
            throws SQLException {
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            // A negative threshold asks the driver for binary results from the very first run.
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /**
     * Entries about a person (their record was read, written or refused), newest first; without the
     * acts recorded under {@code hiddenRole} when it is given (left out before the limit, so that they
     * change nothing about what is returned).
     */
    public List<AuditEntry> about(AgencyId agency, UUID subject, @Nullable String hiddenRole, int limit) {
        return jdbc.query(
                "select " + ENTRY_COLUMNS + ", c.seq from audit_entry e left join audit_chain c on c.entry_id = e.id"
                        + " where e.agency_id = ? and e.subject_id = ?" + (hiddenRole == null ? "" : HIDDEN)
                        + " order by e.recorded_at desc, e.id limit ?",
                AuditStore::entry,
                hiddenRole == null
                        ? new Object[] {agency.value(), subject, limit}
                        : new Object[] {agency.value(), subject, "%" + hiddenRole + "%", limit});
    }

    /** Leaves out the acts recorded under a role (its pattern is the next argument). */
    private static final String HIDDEN = " and (e.actor_roles is null or e.actor_roles not like ?)";

    /**
     * Entries about the subject after the cursor (all when null), newest first, at most
     * {@code limit}; without the subject's own acts when {@code withOwn} is false, and without the
     * acts recorded under {@code hiddenRole} (left out before the limit and the cursor).
     */
    public List<AuditEntry> about(
            AgencyId agency, UUID subject, @Nullable AuditCursor after, boolean withOwn, String hiddenRole, int limit) {
        StringBuilder sql = new StringBuilder("select " + ENTRY_COLUMNS
                + ", c.seq from audit_entry e left join audit_chain c on c.entry_id = e.id"
                + " where e.agency_id = ? and e.subject_id = ?" + HIDDEN);
        List<Object> args = new ArrayList<>(List.of(agency.value(), subject, "%" + hiddenRole + "%"));
        appendAfter(sql, args, after);
        if (!withOwn) {
            sql.append(" and (e.actor_id is null or e.actor_id <> ?)");
            args.add(subject);
        }
        sql.append(" order by e.recorded_at desc, e.id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), AuditStore::entry, args.toArray());
    }

    /** The condition of the entries after a page's last one (none for the first page). */
    private static void appendAfter(StringBuilder sql, List<Object> args, @Nullable AuditCursor after) {
        if (after != null && after.id() == null) {
            sql.append(" and e.recorded_at < ?");
            args.add(OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC));
        } else if (after != null) {
            // Newest first, then by id: the next page is older, or as old with a greater id.
            sql.append(" and (e.recorded_at < ? or (e.recorded_at = ? and e.id > ?))");
            OffsetDateTime at = OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC);
            args.add(at);
            args.add(at);
            args.add(after.id());
        }
    }

    /**
     * Entries matching the filters that are given, after the cursor (all when null), newest first then
     * by id, at most {@code limit}: the filters and the cursor are all in the query, before its limit.
     */
    public List<AuditEntry> search(
            AgencyId agency,
            @Nullable UUID actor,
            @Nullable UUID subject,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable AuditCursor after,
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
        appendAfter(sql, args, after);
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
        return new Head(
                rs.getLong("seq"),
                rs.getString("hash"),
                through == null ? null : through.toInstant(),
                rs.getLong("tree_size"));
    }

    /**
     * The end of a chain, the recording time of the latest entry sealed into it, and how many of its
     * entries are leaves of the agency's Merkle tree (all of them, once a chain sealed before the tree
     * existed has caught up).
     */
    public record Head(long seq, String hash, @Nullable Instant sealedThrough, long treeSize) {}

    /** The sealed entries {@code firstSeq..lastSeq} of the chain, in order, with their seq. */
    public List<AuditEntry> sealed(AgencyId agency, long firstSeq, long lastSeq) {
        return jdbc.query(
                "select " + ENTRY_COLUMNS + ", c.seq from audit_chain c join audit_entry e on e.id = c.entry_id"
                        + " where c.agency_id = ? and c.seq >= ? and c.seq <= ? order by c.seq",
                AuditStore::entry,
                agency.value(),
                firstSeq,
                lastSeq);
    }

    /** The agency's entry with this id, with its seq once sealed. */
    public Optional<AuditEntry> entry(AgencyId agency, UUID id) {
        return jdbc
                .query(
                        "select " + ENTRY_COLUMNS + ", c.seq from audit_entry e left join audit_chain c"
                                + " on c.entry_id = e.id where e.agency_id = ? and e.id = ?",
                        AuditStore::entry,
                        agency.value(),
                        id)
                .stream()
                .findFirst();
    }

    /** One link of a chain as stored. */
    public record Link(long seq, String previous, String hash, UUID entryId) {}
}
