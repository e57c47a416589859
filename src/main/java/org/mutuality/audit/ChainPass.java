package org.mutuality.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.AgencyId;

/**
 * One pass of a verification over the links {@code first..last} of a chain, without joining the
 * chain to its entries in the database (a million random lookups were most of the time): the links
 * are read in order and checked against each other (no gap, each names the hash before it), their
 * hashes and entry ids kept in memory; then the agency's entries are read in any order, and each
 * entry of a kept link is hashed and compared. A link whose entry never came was removed.
 */
final class ChainPass {

    private static final HexFormat HEX = HexFormat.of();

    private final AgencyId agency;
    private final long first;
    private final String previousOfFirst;
    private final byte[] hashes;
    private final byte[] leaves;
    private final EntryIndex index;
    private final boolean[] seen;
    private int kept;
    private long expected;
    private @Nullable String lastHash;
    private @Nullable Long brokenSeq;
    private @Nullable String problem;
    private final java.util.concurrent.atomic.AtomicLong changedSeq =
            new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

    /**
     * @param previousOfFirst the hash of the link before {@code first} (the genesis for the first)
     * @param capacity the most links this pass holds
     */
    ChainPass(AgencyId agency, long first, String previousOfFirst, int capacity) {
        this.agency = agency;
        this.first = first;
        this.previousOfFirst = previousOfFirst;
        this.expected = first;
        this.hashes = new byte[capacity * 32];
        this.leaves = new byte[capacity * 32];
        this.index = new EntryIndex(capacity);
        this.seen = new boolean[capacity];
    }

    /** Takes the next link in order; false once the chain is broken (later links do not matter). */
    boolean link(long seq, String previous, String hash, UUID entryId) {
        if (brokenSeq != null) {
            return false;
        }
        String before = kept == 0 ? previousOfFirst : lastHash;
        if (seq != expected) {
            return broken(expected, "entry " + expected + " is missing");
        }
        if (!previous.equals(before)) {
            return broken(seq, "entry " + seq + " does not follow entry " + (seq - 1));
        }
        if (!parseHash(hash, hashes, kept * 32)) {
            return broken(seq, "entry " + seq + " was changed");
        }
        if (!index.put(entryId, kept)) {
            // Two links name one entry: the later one cannot hash to what it says.
            return broken(seq, "entry " + seq + " was changed");
        }
        kept++;
        expected++;
        lastHash = hash;
        return true;
    }

    /**
     * Takes an entry of the agency, in any order; entries of no kept link are ignored. Several threads
     * may offer entries at once (each entry once), after every link was taken.
     */
    void entry(AuditEntry entry) {
        int at = index.get(entry.id());
        if (at < 0) {
            return;
        }
        seen[at] = true;
        long seq = first + at;
        String previous = at == 0 ? previousOfFirst : HEX.formatHex(hashes, (at - 1) * 32, at * 32);
        byte[] digest = AuditChain.digest(previous, agency, seq, entry);
        if (!Arrays.equals(digest, 0, 32, hashes, at * 32, at * 32 + 32)) {
            changedSeq.accumulateAndGet(seq, Math::min);
        }
        byte[] leaf = MerkleTree.leafHash(AuditChain.leaf(agency, seq, entry));
        System.arraycopy(leaf, 0, leaves, at * 32, 32);
    }

    /**
     * Once every entry was offered and the pass holds: adds the leaves of its links up to
     * {@code lastSeq} to the fold, in order.
     */
    void foldLeaves(MerkleTree.Fold fold, long lastSeq) {
        for (int at = 0; at < kept && first + at <= lastSeq; at++) {
            fold.add(Arrays.copyOfRange(leaves, at * 32, at * 32 + 32));
        }
    }

    /** How many links in a row from the first were kept. */
    long kept() {
        return kept;
    }

    /** The hash of the last kept link (or the previous pass's when none). */
    String lastHash() {
        return lastHash == null ? previousOfFirst : lastHash;
    }

    /** Once every entry was offered: the first broken link, or null when every kept link holds. */
    @Nullable
    Verification firstBreak() {
        for (int at = 0; at < kept; at++) {
            long seq = first + at;
            if (!seen[at]) {
                return Verification.broken(seq - 1, seq, "entry " + seq + " was removed");
            }
            if (seq == changedSeq.get()) {
                return Verification.broken(seq - 1, seq, "entry " + seq + " was changed");
            }
        }
        if (brokenSeq != null) {
            return Verification.broken(brokenSeq - 1, brokenSeq, java.util.Objects.requireNonNull(problem));
        }
        return null;
    }

    private boolean broken(long seq, String what) {
        brokenSeq = seq;
        problem = what;
        return false;
    }

    /**
     * Reads a hash written as 64 lowercase hexadecimal digits into 32 bytes; false for anything else
     * (which was changed).
     */
    private static boolean parseHash(String hash, byte[] into, int at) {
        if (hash.length() != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            int high = hexDigit(hash.charAt(2 * i));
            int low = hexDigit(hash.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return false;
            }
            into[at + i] = (byte) (high << 4 | low);
        }
        return true;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * Entry ids to their place in the pass: open addressing over two arrays of longs, since a map of a
     * million boxed keys would take several times the memory.
     */
    static final class EntryIndex {

        private final long[] most;
        private final long[] least;
        private final int[] places;
        private final int mask;

        EntryIndex(int capacity) {
            int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
            most = new long[size];
            least = new long[size];
            places = new int[size];
            Arrays.fill(places, -1);
            mask = size - 1;
        }

        /** False when the id is there already. */
        boolean put(UUID id, int place) {
            int slot = slot(id);
            while (places[slot] >= 0) {
                if (most[slot] == id.getMostSignificantBits() && least[slot] == id.getLeastSignificantBits()) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            most[slot] = id.getMostSignificantBits();
            least[slot] = id.getLeastSignificantBits();
            places[slot] = place;
            return true;
        }

        /** The place of the id, or -1. */
        int get(UUID id) {
            int slot = slot(id);
            while (places[slot] >= 0) {
                if (most[slot] == id.getMostSignificantBits() && least[slot] == id.getLeastSignificantBits()) {
                    return places[slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private int slot(UUID id) {
            long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 32;
            return (int) h & mask;
        }
    }
}
