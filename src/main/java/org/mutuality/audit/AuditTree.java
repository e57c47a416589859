package org.mutuality.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.audit.store.TreeStore;
import org.mutuality.audit.store.TreeStore.Place;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each agency's audit chain as a Merkle tree (RFC 6962; ADR 0032), so that a person can be given a
 * proof that an entry of their access log is in the log, and the privacy lead a proof that today's
 * log keeps yesterday's published head unchanged. Both are checked with nothing but the proof and
 * the published head ({@link ProofCheck}). The sealer grows the tree in the transaction that links
 * the entries; heads are published every day and whenever the privacy lead asks.
 */
@Component
public class AuditTree {

    private static final Logger log = LoggerFactory.getLogger(AuditTree.class);

    /** Leaves added to a tree that lags its chain (one sealed before the tree existed) per sealing. */
    static final int CATCH_UP = 10_000;

    /** A head is published when the latest is older than this. */
    static final Duration PUBLISH_EVERY = Duration.ofDays(1);

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ANY = new byte[MerkleTree.HASH_BYTES];

    private final AuditStore store;
    private final TreeStore nodes;
    private final Clock clock;

    AuditTree(AuditStore store, TreeStore nodes, Clock clock) {
        this.store = store;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** A tree of {@code size} leaves and its root (hex). */
    public record Head(long size, String root) {}

    /** A head as published: when, and the tree it names. */
    public record Published(Head head, Instant at) {}

    /** An entry, its leaf's index and its audit path (hex, from the leaf up). */
    public record Inclusion(AuditEntry entry, long leafIndex, List<String> path) {}

    /** A consistency proof between two heads (hex, RFC 6962's order). */
    public record Consistency(Head from, Head to, List<String> proof) {}

    // ---------------------------------------------------------------- growing, in the sealer's transaction

    /**
     * Adds leaves for chain entries sealed before the tree existed, at most {@link #CATCH_UP} at a
     * time; returns the tree's size after. Called with the chain's head locked.
     */
    long catchUp(AgencyId agency, long treeSize, long chainSize) {
        if (treeSize >= chainSize) {
            return treeSize;
        }
        long last = Math.min(chainSize, treeSize + CATCH_UP);
        List<AuditEntry> entries = store.sealed(agency, treeSize + 1, last);
        if (entries.size() != last - treeSize) {
            throw new IllegalStateException("the chain misses links between " + (treeSize + 1) + " and " + last
                    + ": the log was changed outside the application; verification names the problem");
        }
        return append(agency, treeSize, entries);
    }

    /**
     * Adds the entries as the next leaves, in order (the first is leaf {@code treeSize}, chain seq
     * {@code treeSize + 1}), storing every subtree they complete; returns the tree's size after.
     */
    long append(AgencyId agency, long treeSize, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return treeSize;
        }
        Map<Place, byte[]> known = new HashMap<>();
        nodes.nodes(agency, frontier(treeSize)).forEach((place, hash) -> known.put(place, HEX.parseHex(hash)));
        MerkleTree.Subtrees before = (level, index) -> required(known.get(new Place(level, index)), level, index);
        List<Object[]> rows = new ArrayList<>(entries.size() * 2);
        long index = treeSize;
        for (AuditEntry entry : entries) {
            byte[] leaf = MerkleTree.leafHash(AuditChain.leaf(agency, index + 1, entry));
            for (MerkleTree.Node node : MerkleTree.completedBy(before, index, leaf)) {
                known.put(new Place(node.level(), node.index()), node.hash());
                rows.add(new Object[] {node.level(), node.index(), HEX.formatHex(node.hash())});
            }
            index++;
        }
        nodes.insertNodes(agency, rows);
        return index;
    }

