package org.mutuality.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.AgencyId;

/**
 * The proofs of the audit tree as JSON documents (README, "Audit proofs"): what the API and the pages
 * hand out and what {@link ProofCheck} reads back. Hashes are lowercase hex.
 */
public final class ProofFormat {

    /** The {@code kind} of an inclusion proof document. */
    public static final String INCLUSION = "inclusion";

    /** The {@code kind} of a consistency proof document. */
    public static final String CONSISTENCY = "consistency";

    private ProofFormat() {}

    /** A head of an agency's tree: how many leaves, and its root. */
    public record TreeHead(long treeSize, String rootHash) {

        public static TreeHead of(AuditTree.Head head) {
            return new TreeHead(head.size(), head.root());
        }
    }

    /**
     * Entries of a person's access log, each with its audit path in the tree of {@code treeSize}
     * leaves; entries recorded a moment ago that are not leaves yet are named in {@code notYetInTree}.
     */
    public record InclusionProof(
            String kind,
            UUID agencyId,
            long treeSize,
            String rootHash,
            List<Leaf> entries,
            List<UUID> notYetInTree,
            @Nullable String next) {

        public static InclusionProof of(
                AgencyId agency,
                AuditTree.Head head,
                List<AuditTree.Inclusion> inclusions,
                List<UUID> notYetInTree,
                @Nullable String next) {
            return new InclusionProof(
                    INCLUSION,
                    agency.value(),
                    head.size(),
                    head.root(),
                    inclusions.stream()
                            .map(i -> new Leaf(i.leafIndex(), i.entry(), i.path()))
                            .toList(),
                    notYetInTree,
                    next);
        }
    }

    /**
     * One entry as a leaf: its index (its chain seq less one), the entry with every field its leaf is
     * hashed from (AuditChain's canonical encoding), and its path.
     */
    public record Leaf(long leafIndex, AuditEntry entry, List<String> auditPath) {}

    /** The proof that the tree at {@code to} keeps the tree at {@code from} unchanged. */
    public record ConsistencyProof(String kind, UUID agencyId, TreeHead from, TreeHead to, List<String> proof) {

        public static ConsistencyProof of(AgencyId agency, AuditTree.Consistency c) {
            return new ConsistencyProof(
                    CONSISTENCY, agency.value(), TreeHead.of(c.from()), TreeHead.of(c.to()), c.proof());
        }
    }
}
