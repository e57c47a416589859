package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.notices.Notices;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Incidents, concerns and notices come a page at a time, newest first (issue 20): in an agency of
 * its own, every page walk shows each item once and misses none, even items recorded in the same
 * moment; a reader never finds on a page what they may not see (another's incident, a concern about
 * themselves, another agency's record), and no page comes out short for it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyPagesIntegrationTests {

    private static final int IVO_INCIDENTS = 25;
    private static final int IDA_INCIDENTS = 10;
    private static final int ABOUT_MO = 8;
    private static final int ABOUT_WREN_BY_IVO = 8;
    private static final int ABOUT_WREN_BY_IDA = 4;

    @Autowired
    TestAgency demo;

    @Autowired
    JdbcClient jdbc;

    TestAgency agency;
    Api api;
    Person ivo;
    Person ida;
    Person mo;
    Person lena;
    String ivoToken;
    String idaToken;
    String moToken;
    String lenaToken;
    Set<String> ivoIncidents = new HashSet<>();
    Set<String> idaIncidents = new HashSet<>();
    Set<String> aboutMo = new HashSet<>();
    Set<String> aboutWren = new HashSet<>();
    Set<String> raisedByIvo = new HashSet<>();

    @BeforeAll
    void manyIncidentsAndConcernsInAnAgencyOfItsOwn() {
        agency = demo.inAgency("Paging");
        api = agency.api();
        String tag = TestAgency.tag();
        Person ilse = agency.person("Ilse Pages " + tag)
                .roleAcrossAgency(Role.PEER_WORKER)
                .account()
                .create();
        Person wren = agency.person("Wren Pages " + tag)
                .roleAcrossAgency(Role.PEER_WORKER)
                .account()
                .create();
        ivo = agency.person("Ivo Pages " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account()
                .create();
        ida = agency.person("Ida Pages " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account()
                .create();
        mo = agency.person("Mo Pages " + tag)
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        lena = agency.person("Lena Pages " + tag)
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        String ilseToken = agency.token(ilse);
        ivoToken = agency.token(ivo);
        idaToken = agency.token(ida);
        moToken = agency.token(mo);
        lenaToken = agency.token(lena);
        for (int i = 0; i < IVO_INCIDENTS + IDA_INCIDENTS; i++) {
            Person with = i % 7 == 3 || ivoIncidents.size() == IVO_INCIDENTS ? ida : ivo;
            Api.Response recorded = api.post(
                    "/api/v1/incidents",
                    ilseToken,
                    Api.json(Map.of(
                            "whatHappened",
                            "We met outside the group, incident " + i,
                            "involvedIds",
                            List.of(with.id().value().toString()))));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            (with == ivo ? ivoIncidents : idaIncidents)
                    .add(recorded.json().get("id").asString());
        }
        for (int i = 0; i < ABOUT_MO; i++) {
            String id = agency.raiseConcern(ivoToken, mo.id(), "The manager spoke over me, time " + i, i % 2 == 0);
            aboutMo.add(id);
            raisedByIvo.add(id);
        }
        for (int i = 0; i < ABOUT_WREN_BY_IVO; i++) {
            String id = agency.raiseConcern(ivoToken, wren.id(), "They phoned me late again, time " + i, i % 2 == 1);
            aboutWren.add(id);
            raisedByIvo.add(id);
        }
        for (int i = 0; i < ABOUT_WREN_BY_IDA; i++) {
            aboutWren.add(agency.raiseConcern(idaToken, wren.id(), "They phoned me too, time " + i, true));
        }
    }

    @Test
    void aParticipantPagesThroughTheirOwnIncidentsOnlyEachOnceAndAuditedOnce() {
        long readsBefore = allowedReadsBy(ivo);

        Walk walk = walk("/api/v1/incidents?limit=7", ivoToken);

        assertThat(walk.sizes()).containsExactly(7, 7, 7, 4);
        assertThat(walk.ids()).hasSize(IVO_INCIDENTS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walk.ids())).isEqualTo(ivoIncidents);
        assertThat(allowedReadsBy(ivo) - readsBefore)
                .as("each incident listed is read once, the one that tells of a next page is not")
                .isEqualTo(IVO_INCIDENTS);
    }

    @Test
    void aHandlerPagesThroughEveryIncidentOfTheAgencyAndNoOtherAgencys() {
        Walk walk = walk("/api/v1/incidents?limit=7", lenaToken);

        assertThat(walk.sizes()).containsExactly(7, 7, 7, 7, 7);
        assertThat(walk.ids()).doesNotHaveDuplicates();
        Set<String> all = new HashSet<>(ivoIncidents);
        all.addAll(idaIncidents);
        assertThat(new HashSet<>(walk.ids())).isEqualTo(all);

        List<String> demoIncidents =
                walk("/api/v1/incidents?limit=200", demo.demoToken("privacy")).ids();
        assertThat(demoIncidents).doesNotContainAnyElementsOf(all);
    }

    @Test
    void aHandlerNeverFindsAConcernAboutThemselvesNorAShortPage() {
        Walk mine = walk("/api/v1/concerns?all=true&limit=5", moToken);

        assertThat(mine.sizes()).containsExactly(5, 5, 2);
        assertThat(new HashSet<>(mine.ids())).isEqualTo(aboutWren);
        assertThat(mine.bodies())
                .noneMatch(c -> c.get("raisedById") != null
                        && !c.get("raisedById").isNull()
                        && c.get("anonymous").asBoolean());
        assertThat(mine.next().get(0)).contains("all=true");

        Walk lenas = walk("/api/v1/concerns?limit=7", lenaToken);
        assertThat(lenas.sizes()).containsExactly(7, 7, 6);
        Set<String> all = new HashSet<>(aboutWren);
        all.addAll(aboutMo);
        assertThat(new HashSet<>(lenas.ids())).isEqualTo(all);
    }

    @Test
    void aRaiserPagesThroughTheConcernsTheyRaisedAnonymousOnesIncluded() {
        Walk ivos = walk("/api/v1/me/concerns?limit=5", ivoToken);

        assertThat(ivos.sizes()).containsExactly(5, 5, 5, 1);
        assertThat(ivos.ids()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ivos.ids())).isEqualTo(raisedByIvo);
        assertThat(walk("/api/v1/me/concerns", idaToken).ids())
                .hasSize(ABOUT_WREN_BY_IDA)
                .doesNotContainAnyElementsOf(raisedByIvo);
    }

    @Test
    void aPersonPagesThroughTheirNoticesOnlyNewestFirst() {
        Walk ivos = walk("/api/v1/me/notices?limit=6", ivoToken);

        int ivosNotices = agency.notices(ivo.id());
        assertThat(ivos.ids()).hasSize(ivosNotices).doesNotHaveDuplicates();
        assertThat(ivos.sizes().subList(0, ivos.sizes().size() - 1)).containsOnly(6);
        assertThat(ivos.bodies().stream()
                        .filter(n -> n.get("kind").asString().equals("INCIDENT_INVOLVES_YOU"))
                        .map(n -> n.get("link").asString().replace("/incidents/", "")))
                .containsExactlyInAnyOrderElementsOf(ivoIncidents);

        Walk idas = walk("/api/v1/me/notices?limit=200", idaToken);
        assertThat(idas.ids()).hasSize(agency.notices(ida.id())).doesNotContainAnyElementsOf(ivos.ids());
        Api.Response lenas = api.get("/api/v1/me/notices", lenaToken);
        assertThat(lenas.json()).hasSize(Notices.PAGE);
        assertThat(lenas.next()).contains("limit=" + Notices.PAGE);
    }

    @Test
    void refusesABadLimitOrCursorAndChangesNothing() {
        long entries = agency.rows("audit_entry");
        for (String list :
                List.of("/api/v1/incidents", "/api/v1/concerns", "/api/v1/me/concerns", "/api/v1/me/notices")) {
            for (String bad : List.of(
                    "?limit=0",
                    "?limit=201",
                    "?after=not-a-cursor",
                    "?after=" + Api.cursor("2026-01-01T00:00:00Z|not-an-id"),
                    "?after=" + Api.cursor("+1000000000-12-31T23:59:59Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                    "?after=" + Api.cursor("2026-01-01T00:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71|x"))) {
                Api.Response refused = api.get(list + bad, lenaToken);
                assertThat(refused.status())
                        .as(list + bad + " " + refused.body())
                        .isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(agency.rows("audit_entry"))
                .as("a refused page reads nothing")
                .isEqualTo(entries);
    }

    @Test
    void aCursorOpensNothing() {
        String next = api.get("/api/v1/concerns?limit=2", lenaToken).next();
        String after = next.substring(next.indexOf("after=") + "after=".length());

        assertThat(api.get("/api/v1/concerns?after=" + after, ivoToken).status())
                .isEqualTo(403);
        assertThat(walk("/api/v1/incidents?limit=200&after=" + after, idaToken).ids())
                .isSubsetOf(idaIncidents);
    }

    @Test
    void thePagesShowThirtyAndALinkToOlderOnes() {
        var browser = agency.browser(lena);
        for (String page : List.of("/incidents", "/notices")) {
            String first = browser.get(page).body();
            assertThat(items(page, first)).as(page).isEqualTo(30);
            Matcher older = Pattern.compile("href=\"([^\"]*after=[^\"]*)\"").matcher(first);
            assertThat(older.find()).as(page).isTrue();
            var second = browser.get(older.group(1).replace("&amp;", "&"));
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(items(page, second.body())).as(page).isPositive().isLessThan(30);
            assertThat(second.body()).contains("Back to the newest");
        }
        String concerns = browser.get("/concerns").body();
        assertThat(concerns).doesNotContain("Older concerns").doesNotContain("Back to the newest");
    }

    private static int items(String page, String html) {
        Pattern item = page.equals("/incidents")
                ? Pattern.compile("href=\"/incidents/[0-9a-f-]{36}\"")
                : Pattern.compile("action=\"/notices/[0-9a-f-]{36}/read\"");
        return (int) item.matcher(html).results().count();
    }

    /** The items of every page from the first, following the {@code Link} header. */
    record Walk(List<Integer> sizes, List<String> ids, List<JsonNode> bodies, List<String> next) {}

    private Walk walk(String first, String token) {
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<JsonNode> bodies = new ArrayList<>();
        List<String> links = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (Api.Response page : api.pages(first, token)) {
            JsonNode items = page.json();
            assertThat(items.isArray()).isTrue();
            for (JsonNode item : items) {
                Instant at = Instant.parse(item.get("createdAt").asString());
                assertThat(at).as("newest first").isBeforeOrEqualTo(previous);
                previous = at;
                ids.add(item.get("id").asString());
                bodies.add(item);
            }
            sizes.add(items.size());
            if (page.next() != null) {
                links.add(page.next());
                assertThat(items.size())
                        .as("a page followed by another is full")
                        .isPositive();
            }
        }
        return new Walk(sizes, ids, bodies, links);
    }

    private long allowedReadsBy(Person reader) {
        return jdbc.sql("""
                        select count(*) from audit_entry where actor_id = :p and outcome = 'ALLOWED'
                          and action = 'READ' and record_kind = 'SAFETY_RECORDS'
                        """).param("p", reader.id().value()).query(Long.class).single();
    }
}
