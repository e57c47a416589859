package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The audit log as a Merkle tree (issue 20 item 7): a person's proof that the entries of their access
 * log are in the log holds with nothing but a published head, the privacy lead's proof that the log
 * keeps yesterday's head holds too, and a change behind the application's back breaks each. No one
 * gets a proof of an entry that is not in their own access log, nor the privacy lead's proofs.
 */
@IntegrationTest
class AuditTreeIntegrationTests {

    @Autowired
    TestAgency demo;

    @Autowired
    AuditLog log;

    @Autowired
    AuditTree tree;

    @Autowired
    AuditStore store;

    @Autowired
    DataSource dataSource;

    Instant lastRead = Instant.EPOCH;
    long publishedSize;
    TestAgency own;
    Person reader;
    Person subject;
    Person other;
    Person lead;
    Api api;

    @BeforeEach
    void anAgencyWhereSomeoneReadsTwoRecords() {
        own = demo.inAgency("Tree");
        String tag = TestAgency.tag();
        reader = own.person("Rae Reader")
                .role(Role.PEER_WORKER)
                .account("rae-" + tag)
                .create();
        subject = own.person("Sol Subject")
                .role(Role.PARTICIPANT)
                .account("sol-" + tag)
                .create();
        other = own.person("Oli Other")
                .role(Role.PARTICIPANT)
                .account("oli-" + tag)
                .create();
        lead = own.person("Lou Lead")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account("lou-" + tag)
                .create();
        api = own.api();
        readNotes(subject, 5);
        readNotes(other, 3);
        log.seal();
    }

