package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.AgencyId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line verifier never says a proof holds when it proves nothing, names another head than
 * the one given, or repeats an entry; and a forged consistency proof that relabels a kept head fails.
 */
class ProofCheckTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProofCheck.Kept NONE = new ProofCheck.Kept(null, null);

    private final AgencyId agency = new AgencyId(UUID.randomUUID());
    private final List<AuditEntry> entries = new ArrayList<>();
    private final Map<String, byte[]> nodes = new HashMap<>();
    private final MerkleTree.Subtrees subtrees = (level, index) -> nodes.get(level + "/" + index);

    ProofCheckTests() {
        for (int i = 0; i < 6; i++) {
            AuditEntry entry = new AuditEntry(
                    UUID.randomUUID(),
                    Instant.parse("2026-12-01T10:00:00.123456Z").plusSeconds(i),
                    (long) i + 1,
                    UUID.randomUUID(),
                    "PEER_WORKER",
                    "READ",
                    UUID.randomUUID(),
                    "SUPPORT_NOTES",
                    "note-" + i,
                    "SUPPORT",
                    "ASSIGNMENT",
                    "ALLOWED",
                    null);
            entries.add(entry);
            byte[] leaf = MerkleTree.leafHash(AuditChain.leaf(agency, i + 1, entry));
            for (MerkleTree.Node node : MerkleTree.completedBy(subtrees, i, leaf)) {
                nodes.put(node.level() + "/" + node.index(), node.hash());
            }
        }
    }

    @Test
    void aProofOfTheGivenHeadHolds() {
        ProofCheck.Result result = ProofCheck.check(inclusion(5, 0, 2, 4), head(5), NONE);

        assertThat(result.holds()).as(String.join("\n", result.lines())).isTrue();
        assertThat(result.lines()).filteredOn(l -> l.startsWith("ok")).hasSize(3);
    }

    @Test
    void aProofThatProvesNothingDoesNotHold() {
        assertThat(ProofCheck.check(inclusion(5), head(5), NONE).holds()).isFalse();
        assertThat(ProofCheck.check(inclusion(5), NONE, NONE).holds()).isFalse();
    }

    @Test
    void anEntryListedTwiceDoesNotHold() {
        assertThat(ProofCheck.check(inclusion(5, 1, 1), head(5), NONE).holds()).isFalse();
    }

    @Test
    void aProofOfAnotherSizeThanTheHeadGivenDoesNotHold() {
        String proof = inclusion(5, 0).replace("\"treeSize\":5", "\"treeSize\":6");

        assertThat(ProofCheck.check(proof, head(5), NONE).holds()).isFalse();
    }

    @Test
    void withoutAHeadTheCheckSaysItUsedTheFilesOwn() {
        ProofCheck.Result result = ProofCheck.check(inclusion(5, 3), NONE, NONE);

        assertThat(result.holds()).isTrue();
        assertThat(result.lines().get(0)).contains("the one the file names");
    }

    @Test
    void aConsistencyProofThatRelabelsTheKeptHeadDoesNotHold() {
        String kept = root(4);
        // The kept head of 4 entries, called a head of 6 with nothing to prove.
        String relabelled = consistency(6, kept, 6, kept, List.of());
        assertThat(ProofCheck.check(relabelled, head(4), NONE).holds()).isFalse();

        String genuine = consistency(4, kept, 6, root(6), hex(MerkleTree.consistencyProof(subtrees, 4, 6)));
        assertThat(ProofCheck.check(genuine, head(4), new ProofCheck.Kept(6L, root(6)))
                        .holds())
                .isTrue();
        assertThat(ProofCheck.check(genuine, head(4), new ProofCheck.Kept(5L, root(6)))
                        .holds())
                .as("another size for the later head")
                .isFalse();
    }

    @Test
    void aFileThatIsNotAProofIsRefused() {
        // The command line answers such a file with "cannot read" and exit code 1.
        assertThatThrownBy(() -> ProofCheck.check("{\"kind\":\"inclusion\",\"entries\":null}", NONE, NONE))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThat(ProofCheck.check("{\"kind\":\"inclusion\",\"treeSize\":1,\"entries\":null}", NONE, NONE)
                        .holds())
                .isFalse();
        assertThat(ProofCheck.check("{\"kind\":\"receipt\"}", NONE, NONE).holds())
                .isFalse();
    }

    private ProofCheck.Kept head(long size) {
        return new ProofCheck.Kept(size, root(size));
    }

    private String root(long size) {
        return HEX.formatHex(MerkleTree.root(subtrees, size));
    }

    private String inclusion(long size, int... indexes) {
        List<AuditTree.Inclusion> proven = new ArrayList<>();
        for (int index : indexes) {
            proven.add(new AuditTree.Inclusion(
                    entries.get(index), index, hex(MerkleTree.inclusionProof(subtrees, index, size))));
        }
        return JSON.writeValueAsString(
                ProofFormat.InclusionProof.of(agency, new AuditTree.Head(size, root(size)), proven, List.of(), null));
    }

    private String consistency(long from, String fromRoot, long to, String toRoot, List<String> proof) {
        return JSON.writeValueAsString(ProofFormat.ConsistencyProof.of(
                agency,
                new AuditTree.Consistency(new AuditTree.Head(from, fromRoot), new AuditTree.Head(to, toRoot), proof)));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
