package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree against RFC 6962's own definitions, written here over plain lists of leaves, and against
 * certificate transparency's published roots; every proof holds, and any change to a proof, a leaf,
 * a size, an index or a root breaks it.
 */
class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of certificate transparency's reference tests, and the roots of their first 1..8. */
    private static final List<String> CT_LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsAreThoseOfCertificateTransparency() {
        Grown tree = Grown.of(CT_LEAVES.stream().map(HEX::parseHex).toList());
        for (int size = 1; size <= CT_ROOTS.size(); size++) {
            assertThat(HEX.formatHex(MerkleTree.root(tree, size)))
                    .as("root of %d", size)
                    .isEqualTo(CT_ROOTS.get(size - 1));
        }
        assertThat(HEX.formatHex(MerkleTree.root(tree, 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsAndProofsFromStoredSubtreesAreTheRfcsForEverySize() {
        List<byte[]> leaves = leaves(70);
        Grown tree = Grown.of(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            List<byte[]> d = leaves.subList(0, n);
            assertThat(MerkleTree.root(tree, n)).isEqualTo(Rfc.mth(d));
            for (int m = 0; m < n; m++) {
                assertThat(MerkleTree.inclusionProof(tree, m, n))
                        .as("path of %d in %d", m, n)
                        .containsExactlyElementsOf(Rfc.path(m, d));
            }
            for (int m = 1; m <= n; m++) {
                assertThat(MerkleTree.consistencyProof(tree, m, n))
                        .as("proof from %d to %d", m, n)
                        .containsExactlyElementsOf(Rfc.proof(m, d));
            }
        }
    }

    @Test
    void aFoldOfLeavesInOrderGivesTheRootOfEverySize() {
        List<byte[]> leaves = leaves(70);
        MerkleTree.Fold fold = new MerkleTree.Fold();
        assertThat(fold.root()).isEqualTo(MerkleTree.emptyRoot());
        for (int n = 1; n <= leaves.size(); n++) {
            fold.add(MerkleTree.leafHash(leaves.get(n - 1)));
            assertThat(fold.root()).as("root of %d", n).isEqualTo(Rfc.mth(leaves.subList(0, n)));
        }
        assertThat(fold.size()).isEqualTo(70);
    }

    @Test
    void everyInclusionProofHoldsAndAnyChangeBreaksIt() {
        List<byte[]> leaves = leaves(33);
        Grown tree = Grown.of(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] root = MerkleTree.root(tree, n);
            for (int m = 0; m < n; m++) {
                byte[] leaf = MerkleTree.leafHash(leaves.get(m));
                List<byte[]> path = MerkleTree.inclusionProof(tree, m, n);
                assertThat(MerkleTree.verifyInclusion(leaf, m, n, path, root)).isTrue();

                assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(bytes("other")), m, n, path, root))
                        .as("another leaf")
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, m, n, path, MerkleTree.root(tree, n - 1)))
                        .as("another root")
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, m + 1, n, path, root))
                        .as("another index")
                        .isFalse();
                if (n < leaves.size()) {
                    assertThat(MerkleTree.verifyInclusion(leaf, m, n + 1, path, MerkleTree.root(tree, n + 1)))
                            .as("the head of another size")
                            .isFalse();
                }
                for (int i = 0; i < path.size(); i++) {
                    assertThat(MerkleTree.verifyInclusion(leaf, m, n, flipped(path, i), root))
                            .as("hash %d of the path of %d in %d changed", i, m, n)
                            .isFalse();
                }
                if (!path.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(leaf, m, n, path.subList(0, path.size() - 1), root))
                            .as("a hash left out")
                            .isFalse();
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(leaf, m, n, longer, root))
                        .as("a hash added")
                        .isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofHoldsAndAnyChangeBreaksIt() {
        List<byte[]> leaves = leaves(33);
        Grown tree = Grown.of(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] second = MerkleTree.root(tree, n);
            for (int m = 1; m <= n; m++) {
                byte[] first = MerkleTree.root(tree, m);
                List<byte[]> proof = MerkleTree.consistencyProof(tree, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof))
                        .as("from %d to %d", m, n)
                        .isTrue();

                byte[] rewritten = Rfc.mth(withChanged(leaves.subList(0, m), m - 1));
                assertThat(MerkleTree.verifyConsistency(m, n, rewritten, second, proof))
                        .as("the first tree's last leaf rewritten")
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(
                                m, n, first, Rfc.mth(withChanged(leaves.subList(0, n), 0)), proof))
                        .as("the second tree's first leaf rewritten")
                        .isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyConsistency(m, n, first, second, flipped(proof, i)))
                            .as("hash %d of the proof from %d to %d changed", i, m, n)
                            .isFalse();
                }
                if (m < n) {
                    if (n < leaves.size()) {
                        assertThat(MerkleTree.verifyConsistency(m, n + 1, first, MerkleTree.root(tree, n + 1), proof))
                                .as("the head of another size")
                                .isFalse();
                    }
                    assertThat(MerkleTree.verifyConsistency(m, n, first, second, List.of()))
                            .as("no proof")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void theEmptyTreeIsKeptByEveryTreeAndOnlyByItsOwnRoot() {
        Grown tree = Grown.of(leaves(5));
        byte[] root = MerkleTree.root(tree, 5);

        assertThat(MerkleTree.consistencyProof(tree, 0, 5)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(0, 5, MerkleTree.emptyRoot(), root, List.of()))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 5, root, root, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 3, root, root, List.of())).isFalse();
        assertThatThrownBy(() -> MerkleTree.consistencyProof(tree, 4, 3))
                .isInstanceOf(org.mutuality.shared.BadInputException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(tree, 5, 5))
                .isInstanceOf(org.mutuality.shared.BadInputException.class);
    }

    @Test
    void aHashOfTheWrongLengthNeverHolds() {
        Grown tree = Grown.of(leaves(4));
        byte[] leaf = MerkleTree.leafHash(tree.leaves.get(1));
        List<byte[]> path = new ArrayList<>(MerkleTree.inclusionProof(tree, 1, 4));
        path.set(0, new byte[31]);

        assertThat(MerkleTree.verifyInclusion(leaf, 1, 4, path, MerkleTree.root(tree, 4)))
                .isFalse();
    }

    // ---------------------------------------------------------------- helpers

    /** A tree grown leaf by leaf the way the sealer grows it, keeping every completed subtree. */
    private static final class Grown implements MerkleTree.Subtrees {

        final List<byte[]> leaves;
        final Map<String, byte[]> nodes = new HashMap<>();

        private Grown(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        static Grown of(List<byte[]> leaves) {
            Grown tree = new Grown(leaves);
            for (int i = 0; i < leaves.size(); i++) {
                for (MerkleTree.Node node : MerkleTree.completedBy(tree, i, MerkleTree.leafHash(leaves.get(i)))) {
                    tree.nodes.put(node.level() + "/" + node.index(), node.hash());
                }
            }
            return tree;
        }

        @Override
        public byte[] hash(int level, long index) {
            byte[] hash = nodes.get(level + "/" + index);
            if (hash == null) {
                throw new AssertionError("asked for an incomplete subtree " + level + "/" + index);
            }
            return hash;
        }
    }

    /** RFC 6962's definitions, word for word, over lists. */
    private static final class Rfc {

        static byte[] mth(List<byte[]> d) {
            if (d.isEmpty()) {
                return MerkleTree.emptyRoot();
            }
            if (d.size() == 1) {
                return MerkleTree.leafHash(d.get(0));
            }
            int k = k(d.size());
            return MerkleTree.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            List<byte[]> path = new ArrayList<>();
            if (d.size() <= 1) {
                return path;
            }
            int k = k(d.size());
            if (m < k) {
                path.addAll(path(m, d.subList(0, k)));
                path.add(mth(d.subList(k, d.size())));
            } else {
                path.addAll(path(m - k, d.subList(k, d.size())));
                path.add(mth(d.subList(0, k)));
            }
            return path;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            List<byte[]> proof = new ArrayList<>();
            int n = d.size();
            if (m == n) {
                if (!b) {
                    proof.add(mth(d));
                }
                return proof;
            }
            int k = k(n);
            if (m <= k) {
                proof.addAll(subproof(m, d.subList(0, k), b));
                proof.add(mth(d.subList(k, n)));
            } else {
                proof.addAll(subproof(m - k, d.subList(k, n), false));
                proof.add(mth(d.subList(0, k)));
            }
            return proof;
        }

        private static int k(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(bytes("entry " + i));
        }
        return leaves;
    }

    private static List<byte[]> withChanged(List<byte[]> leaves, int index) {
        List<byte[]> changed = new ArrayList<>(leaves);
        changed.set(index, bytes("changed"));
        return changed;
    }

    private static List<byte[]> flipped(List<byte[]> hashes, int index) {
        List<byte[]> changed = new ArrayList<>(hashes);
        byte[] hash = changed.get(index).clone();
        hash[hash.length - 1] ^= 1;
        changed.set(index, hash);
        return changed;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
