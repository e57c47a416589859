package org.mutuality.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;

/**
 * The Merkle tree of RFC 6962 (certificate transparency) over an agency's audit entries, in the
 * order of its chain: leaf hashes are SHA-256 over a 0 byte and the leaf, inner nodes SHA-256 over a
 * 1 byte and their two children, and a tree of n leaves splits at the largest power of two below n.
 * Everything here works from the hashes of complete subtrees ({@link Subtrees}): those never change
 * once their last leaf is in, so they are stored as the tree grows, and the root of the tree at any
 * earlier size, an inclusion proof or a consistency proof needs at most two of them per level.
 *
 * <p>The verifications need nothing but the proof and the published root: they are what the command
 * line {@link ProofCheck} runs, without the database.
 */
public final class MerkleTree {

    /** The length of every hash, in bytes. */
    public static final int HASH_BYTES = 32;

    private MerkleTree() {}

    /** The hash of a complete, aligned subtree: {@code 2^level} leaves from {@code index * 2^level}. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    /** The hash of a leaf: SHA-256 over a 0 byte and the leaf's bytes. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        sha.update(leaf);
        return sha.digest();
    }

    /** The hash of an inner node: SHA-256 over a 1 byte, the left and the right child. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root of the first {@code size} leaves. */
    public static byte[] root(Subtrees subtrees, long size) {
        requireSize(size);
        return size == 0 ? emptyRoot() : range(subtrees, 0, size);
    }

    /**
     * The audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 6962,
     * 2.1.1), from the leaf up.
     */
    public static List<byte[]> inclusionProof(Subtrees subtrees, long index, long size) {
        if (index < 0 || index >= size) {
            throw new BadInputException("audit.tree.leaf", index, size);
        }
        List<byte[]> path = new ArrayList<>();
        path(subtrees, index, 0, size, path);
        return path;
    }

    /**
     * The proof that the tree of the first {@code second} leaves extends the tree of the first
     * {@code first} (RFC 6962, 2.1.2): empty when they are the same size or the first is empty.
     */
    public static List<byte[]> consistencyProof(Subtrees subtrees, long first, long second) {
        if (first < 0 || first > second) {
            throw new BadInputException("audit.tree.consistencyOrder", first, second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(subtrees, first, 0, second, true, proof);
        }
        return proof;
    }

    /**
     * True when the path proves that the leaf hash is leaf {@code index} of the tree of {@code size}
     * leaves whose root is {@code root} (RFC 9162, 2.1.3.2).
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(path)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * True when the proof shows that the tree of {@code second} leaves with root {@code secondRoot}
     * keeps, unchanged, the tree of {@code first} leaves with root {@code firstRoot} (RFC 9162, 2.1.4.2).
     */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            // Every tree extends the empty one; its root is fixed.
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /**
     * The subtrees that become complete when leaf {@code index} is added, each as level, index and
     * hash, given the leaf's hash and the tree before it: the leaf itself, then its parent when it is
     * a right child, and so on up.
     */
    public static List<Node> completedBy(Subtrees before, long index, byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        Node node = new Node(0, index, leafHash);
        completed.add(node);
        while ((node.index() & 1) == 1) {
            byte[] left = before.hash(node.level(), node.index() - 1);
            node = new Node(node.level() + 1, node.index() >> 1, nodeHash(left, node.hash()));
            completed.add(node);
        }
        return completed;
    }

    /**
     * Builds a root from leaf hashes given in order, keeping only one hash per level (the complete
     * subtrees the leaves so far end with): a million leaves take 20 hashes of memory.
     */
    public static final class Fold {

        private final java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        private final List<Sequence> levels = new ArrayList<>();
        private long size;

        /** Adds the next leaf, by its leaf hash. */
        public void add(byte[] leafHash) {
            Node node = new Node(0, size, leafHash);
            made(node);
            while (!stack.isEmpty() && stack.peek().level() == node.level()) {
                Node left = stack.pop();
                node = new Node(node.level() + 1, left.index() >> 1, nodeHash(left.hash(), node.hash()));
                made(node);
            }
            stack.push(node);
            size++;
        }

        /**
         * Per level from the leaves up, the complete subtrees the leaves so far make, in index order:
         * what the stored tree must hold.
         */
        public List<Sequence> levels() {
            return levels;
        }

        private void made(Node node) {
            while (levels.size() <= node.level()) {
                levels.add(new Sequence());
            }
            levels.get(node.level()).add(node.hash());
        }

        /** How many leaves were added. */
        public long size() {
            return size;
        }

        /** The root of the leaves added so far. */
        public byte[] root() {
            if (stack.isEmpty()) {
                return emptyRoot();
            }
            java.util.Iterator<Node> fromRight = stack.iterator();
            byte[] root = fromRight.next().hash();
            while (fromRight.hasNext()) {
                root = nodeHash(fromRight.next().hash(), root);
            }
            return root;
        }
    }

    /** Hashes given in order, kept as their count and SHA-256 over them, to compare without holding them. */
    public static final class Sequence {

        private final MessageDigest sha = sha256();
        private long count;
        private byte @Nullable [] digest;

        public void add(byte[] hash) {
            sha.update(hash);
            count++;
        }

        /** True when both saw the same hashes in the same order; either is done with afterwards. */
        public boolean sameAs(Sequence other) {
            return count == other.count && MessageDigest.isEqual(digest(), other.digest());
        }

        public long count() {
            return count;
        }

        private byte[] digest() {
            if (digest == null) {
                digest = sha.digest();
            }
            return digest;
        }
    }

    /** A complete subtree: {@code 2^level} leaves from {@code index * 2^level}, and its hash. */
    public record Node(int level, long index, byte[] hash) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Node n && n.level == level && n.index == index && Arrays.equals(n.hash, hash);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "Node[" + level + ", " + index + "]";
        }
    }

    /** The hash of leaves {@code start .. start+size-1}; ranges the splits make start aligned. */
    private static byte[] range(Subtrees subtrees, long start, long size) {
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return subtrees.hash(Long.numberOfTrailingZeros(size), start / size);
        }
        long k = largestPowerOfTwoBelow(size);
        return nodeHash(range(subtrees, start, k), range(subtrees, start + k, size - k));
    }

    private static void path(Subtrees subtrees, long index, long start, long size, List<byte[]> path) {
        if (size == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (index < k) {
            path(subtrees, index, start, k, path);
            path.add(range(subtrees, start + k, size - k));
        } else {
            path(subtrees, index - k, start + k, size - k, path);
            path.add(range(subtrees, start, k));
        }
    }

    private static void subproof(
            Subtrees subtrees, long first, long start, long size, boolean whole, List<byte[]> proof) {
        if (first == size) {
            if (!whole) {
                proof.add(range(subtrees, start, size));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (first <= k) {
            subproof(subtrees, first, start, k, whole, proof);
            proof.add(range(subtrees, start + k, size - k));
        } else {
            subproof(subtrees, first - k, start + k, size - k, false, proof);
            proof.add(range(subtrees, start, k));
        }
    }

    /** The largest power of two strictly below {@code n} (n at least 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean wellFormed(List<byte[]> hashes) {
        return hashes.size() <= 64 && hashes.stream().allMatch(h -> h != null && h.length == HASH_BYTES);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new BadInputException("audit.tree.negative", size);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
