package org.mutuality.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.AgencyId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an audit proof without the database or the application (README, "Audit proofs"):
 *
 * <pre>
 * scripts/verify-audit-proof proof.json --size N --root HEX [--to-size M --to-root HEX]
 * </pre>
 *
 * An inclusion proof (a person's access log) is checked entry by entry against the head you have:
 * {@code --size} and {@code --root} of a head the agency published. A consistency proof is checked
 * against the earlier head as you kept it ({@code --size}, {@code --root}) and, when given, the later
 * one ({@code --to-size}, {@code --to-root}). Without a head, the check uses the one the file names
 * and says so: it then only shows that the file is consistent with itself. Prints a line per check;
 * exits 0 when every check holds and something was proven, 2 when not, 1 when the file or the
 * options cannot be read.
 */
public final class ProofCheck {

    private static final HexFormat HEX = HexFormat.of();

    private ProofCheck() {}

    /** What a check found: whether everything held, and a line per thing checked. */
    public record Result(boolean holds, List<String> lines) {}

    /** A head as someone kept it: a size and a root; either may be missing. */
    public record Kept(@Nullable Long size, @Nullable String root) {

        static final Kept NONE = new Kept(null, null);

        boolean given() {
            return size != null && root != null;
        }
    }

    public static void main(String[] args) {
        Kept first;
        Kept second;
        try {
            if (args.length == 0 || args[0].startsWith("--")) {
                throw new Usage("no proof file");
            }
            first = kept(args, "--size", "--root");
            second = kept(args, "--to-size", "--to-root");
        } catch (Usage e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: verify-audit-proof PROOF.json [--size N --root HEX] [--to-size M --to-root HEX]");
            System.exit(1);
            return;
        }
        Result result;
        try {
            result = check(Files.readString(Path.of(args[0])), first, second);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read " + args[0] + " as an audit proof: " + e.getMessage());
            System.exit(1);
            return;
        }
        result.lines().forEach(System.out::println);
        System.exit(result.holds() ? 0 : 2);
    }

    /** Checks a proof document (either kind) against the heads given, when given. */
    public static Result check(String json, Kept first, Kept second) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode document = mapper.readTree(json);
        String kind = document.path("kind").asString("");
        if (ProofFormat.INCLUSION.equals(kind)) {
            ProofFormat.InclusionProof proof = mapper.treeToValue(document, ProofFormat.InclusionProof.class);
            if (proof.entries() == null || proof.rootHash() == null || proof.agencyId() == null) {
                return new Result(false, List.of("not an inclusion proof: entries, rootHash or agencyId is missing"));
            }
            return inclusion(proof, first);
        }
        if (ProofFormat.CONSISTENCY.equals(kind)) {
            ProofFormat.ConsistencyProof proof = mapper.treeToValue(document, ProofFormat.ConsistencyProof.class);
            if (proof.from() == null || proof.to() == null || proof.proof() == null) {
                return new Result(false, List.of("not a consistency proof: from, to or proof is missing"));
            }
            return consistency(proof, first, second);
        }
        return new Result(false, List.of("not an audit proof: its kind is '" + kind + "'"));
    }

    /** Each entry of the proof is a leaf of the head given (or of the head the file names). */
    public static Result inclusion(ProofFormat.InclusionProof proof, Kept head) {
        List<String> lines = new ArrayList<>();
        boolean holds = sameHead("the proof", proof.treeSize(), proof.rootHash(), head, lines);
        String root = head.given() ? normal(head.root()) : normal(proof.rootHash());
        AgencyId agency = new AgencyId(proof.agencyId());
        java.util.Set<Object> seen = new java.util.HashSet<>();
        int proven = 0;
        for (ProofFormat.Leaf leaf : proof.entries()) {
            boolean in = leaf != null
                    && leaf.entry() != null
                    && seen.add(leaf.entry().id())
                    && seen.add(leaf.leafIndex())
                    && included(agency, leaf, proof.treeSize(), root);
            holds &= in;
            proven += in ? 1 : 0;
            lines.add((in ? "ok     " : "FAILS  ") + describe(leaf));
        }
        List<java.util.UUID> newer = proof.notYetInTree() == null ? List.of() : proof.notYetInTree();
        if (!newer.isEmpty()) {
            lines.add(newer.size() + " newer entries are not in this head: check them against a later head");
        }
        if (proven == 0) {
            lines.add("nothing is proven: the file holds no entry of this head");
            holds = false;
        }
        lines.add(
                holds
                        ? proven + " entries are in the log of " + proof.treeSize() + " entries"
                        : "the proof does NOT hold");
        return new Result(holds, lines);
    }

    /** The tree at {@code to} keeps the tree at {@code from} unchanged. */
    public static Result consistency(ProofFormat.ConsistencyProof proof, Kept first, Kept second) {
        List<String> lines = new ArrayList<>();
        boolean holds = sameHead(
                "the earlier head", proof.from().treeSize(), proof.from().rootHash(), first, lines);
        holds &= sameHead("the later head", proof.to().treeSize(), proof.to().rootHash(), second, lines);
        String fromRoot =
                first.given() ? normal(first.root()) : normal(proof.from().rootHash());
        String toRoot =
                second.given() ? normal(second.root()) : normal(proof.to().rootHash());
        boolean consistent;
        try {
            consistent = MerkleTree.verifyConsistency(
                    proof.from().treeSize(),
                    proof.to().treeSize(),
                    HEX.parseHex(fromRoot),
                    HEX.parseHex(toRoot),
                    hashes(proof.proof()));
        } catch (IllegalArgumentException | NullPointerException e) {
            consistent = false;
        }
        holds &= consistent;
        lines.add(
                holds
                        ? "the log of " + proof.to().treeSize() + " entries keeps the log of "
                                + proof.from().treeSize() + " entries unchanged"
                        : "the proof does NOT hold: the log of " + proof.to().treeSize()
                                + " entries does not keep the log of "
                                + proof.from().treeSize() + " with that root");
        return new Result(holds, lines);
    }

    /**
     * False when a head was given and the file names another; with no head given, says that the
     * file's own is used.
     */
    private static boolean sameHead(String what, long size, @Nullable String root, Kept head, List<String> lines) {
        if (!head.given()) {
            lines.add(what + " is the one the file names (" + size + " entries, " + root
                    + "): compare it with the head the agency published, or give it");
            return true;
        }
        if (head.size() != size || root == null || !normal(head.root()).equals(normal(root))) {
            lines.add(what + " in the file (" + size + " entries) is not the head given (" + head.size() + " entries, "
                    + normal(head.root()) + ")");
            return false;
        }
        return true;
    }

    private static String describe(ProofFormat.@Nullable Leaf leaf) {
        if (leaf == null || leaf.entry() == null) {
            return "an entry without its fields";
        }
        return "entry " + leaf.entry().id() + " (" + leaf.entry().recordedAt() + ", "
                + leaf.entry().action() + ") at " + leaf.leafIndex();
    }

    private static boolean included(AgencyId agency, ProofFormat.Leaf leaf, long size, String root) {
        try {
            long seq = leaf.leafIndex() + 1;
            byte[] hash = MerkleTree.leafHash(
                    AuditChain.leaf(agency, seq, leaf.entry().sealedAs(seq)));
            return MerkleTree.verifyInclusion(
                    hash, leaf.leafIndex(), size, hashes(leaf.auditPath()), HEX.parseHex(root));
        } catch (IllegalArgumentException e) {
            // A hash that is not hex cannot prove anything.
            return false;
        }
    }

    private static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(h -> HEX.parseHex(normal(h))).toList();
    }

    private static String normal(String hex) {
        return hex.strip().toLowerCase(Locale.ROOT);
    }

    /** Options that cannot be read: the command line is told how to use the verifier. */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** A head from two options, both or neither. */
    private static Kept kept(String[] args, String sizeOption, String rootOption) {
        String size = option(args, sizeOption);
        String root = option(args, rootOption);
        if (size == null && root == null) {
            return Kept.NONE;
        }
        if (size == null || root == null) {
            throw new Usage(sizeOption + " and " + rootOption + " go together: a head is a size and a root");
        }
        try {
            return new Kept(Long.parseLong(size.strip()), root);
        } catch (NumberFormatException e) {
            throw new Usage(sizeOption + " must be a whole number, was " + size);
        }
    }

    private static @Nullable String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
