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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an audit proof without the database or the application (README, "Audit proofs"):
 *
 * <pre>
 * scripts/verify-audit-proof proof.json [--root HEX] [--to-root HEX]
 * </pre>
 *
 * An inclusion proof (a person's access log) is checked entry by entry against {@code --root}, the
 * root of the head the agency published at that size, or else against the root the file names. A
 * consistency proof is checked against {@code --root}, the root of the earlier head as you kept it,
 * and {@code --to-root} when given. Prints a line per check; exits 0 when every check holds, 2 when
 * one does not, 1 when the file cannot be read.
 */
public final class ProofCheck {

    private static final HexFormat HEX = HexFormat.of();

    private ProofCheck() {}

    /** What a check found: whether everything held, and a line per thing checked. */
    public record Result(boolean holds, List<String> lines) {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: verify-audit-proof PROOF.json [--root HEX] [--to-root HEX]");
            System.exit(1);
        }
        String root = option(args, "--root");
        String toRoot = option(args, "--to-root");
        Result result;
        try {
            result = check(Files.readString(Path.of(args[0])), root, toRoot);
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        result.lines().forEach(System.out::println);
        System.exit(result.holds() ? 0 : 2);
    }

    /** Checks a proof document (either kind) against the roots given, when given. */
    public static Result check(String json, @Nullable String trustedRoot, @Nullable String trustedToRoot) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode document = mapper.readTree(json);
        String kind = document.path("kind").asString("");
        if (ProofFormat.INCLUSION.equals(kind)) {
            return inclusion(mapper.treeToValue(document, ProofFormat.InclusionProof.class), trustedRoot);
        }
        if (ProofFormat.CONSISTENCY.equals(kind)) {
            return consistency(
                    mapper.treeToValue(document, ProofFormat.ConsistencyProof.class), trustedRoot, trustedToRoot);
        }
        return new Result(false, List.of("not an audit proof: its kind is '" + kind + "'"));
    }

    /** Each entry of the proof is a leaf of the tree whose root is the trusted one (or the file's). */
    public static Result inclusion(ProofFormat.InclusionProof proof, @Nullable String trustedRoot) {
        List<String> lines = new ArrayList<>();
        String root = trustedRoot == null ? proof.rootHash() : normal(trustedRoot);
        boolean holds = true;
        if (trustedRoot == null) {
            lines.add("checked against the root named in the file (" + proof.rootHash() + ", " + proof.treeSize()
                    + " entries): compare it with the head the agency published at that size");
        } else if (!root.equals(normal(proof.rootHash()))) {
            lines.add("the file names another root than the one given: it is not a proof for that head");
            holds = false;
        }
        AgencyId agency = new AgencyId(proof.agencyId());
        for (ProofFormat.Leaf leaf : proof.entries()) {
            boolean in = included(agency, leaf, proof.treeSize(), root);
            holds &= in;
            lines.add((in ? "ok     " : "FAILS  ") + "entry " + leaf.entry().id() + " ("
                    + leaf.entry().recordedAt() + ", " + leaf.entry().action() + ") at " + leaf.leafIndex());
        }
        if (proof.entries().isEmpty()) {
            lines.add("no entry to check");
        }
        lines.add(holds ? "every entry is in the log" : "the proof does NOT hold");
        return new Result(holds, lines);
    }

    /** The tree at {@code to} keeps the tree at {@code from} unchanged. */
    public static Result consistency(
            ProofFormat.ConsistencyProof proof, @Nullable String trustedFrom, @Nullable String trustedTo) {
        List<String> lines = new ArrayList<>();
        String fromRoot = trustedFrom == null ? proof.from().rootHash() : normal(trustedFrom);
        String toRoot = trustedTo == null ? proof.to().rootHash() : normal(trustedTo);
        if (trustedFrom == null) {
            lines.add("checked against the earlier root named in the file: compare it with the head you kept");
        }
        boolean holds;
        try {
            holds = MerkleTree.verifyConsistency(
                    proof.from().treeSize(),
                    proof.to().treeSize(),
                    HEX.parseHex(fromRoot),
                    HEX.parseHex(toRoot),
                    hashes(proof.proof()));
        } catch (IllegalArgumentException e) {
            holds = false;
        }
        lines.add(
                holds
                        ? "the log of " + proof.to().treeSize() + " entries keeps the log of "
                                + proof.from().treeSize() + " entries unchanged"
                        : "the proof does NOT hold: the log of " + proof.to().treeSize()
                                + " entries does not keep the log of "
                                + proof.from().treeSize() + " with that root");
        return new Result(holds, lines);
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

    private static @Nullable String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