    @Test
    void aPersonsProofHoldsAgainstThePublishedHeadWithoutTheDatabase() {
        String published = publish();
        JsonNode head =
                api.get("/api/v1/audit/tree-heads", own.token(subject)).json().get(0);
        long size = head.get("treeSize").asLong();
        assertThat(head.get("rootHash").asString()).isEqualTo(published);

        Api.Response proof = api.get("/api/v1/me/access-log/proof?treeSize=" + size, own.token(subject));

        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.json().get("entries")).hasSize(5);
        for (JsonNode leaf : proof.json().get("entries")) {
            assertThat(leaf.get("entry").get("subjectId").asString())
                    .isEqualTo(subject.id().value().toString());
        }
        ProofCheck.Result checked = ProofCheck.check(proof.body(), head(size, published), NONE);
        assertThat(checked.holds()).as(String.join("\n", checked.lines())).isTrue();
        assertThat(checked.lines()).filteredOn(l -> l.startsWith("ok")).hasSize(5);
    }

    @Test
    void theVerifierOnTheCommandLineChecksAProofWithoutTheDatabase() throws Exception {
        Path jar = Path.of("target/mutuality-0.1.0-SNAPSHOT.jar");
        assumeTrue(Files.exists(jar), "the jar is built before the integration tests run");
        String published = publish();
        Path proof = Files.createTempFile("access-log-proof", ".json");
        Files.writeString(
                proof,
                api.get("/api/v1/me/access-log/proof?treeSize=" + publishedSize, own.token(subject))
                        .body());
        Path edited = Files.createTempFile("access-log-proof-edited", ".json");
        Files.writeString(
                edited, Files.readString(proof).replaceFirst("\"outcome\":\"ALLOWED\"", "\"outcome\":\"DENIED\""));

        assertThat(verifier(proof, "--size", "" + publishedSize, "--root", published))
                .startsWith("0:")
                .contains("5 entries are in the log");
        assertThat(verifier(edited, "--size", "" + publishedSize, "--root", published))
                .startsWith("2:")
                .contains("FAILS");
        assertThat(verifier(proof, "--size", "" + publishedSize, "--root", "00".repeat(32)))
                .startsWith("2:");
        assertThat(verifier(proof, "--root", published))
                .as("a root without its size")
                .startsWith("1:");
    }

    /** Runs scripts/verify-audit-proof; answers its exit code, a colon and what it printed. */
    private static String verifier(Path proof, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/verify-audit-proof", proof.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + ":" + output;
    }

    @Test
    void aProofWhoseEntryWasEditedDoesNotHold() {
        String published = publish();
        String proof = api.get("/api/v1/me/access-log/proof?treeSize=" + publishedSize, own.token(subject))
                .body();

        String edited = proof.replaceFirst("\"action\":\"READ\"", "\"action\":\"WRITE\"");

        assertThat(edited).isNotEqualTo(proof);
        assertThat(ProofCheck.check(edited, head(publishedSize, published), NONE)
                        .holds())
                .isFalse();
        assertThat(ProofCheck.check(proof, head(publishedSize, published), NONE).holds())
                .isTrue();
        assertThat(ProofCheck.check(proof, head(publishedSize, "00".repeat(32)), NONE)
                        .holds())
                .as("against another head")
                .isFalse();
    }

    @Test
    void anEntryChangedBehindTheApplicationsBackNoLongerProvesAgainstTheHeadPublishedBefore() {
        String published = publish();

        AuditTampering.tamper(
                dataSource,
                demo.onPostgres(),
                own.id(),
                "update audit_entry set outcome = 'DENIED' where agency_id = ? and subject_id = '"
                        + subject.id().value() + "'");

        String proof = api.get("/api/v1/me/access-log/proof?treeSize=" + publishedSize, own.token(subject))
                .body();
        ProofCheck.Result checked = ProofCheck.check(proof, head(publishedSize, published), NONE);
        assertThat(checked.holds()).isFalse();
        assertThat(checked.lines()).filteredOn(l -> l.startsWith("FAILS")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(checked.lines()).noneMatch(l -> l.startsWith("ok"));
    }

    @Test
    void todaysLogKeepsYesterdaysHeadAndARewrittenTreeDoesNot() {
        String yesterday = publish();
        long yesterdaySize = publishedSize;
        readNotes(subject, 7);
        log.seal();

        Api.Response proof = api.get("/api/v1/audit/consistency?from=" + yesterdaySize, own.token(lead));

        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.json().get("to").get("treeSize").asLong()).isGreaterThanOrEqualTo(yesterdaySize + 7);
        assertThat(ProofCheck.check(proof.body(), head(yesterdaySize, yesterday), NONE)
                        .holds())
                .isTrue();
        assertThat(ProofCheck.check(proof.body(), head(yesterdaySize, "ab".repeat(32)), NONE)
                        .holds())
                .as("against a head that was never published")
                .isFalse();

        // Someone with the database's rights changes an old entry and builds the tree again from the
        // changed chain, so that it is consistent in itself.
        AuditTampering.tamper(
                dataSource,
                demo.onPostgres(),
                own.id(),
                "update audit_entry set outcome = 'DENIED' where id = (select entry_id from audit_chain"
                        + " where agency_id = ? and seq = 1)",
                "delete from audit_tree_node where agency_id = ?",
                "update audit_head set tree_size = 0 where agency_id = ?");
        log.seal();

        String rewritten = api.get("/api/v1/audit/consistency?from=" + yesterdaySize, own.token(lead))
                .body();
        assertThat(ProofCheck.check(rewritten, head(yesterdaySize, yesterday), NONE)
                        .holds())
                .isFalse();
    }

    @Test
    void verificationNamesATreeWhoseNodesWereChangedOrRemoved() {
        assertThat(log.verify(own.id()).valid()).isTrue();

        AuditTampering.tamper(
                dataSource,
                demo.onPostgres(),
                own.id(),
                "update audit_tree_node set hash = '" + "cd".repeat(32)
                        + "' where agency_id = ? and node_level = 1 and node_index = 0");
        Verification changed = log.verify(own.id());
        assertThat(changed.valid()).isFalse();
        assertThat(changed.problem()).contains("tree").contains("changed");

        AuditTampering.tamper(
                dataSource,
                demo.onPostgres(),
                own.id(),
                "delete from audit_tree_node where agency_id = ? and node_level = 1");
        assertThat(log.verify(own.id()).problem()).contains("tree").contains("lost");
    }

    @Test
    void aTreeLostOrNeverBuiltIsBuiltAgainFromTheChainWithTheSameHead() {
        AuditTree.Head before = tree.head(own.id());

        AuditTampering.tamper(
                dataSource,
                demo.onPostgres(),
                own.id(),
                "delete from audit_tree_node where agency_id = ?",
                "update audit_head set tree_size = 0 where agency_id = ?");
        assertThat(tree.size(own.id())).isZero();
        log.seal();

        assertThat(tree.head(own.id())).isEqualTo(before);
        assertThat(before.size()).isEqualTo(8);
    }

    @Test
    void noOneGetsAProofOfAnEntryThatIsNotInTheirOwnAccessLog() {
        UUID othersEntry =
                store.about(own.id(), other.id().value(), null, 1).get(0).id();
        UUID ownEntry =
                store.about(own.id(), subject.id().value(), null, 1).get(0).id();

        assertThat(api.get("/api/v1/me/access-log/proof?entry=" + ownEntry, own.token(subject))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me/access-log/proof?entry=" + othersEntry, own.token(subject))
                        .status())
                .as("another participant's entry")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/access-log/proof?entry=" + ownEntry, own.token(reader))
                        .status())
                .as("the reader's act, about someone else")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/access-log/proof?entry=" + ownEntry, demo.demoToken("privacy"))
                        .status())
                .as("another agency's privacy lead")
                .isEqualTo(404);
    }

    @Test
    void onlyThePrivacyLeadAndAdministratorsGetConsistencyProofsAndOnlyTheLeadPublishes() {
        assertThat(api.get("/api/v1/audit/consistency?from=1", own.token(subject))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/consistency?from=1", own.token(reader))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/audit/tree-heads", own.token(subject), "").status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/audit/tree-heads", own.token(reader), "").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/tree-heads", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/access-log/proof", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/tree-heads", demo.demoToken("privacy"))
                        .body())
                .as("another agency's heads")
                .doesNotContain(tree.head(own.id()).root());
    }

    @Test
    void sizesAndLimitsOutsideTheLogAreRefusedPlainly() {
        long size = tree.size(own.id());
        String token = own.token(lead);

        assertThat(api.get("/api/v1/audit/consistency?from=" + (size + 1_000_000), token)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/consistency?from=2&to=1", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/consistency?from=-1", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/consistency?from=two", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/me/access-log/proof?treeSize=" + (size + 1_000_000), own.token(subject))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/me/access-log/proof?limit=0", own.token(subject))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/me/access-log/proof?limit=101", own.token(subject))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/me/access-log/proof?before=yesterday", own.token(subject))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/consistency?from=" + size + "&to=" + size, token)
                        .json()
                        .get("proof"))
                .as("a head is kept by itself, with nothing to prove")
                .isEmpty();
    }

    @Test
    void aProofComesAPageAtATimeAgainstTheLatestPublishedHeadAndNamesTheNewerEntries() {
        String token = own.token(subject);
        log.seal();
        String published = publish();
        readNotes(subject, 3);
        log.seal();

        JsonNode first = api.get("/api/v1/me/access-log/proof?limit=4", token).json();

        assertThat(first.get("treeSize").asLong())
                .as("the latest published head")
                .isEqualTo(publishedSize);
        assertThat(first.get("notYetInTree")).as("the three newest").hasSize(3);
        assertThat(first.get("entries")).hasSize(1);
        String next = first.get("next").asString();
        JsonNode second = api.get("/api/v1/me/access-log/proof?limit=4&before=" + next, token)
                .json();
        assertThat(second.get("entries")).hasSize(4);
        assertThat(second.get("notYetInTree")).isEmpty();
        assertThat(ProofCheck.check(second.toString(), head(publishedSize, published), NONE)
                        .holds())
                .isTrue();
        assertThat(ProofCheck.check(first.toString(), head(publishedSize, published), NONE)
                        .lines())
                .contains("3 newer entries are not in this head: check them against a later head");
    }

    @Test
    void aPersonLearnsNothingOfTheLogsGrowthBetweenPublishedHeads() {
        String token = own.token(subject);
        long size = tree.size(own.id());

        Api.Response unpublished = api.get("/api/v1/me/access-log/proof?treeSize=" + size, token);

        assertThat(unpublished.status()).isEqualTo(400);
        assertThat(unpublished.body()).doesNotContain(" " + size + " ");
        assertThat(api.get("/api/v1/me/access-log/proof", token)
                        .json()
                        .get("treeSize")
                        .asLong())
                .as("no head published yet: the empty one")
                .isZero();
    }

    @Test
    void anAnonymousRaisersActsChangeNothingInThePagesOfTheAccessLog() {
        readNotes(subject, 1);
        UUID hidden = store.insert(
                new AuditEvent(
                        own.id(),
                        other.id().value(),
                        AuditLog.ANONYMOUS_RAISER,
                        AuditAction.READ,
                        subject.id().value(),
                        "SAFETY_RECORDS",
                        null,
                        "SAFETY",
                        "RAISED_BY",
                        AuditOutcome.ALLOWED,
                        null),
                later());
        readNotes(subject, 1);
        String token = own.token(subject);

        for (String path : List.of("/api/v1/me/access-log?limit=", "/api/v1/me/access-log/proof?limit=")) {
            for (int limit = 1; limit <= 3; limit++) {
                Api.Response page = api.get(path + limit, token);
                assertThat(page.body()).doesNotContain(hidden.toString());
                boolean more = path.contains("proof") ? !page.json().get("next").isNull() : page.next() != null;
                assertThat(more).as(path + limit + " has a next page").isTrue();
            }
        }
    }

    @Test
    void theAccessLogPageOffersTheProofAndThePrivacyLeadPublishesFromTheAuditPage() {
        BrowserSession person = own.browser(subject);
        assertThat(person.get("/me/access-log").body()).contains("/me/access-log/proof");
        var download = person.get("/me/access-log/proof");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("access-log-proof.json");
        assertThat(ProofCheck.check(download.body(), NONE, NONE).holds())
                .as("nothing is proven before a head is published")
                .isFalse();
        String published = publish();
        assertThat(ProofCheck.check(person.get("/me/access-log/proof").body(), head(publishedSize, published), NONE)
                        .holds())
                .isTrue();

        BrowserSession privacy = own.browser(lead);
        assertThat(privacy.get("/audit").statusCode()).isEqualTo(200);
        assertThat(privacy.post("/audit/tree-heads", java.util.Map.of()).statusCode())
                .isEqualTo(302);
        String page = privacy.get("/audit").body();
        assertThat(page)
                .contains(tree.published(own.id(), 1).get(0).head().root())
                .contains("/audit/consistency?from=");
        assertThat(person.post("/audit/tree-heads", java.util.Map.of()).statusCode())
                .isEqualTo(403);
    }

    private static final ProofCheck.Kept NONE = new ProofCheck.Kept(null, null);

    private static ProofCheck.Kept head(long size, String root) {
        return new ProofCheck.Kept(size, root);
    }

    /** Publishes the head as the privacy lead; returns its root, and keeps its size. */
    private String publish() {
        Api.Response published = api.post("/api/v1/audit/tree-heads", own.token(lead), "");
        assertThat(published.status()).isEqualTo(201);
        publishedSize = published.json().get("treeSize").asLong();
        return published.json().get("rootHash").asString();
    }

    /** Reads recorded now, each after the one before (the sealer looks for entries recorded lately). */
    private void readNotes(Person about, int times) {
        for (int i = 0; i < times; i++) {
            store.insert(
                    AuditEvent.by(own.signedIn(reader), AuditAction.READ, AuditOutcome.ALLOWED)
                            .about(about.id().value(), "SUPPORT_NOTES", "note-" + i)
                            .because("SUPPORT", "ASSIGNMENT"),
                    later());
        }
    }

    /** Now, or a millisecond after the last read recorded if that is not later. */
    private Instant later() {
        Instant now = Instant.now();
        lastRead = now.isAfter(lastRead) ? now : lastRead.plusMillis(1);
        return lastRead;
    }
}
