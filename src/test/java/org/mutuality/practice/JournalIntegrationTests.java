package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reflective journal through the API: its author writes, reads, shares, unshares, exports and
 * deletes; the author's supervisor reads what is shared with them, while it is; everyone else,
 * whatever their role, meets the same 404 as for a missing entry, and the refusal is audited.
 */
@IntegrationTest
class JournalIntegrationTests {

    static final String TEXT = "Today I told a participant about my own first year of recovery.";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Journal journal;

    Api api;
    Person author;
    Person supervisor;
    Person colleague;
    Person participant;
    String tag;
    String authorToken;
    String supervisorToken;

    @BeforeEach
    void aPeerWorkerAndTheirSupervisor() {
        api = agency.api();
        tag = TestAgency.tag();
        author = agency.person("Ada Journal " + tag)
                .role(Role.PEER_WORKER)
                .account("ada-" + tag)
                .create();
        supervisor = agency.person("Sol Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("sol-" + tag)
                .create();
        colleague = agency.person("Cy Colleague " + tag)
                .role(Role.PEER_WORKER)
                .account("cy-" + tag)
                .create();
        participant = agency.person("Pia Participant " + tag)
                .role(Role.PARTICIPANT)
                .account("pia-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", supervisor.id(), author.id());
        authorToken = agency.token("ada-" + tag);
        supervisorToken = agency.token("sol-" + tag);
    }

    @Test
    void writesAnEntryAndReadsItBack() {
        String id = write(TEXT, "SELF_DISCLOSURE");

        Api.Response read = api.get("/api/v1/me/journal/" + id, authorToken);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("text").asString()).isEqualTo(TEXT);
        assertThat(read.json().get("prompt").asString()).isEqualTo("SELF_DISCLOSURE");
    }