    /** The complete subtrees a tree of {@code size} leaves ends with: the left siblings of what comes next. */
    static Set<Place> frontier(long size) {
        Set<Place> places = new HashSet<>();
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if (((size >> level) & 1) == 1) {
                places.add(new Place(level, (size >> level) - 1));
            }
        }
        return places;
    }

    // ---------------------------------------------------------------- reading

    /** The tree as it is now: every sealed entry of the agency is a leaf of it (or will be within a sealing). */
    public Head head(AgencyId agency) {
        return headAt(agency, size(agency));
    }

    /** How many leaves the agency's tree has now. */
    public long size(AgencyId agency) {
        return store.head(agency).map(AuditStore.Head::treeSize).orElse(0L);
    }

    /** The head of the tree when it had {@code size} leaves (at most its size now). */
    public Head headAt(AgencyId agency, long size) {
        requireWithin(agency, size);
        return new Head(size, HEX.formatHex(withNodes(agency, subtrees -> MerkleTree.root(subtrees, size))));
    }

    /**
     * Inclusion proofs in the tree of {@code size} leaves for those of the entries it holds (sealed
     * with a seq up to the size), in their order; the others are left out.
     */
    public List<Inclusion> inclusions(AgencyId agency, List<AuditEntry> entries, long size) {
        requireWithin(agency, size);
        List<AuditEntry> held =
                entries.stream().filter(e -> e.seq() != null && e.seq() <= size).toList();
        List<List<byte[]>> paths = withNodes(
                agency,
                subtrees -> held.stream()
                        .map(e -> MerkleTree.inclusionProof(subtrees, e.seq() - 1, size))
                        .toList());
        List<Inclusion> proofs = new ArrayList<>(held.size());
        for (int i = 0; i < held.size(); i++) {
            AuditEntry entry = held.get(i);
            proofs.add(new Inclusion(entry, entry.seq() - 1, hex(paths.get(i))));
        }
        return proofs;
    }

    /**
     * The proof that the tree of {@code to} leaves (by default, as it is now) keeps the tree of
     * {@code from} leaves (by default, the latest published head) unchanged.
     */
    public Consistency consistency(AgencyId agency, @Nullable Long from, @Nullable Long to) {
        long upTo = to == null ? size(agency) : to;
        long since = from != null
                ? from
                : nodes.published(agency, 1).stream()
                        .findFirst()
                        .map(TreeStore.Published::size)
                        .orElse(0L);
        return consistency(agency, since, upTo);
    }

    /** The proof that the tree of {@code to} leaves keeps the tree of {@code from} leaves unchanged. */
    public Consistency consistency(AgencyId agency, long from, long to) {
        requireWithin(agency, to);
        if (from < 0 || from > to) {
            throw new BadInputException("audit.tree.consistencyOrder", from, to);
        }
        List<byte[]> proof = withNodes(agency, subtrees -> MerkleTree.consistencyProof(subtrees, from, to));
        return new Consistency(headAt(agency, from), headAt(agency, to), hex(proof));
    }

    /**
     * Null when the stored tree holds exactly the complete subtrees rebuilt from the entries
     * themselves (the fold of every leaf of the tree, in order), else what is wrong with it.
     */
    @Nullable
    String mismatch(AgencyId agency, MerkleTree.Fold rebuilt) {
        List<MerkleTree.Sequence> stored = new ArrayList<>();
        nodes.nodesInOrder(agency, (level, hash) -> {
            while (stored.size() <= level) {
                stored.add(new MerkleTree.Sequence());
            }
            stored.get(level).add(HEX.parseHex(hash));
        });
        List<MerkleTree.Sequence> expected = rebuilt.levels();
        for (int level = 0; level < Math.max(stored.size(), expected.size()); level++) {
            MerkleTree.Sequence found = level < stored.size() ? stored.get(level) : new MerkleTree.Sequence();
            MerkleTree.Sequence wanted = level < expected.size() ? expected.get(level) : new MerkleTree.Sequence();
            if (found.count() < wanted.count()) {
                return "the audit tree lost nodes at level " + level + ": they were removed outside the application";
            }
            if (!found.sameAs(wanted)) {
                return "the audit tree does not match the entries of the chain at level " + level
                        + ": its nodes were changed";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- publishing

    /** Publishes the tree's head now, unless the latest published head is already that size. */
    public Published publish(AgencyId agency) {
        Head head = head(agency);
        Optional<TreeStore.Published> latest =
                nodes.published(agency, 1).stream().findFirst();
        if (latest.isPresent() && latest.get().size() == head.size()) {
            return published(latest.get());
        }
        Instant now = clock.instant();
        try {
            nodes.publish(agency, head.size(), head.root(), now);
            return new Published(head, now);
        } catch (DuplicateKeyException e) {
            // Another node published the same size at the same moment: theirs stands.
            return nodes.publishedAt(agency, head.size())
                    .map(AuditTree::published)
                    .orElseThrow(() -> e);
        }
    }

    /**
     * A head the agency published: the one of {@code size} leaves, or the latest when the size is
     * null (the empty tree when none was published yet). What a person's proofs are given against:
     * they can be checked against a head kept outside, and they tell no one how the log grows
     * between publications.
     */
    public Head publishedHead(AgencyId agency, @Nullable Long size) {
        if (size == null) {
            return nodes.published(agency, 1).stream()
                    .findFirst()
                    .map(p -> new Head(p.size(), p.root()))
                    .orElse(new Head(0, HEX.formatHex(MerkleTree.emptyRoot())));
        }
        return nodes.publishedAt(agency, size)
                .map(p -> new Head(p.size(), p.root()))
                .orElseThrow(() -> new BadInputException("audit.tree.notPublished", size));
    }

    /** The heads published, the latest first. */
    public List<Published> published(AgencyId agency, int limit) {
        return nodes.published(agency, limit).stream().map(AuditTree::published).toList();
    }

    /** Publishes the head of every agency whose latest is a day old, once an hour. */
    @Scheduled(fixedDelayString = "${mutuality.audit.publish-check:1h}", initialDelayString = "1m")
    void publishDaily() {
        for (AgencyId agency : nodes.publishedBefore(clock.instant().minus(PUBLISH_EVERY))) {
            try {
                publish(agency);
            } catch (RuntimeException e) {
                log.error(
                        "Publishing the audit tree head of agency {} failed; it will be tried again",
                        agency.value(),
                        e);
            }
        }
    }

    private static Published published(TreeStore.Published p) {
        return new Published(new Head(p.size(), p.root()), p.at());
    }

    private void requireWithin(AgencyId agency, long size) {
        long now = size(agency);
        if (size < 0 || size > now) {
            throw new BadInputException("audit.tree.size", size, now);
        }
    }

    /**
     * Runs a computation over the tree twice: first to learn which subtrees it reads (which depends
     * only on sizes and indexes, never on hashes), then, with those read in one query, for real.
     */
    private <T> T withNodes(AgencyId agency, Function<MerkleTree.Subtrees, T> computation) {
        Set<Place> wanted = new HashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Place(level, index));
            return ANY;
        });
        Map<Place, String> found = wanted.isEmpty() ? Map.of() : nodes.nodes(agency, wanted);
        return computation.apply((level, index) -> {
            String hash = found.get(new Place(level, index));
            return HEX.parseHex(required(hash, level, index));
        });
    }

    private static <T> T required(T node, int level, long index) {
        if (node == null) {
            throw new IllegalStateException("node " + level + "/" + index + " of the audit tree is missing: the log"
                    + " was changed outside the application; verification names the problem");
        }
        return node;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
