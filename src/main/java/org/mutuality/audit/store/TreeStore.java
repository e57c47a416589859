package org.mutuality.audit.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The complete subtrees of each agency's Merkle tree and its published heads (V42). Both are only
 * ever inserted.
 */
@Repository
public class TreeStore {

    /** Nodes asked for in one statement at most. */
    private static final int PER_QUERY = 200;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public TreeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(java.util.Objects.requireNonNull(jdbc.getDataSource()));
        this.streaming.setFetchSize(5000);
    }

    /** Where a complete subtree sits: its level (0 for a leaf) and its index at that level. */
    public record Place(int level, long index) {}

    /** The hashes (hex) of the nodes asked for that exist. */
    public Map<Place, String> nodes(AgencyId agency, Collection<Place> places) {
        Map<Place, String> found = new HashMap<>();
        List<Place> all = new ArrayList<>(places);
        for (int from = 0; from < all.size(); from += PER_QUERY) {
            List<Place> part = all.subList(from, Math.min(all.size(), from + PER_QUERY));
            StringBuilder sql = new StringBuilder(
                    "select node_level, node_index, hash from audit_tree_node where agency_id = ? and (");
            List<Object> args = new ArrayList<>(1 + 2 * part.size());
            args.add(agency.value());
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : " or ").append("(node_level = ? and node_index = ?)");
                args.add(part.get(i).level());
                args.add(part.get(i).index());
            }
            sql.append(')');
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        found.put(new Place(rs.getInt(1), rs.getLong(2)), rs.getString(3));
                    },
                    args.toArray());
        }
        return found;
    }

    /** Something that takes stored nodes one by one: their level and hash (hex). */
    @FunctionalInterface
    public interface NodeVisitor {
        void node(int level, String hash);
    }

    /** Every stored node of the agency, by level from the leaves up, then by index. */
    public void nodesInOrder(AgencyId agency, NodeVisitor visitor) {
        streaming.query(
                "select node_level, hash from audit_tree_node where agency_id = ? order by node_level, node_index",
                rs -> {
                    visitor.node(rs.getInt(1), rs.getString(2));
                },
                agency.value());
    }

    /** Adds complete subtrees: each row is level, index and hash (hex). */
    public void insertNodes(AgencyId agency, List<Object[]> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            args.add(new Object[] {agency.value(), row[0], row[1], row[2]});
        }
        jdbc.batchUpdate(
                "insert into audit_tree_node (agency_id, node_level, node_index, hash) values (?, ?, ?, ?)", args);
    }

    /** A head of the tree as it was published: a size, its root (hex), and when. */
    public record Published(long size, String root, Instant at) {}

    public void publish(AgencyId agency, long size, String root, Instant at) {
        jdbc.update(
                "insert into audit_tree_head (agency_id, tree_size, root_hash, published_at) values (?, ?, ?, ?)",
                agency.value(),
                size,
                root,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** The heads published, the latest first, at most {@code limit}. */
    public List<Published> published(AgencyId agency, int limit) {
        return jdbc.query(
                "select tree_size, root_hash, published_at from audit_tree_head where agency_id = ?"
                        + " order by tree_size desc limit ?",
                TreeStore::published,
                agency.value(),
                limit);
    }

    /** The head published at this size, if one was. */
    public Optional<Published> publishedAt(AgencyId agency, long size) {
        return jdbc
                .query(
                        "select tree_size, root_hash, published_at from audit_tree_head"
                                + " where agency_id = ? and tree_size = ?",
                        TreeStore::published,
                        agency.value(),
                        size)
                .stream()
                .findFirst();
    }

    private static Published published(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Published(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant());
    }

    /** Agencies whose latest published head is older than {@code before}, or that have none. */
    public List<AgencyId> publishedBefore(Instant before) {
        return jdbc.query(
                "select h.agency_id from audit_head h where h.tree_size > 0 and not exists (select 1 from"
                        + " audit_tree_head t where t.agency_id = h.agency_id and t.published_at >= ?)",
                (rs, n) -> new AgencyId(rs.getObject(1, UUID.class)),
                OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
    }
}