    @Test
    void listsTheAuthorsEntriesWithoutTheirText() {
        write(TEXT, null);

        Api.Response list = api.get("/api/v1/me/journal", authorToken);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.body()).doesNotContain("recovery");
    }

    @Test
    void auditsReadsWithoutTheText() {
        String id = write(TEXT, null);
        api.get("/api/v1/me/journal/" + id, authorToken);

        List<String> audited = jdbc.sql("select coalesce(detail, '') || ' ' || coalesce(record_id, '')"
                        + " from audit_entry where subject_id = :p")
                .param("p", author.id().value())
                .query(String.class)
                .list();

        assertThat(audited).hasSizeGreaterThanOrEqualTo(2).noneMatch(a -> a.contains("recovery"));
    }

    @Test
    void letsTheSupervisorReadASharedEntry() {
        String id = write(TEXT, null);
        assertThat(api.post("/api/v1/me/journal/" + id + "/share", authorToken, "")
                        .status())
                .isEqualTo(200);

        Api.Response read = api.get("/api/v1/journal/shared/" + id, supervisorToken);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("text").asString()).isEqualTo(TEXT);
        assertThat(api.get("/api/v1/journal/shared", supervisorToken).json().size())
                .isEqualTo(1);
    }

    @Test
    void keepsAnEntrySharedLastWeekFromASupervisorAssignedSince() {
        String id = write(TEXT, null);
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");
        jdbc.sql("update relationship set start_date = :d where person_a_id = :a and person_b_id = :b")
                .param("d", agency.today().minusDays(30))
                .param("a", supervisor.id().value())
                .param("b", author.id().value())
                .update();
        jdbc.sql("update journal_entry set shared_at = :at where id = :id")
                .param("at", agency.today().minusDays(7).atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("id", UUID.fromString(id))
                .update();
        Person newcomer = agency.person("Neo Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("neo-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", newcomer.id(), author.id());
        jdbc.sql("update relationship set start_date = :d where person_a_id = :a")
                .param("d", agency.today())
                .param("a", newcomer.id().value())
                .update();
        String newcomerToken = agency.token("neo-" + tag);

        assertHiddenFrom(newcomer.id(), newcomerToken, id);
        assertThat(api.get("/api/v1/journal/shared", newcomerToken).json().size())
                .isZero();
        assertThat(api.get("/api/v1/journal/shared/" + id, supervisorToken).status())
                .isEqualTo(200);
    }

    @Test
    void hidesAnEntryFromTheSupervisorBeforeItIsShared() {
        String id = write(TEXT, null);

        assertHiddenFrom(supervisor.id(), supervisorToken, id);
    }

    @Test
    void hidesAnEntryFromTheSupervisorOnceUnshared() {
        String id = write(TEXT, null);
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");
        assertThat(api.post("/api/v1/me/journal/" + id + "/unshare", authorToken, "")
                        .status())
                .isEqualTo(200);

        assertHiddenFrom(supervisor.id(), supervisorToken, id);
        assertThat(api.get("/api/v1/journal/shared", supervisorToken).json().size())
                .isZero();
    }

    @Test
    void hidesAnEntryFromAnotherStaffMember() {
        String id = write(TEXT, null);
        String token = agency.token("cy-" + tag);

        assertHiddenFrom(colleague.id(), token, id);
    }

    @Test
    void hidesAnEntryFromAParticipant() {
        String id = write(TEXT, null);

        assertHiddenFrom(participant.id(), agency.token("pia-" + tag), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "privacy", "manager"})
    void hidesAnEntryFromEveryRoleEvenWhenShared(String demoUser) {
        String id = write(TEXT, null);
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");

        assertHiddenFrom(demoPerson(demoUser), agency.demoToken(demoUser), id);
    }

    @Test
    void hidesAnEntryFromAnotherAgency() {
        String id = write(TEXT, null);
        AgencyId other = directory.createAgency("Journal other " + TestAgency.tag(), false);
        Person stranger = directory.register(
                other,
                new PersonDetails("Other Admin", null, null, null, null),
                List.of(new AssignRole(
                        Role.ADMINISTRATOR, null, null, agency.today().minusDays(1), null)));
        String username = "other-" + TestAgency.tag();
        directory.openAccount(other, stranger.id(), username, TestAgency.PASSWORD);
        String token = agency.token(username);

        Api.Response hidden = api.get("/api/v1/me/journal/" + id, token);
        Api.Response missing = api.get("/api/v1/me/journal/" + UUID.randomUUID(), token);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
    }

    @Test
    void opensNoJournalByBreakingTheGlass() {
        write(TEXT, null);
        Api.Response r = api.post(
                "/api/v1/access/break-glass",
                agency.demoToken("privacy"),
                Api.json(Map.of(
                        "subjectId",
                        author.id().value().toString(),
                        "recordKind",
                        "JOURNAL",
                        "reason",
                        "OTHER",
                        "detail",
                        "An emergency that is not one for a journal")));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("break-the-glass");
    }

    @Test
    void refusesAnotherPersonsShareAndDeleteAsMissing() {
        String id = write(TEXT, null);
        String token = agency.token("cy-" + tag);
        long before = agency.refusals(colleague.id());

        assertThat(api.post("/api/v1/me/journal/" + id + "/share", token, "").status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/me/journal/" + id, token, "application/json", "")
                        .status())
                .isEqualTo(404);

        assertThat(agency.refusals(colleague.id())).isEqualTo(before + 2);
        assertThat(api.get("/api/v1/me/journal/" + id, authorToken).status()).isEqualTo(200);
    }

    @Test
    void deletesAnEntryForGood() {
        String id = write(TEXT, null);

        assertThat(api.send("DELETE", "/api/v1/me/journal/" + id, authorToken, "application/json", "")
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/me/journal/" + id, authorToken).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from journal_entry where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesAShareReplayedAfterDelete() {
        String id = write(TEXT, null);
        api.send("DELETE", "/api/v1/me/journal/" + id, authorToken, "application/json", "");

        assertThat(api.post("/api/v1/me/journal/" + id + "/share", authorToken, "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void tellsTheSupervisorOfASharedEntryWithALinkAndNeverItsText() {
        String id = write(TEXT, null);

        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");

        assertThat(agency.notices(supervisor.id(), "JOURNAL_ENTRY_SHARED_WITH_YOU"))
                .isEqualTo(1);
        assertThat(agency.notices(author.id(), "JOURNAL_ENTRY_SHARED_WITH_YOU")).isZero();
        assertThat(agency.notices(colleague.id(), "JOURNAL_ENTRY_SHARED_WITH_YOU"))
                .isZero();
        assertThat(jdbc.sql(
                                "select link from notice where recipient_id = :p and kind = 'JOURNAL_ENTRY_SHARED_WITH_YOU'")
                        .param("p", supervisor.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("/journal/shared/" + id);
        String notices = agency.browser("sol-" + tag).get("/notices").body();
        assertThat(notices)
                .contains("Someone you supervise shared an entry of their reflective journal with you.")
                .doesNotContain("recovery");
    }

    @Test
    void tellsNobodyWhenAnEntryIsMadePrivate() {
        String id = write(TEXT, null);
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");

        api.post("/api/v1/me/journal/" + id + "/unshare", authorToken, "");

        assertThat(agency.notices(supervisor.id(), "JOURNAL_ENTRY_SHARED_WITH_YOU"))
                .isEqualTo(1);
    }

    @Test
    void refusesSharingTwice() {
        String id = write(TEXT, null);
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");

        assertThat(api.post("/api/v1/me/journal/" + id + "/share", authorToken, "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void refusesSharingWithoutASupervisor() {
        String token = agency.token("cy-" + tag);
        Api.Response entry = api.post("/api/v1/me/journal", token, Api.json(Map.of("text", TEXT)));

        Api.Response share =
                api.post("/api/v1/me/journal/" + entry.json().get("id").asString() + "/share", token, "");

        assertThat(share.status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"text\":\"\"}",
                "{\"text\":\"   \"}",
                "{\"text\":\"fine\",\"prompt\":\"NOT_A_PROMPT\"}",
                "{\"text\":\"bad \\u202e char\"}",
                "[]"
            })
    void refusesABadBodyAndKeepsNothing(String body) {
        long before = agency.rows("journal_entry");

        Api.Response r = api.post("/api/v1/me/journal", authorToken, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(agency.rows("journal_entry")).isEqualTo(before);
    }

    @Test
    void refusesATextOverTheLimit() {
        Api.Response r = api.post("/api/v1/me/journal", authorToken, Api.json(Map.of("text", "a".repeat(4001))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("at most 4,000 characters");
    }

    @Test
    void refusesAParticipantAJournal() {
        Api.Response r = api.post("/api/v1/me/journal", agency.token("pia-" + tag), Api.json(Map.of("text", TEXT)));

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void exportsTheJournalAsMarkdown() {
        write("Première entrée : « mutualité », cœur.", "MUTUALITY");

        Api.Response md = api.get("/api/v1/me/journal/export.md", authorToken);

        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).contains("Première entrée : « mutualité », cœur.").contains("## ");
    }

    @Test
    void exportsTheJournalAsPdf() {
        write(TEXT, null);

        Api.Response pdf = api.get("/api/v1/me/journal/export.pdf", authorToken);

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void bringsASharedEntryToTheSupervisionAgendaByReferenceOnly() {
        String id = write(TEXT, "BOUNDARIES");
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");

        List<AgendaItem> items = journal.waitingFor(agency.id(), supervisor.id(), author.id(), agency.today());

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.source()).isEqualTo(AgendaItem.Source.SHARED_REFLECTION);
            assertThat(item.reference()).isEqualTo(id);
            assertThat(item.topic()).isEqualTo("journal.prompt.BOUNDARIES");
            assertThat(item.since()).isEqualTo(agency.today());
        });
    }

    @Test
    void bringsNothingToAnotherSupervisorsAgenda() {
        String id = write(TEXT, null);
        api.post("/api/v1/me/journal/" + id + "/share", authorToken, "");

        assertThat(journal.waitingFor(agency.id(), colleague.id(), author.id(), agency.today()))
                .isEmpty();
    }

    private void assertHiddenFrom(PersonId reader, String token, String id) {
        long before = agency.refusals(reader);
        for (String route : List.of("/api/v1/me/journal/", "/api/v1/journal/shared/")) {
            Api.Response hidden = api.get(route + id, token);
            Api.Response missing = api.get(route + UUID.randomUUID(), token);
            assertThat(hidden.status()).as(route).isEqualTo(404);
            assertThat(masked(hidden.body())).as(route).isEqualTo(masked(missing.body()));
        }
        assertThat(agency.refusals(reader)).isEqualTo(before + 2);
    }

    private String write(String text, String prompt) {
        Map<String, String> body = prompt == null ? Map.of("text", text) : Map.of("text", text, "prompt", prompt);
        Api.Response r = api.post("/api/v1/me/journal", authorToken, Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private PersonId demoPerson(String username) {
        return new PersonId(jdbc.sql("select person_id from user_account where username = :u")
                .param("u", username)
                .query(UUID.class)
                .single());
    }

    private static String masked(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID");
    }
}
