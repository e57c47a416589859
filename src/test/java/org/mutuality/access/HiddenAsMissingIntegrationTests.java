package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A person or record the caller may not see answers exactly as one that does not exist: the same
 * status and the same body, but for the id (issue 13, review: existence leaks). Each case is a pair
 * of requests, one about something real but hidden and one about something missing.
 *
 * <p>The walk takes every handler whose route names a person ({@code people/{id}},
 * {@code participants/{id}}, {@code threads/{id}}), pages and API, by reflection over the request
 * mappings, so a new route is walked without anyone adding it here, plus the writes that name a
 * person in their body and the amendments of a note or an interaction (by the record's id). It calls
 * each about Jordan Lee (or a demo record) and about a random id, with a valid body, an empty one and
 * bad input, as a participant who is a party to nothing and as an administrator of another agency; a
 * redirect is followed once, since a flash message can tell what the status hides. The hidden request
 * must leave its refused entry about Jordan (ADR 0015). Then the pairs a route alone cannot show: a
 * referral to someone who already has one, and a user name taken in another agency (ADR 0016).
 *
 * <p>Mail is configured (on a port nobody listens on) so that opening an account gets as far as the
 * user name; nothing here waits for an email.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3999"})
class HiddenAsMissingIntegrationTests {

    static final String PASSWORD = "hidden-as-missing-2026";

    /**
     * Bodies that pass validation, so that each write reaches the question of who may make it. In the
     * route or the body, {@code {id}} is the person asked about and {@code {program}} the Peer Support
     * program.
     */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("PUT /api/v1/people/{id}", "{\"legalName\":\"Walk\"}"),
            Map.entry("POST /api/v1/people/{id}/roles", "{\"role\":\"PARTICIPANT\"}"),
            Map.entry("POST /api/v1/people/{id}/account", "{\"username\":\"walk-hidden-api\"}"),
            Map.entry("POST /api/v1/people/{id}/notes", "{\"kind\":\"CARE_NOTES\",\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/people/{id}/consent-directives", "{\"recordKind\":\"SUPPORT_NOTES\"}"),
            Map.entry("POST /api/v1/people/{id}/messages", "{\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/people/{id}/interactions", "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":20}"),
            Map.entry("POST /people/{id}", "legalName=Walk&version=0"),
            Map.entry("POST /people/{id}/roles", "role=PARTICIPANT&startDate=2025-01-06"),
            Map.entry("POST /people/{id}/account", "username=walk-hidden-page"),
            Map.entry("POST /people/{id}/relationships", "kind=FRIEND"),
            Map.entry("POST /people/{id}/notes", "kind=CARE_NOTES&text=walk"),
            Map.entry("POST /people/{id}/break-glass", "kind=CARE_NOTES&reason=OTHER&detail=walking every handler"),
            Map.entry("POST /people/{id}/consent", "recordKind=SUPPORT_NOTES"),
            Map.entry("POST /contact/threads/{id}", "text=walk"),
            Map.entry("POST /support/participants/{id}/interactions", "kind=PHONE_CALL&durationMinutes=20"),
            Map.entry(
                    "POST /api/v1/access/break-glass",
                    "{\"subjectId\":\"{id}\",\"recordKind\":\"CARE_NOTES\",\"reason\":\"OTHER\","
                            + "\"detail\":\"walking every handler\"}"),
            Map.entry(
                    "POST /api/v1/referrals",
                    "{\"personId\":\"{id}\",\"programId\":\"{program}\",\"reason\":\"walking every handler\"}"),
            Map.entry("POST /referrals", "personId={id}&programId={program}&reason=walking every handler"),
            Map.entry(
                    "POST /api/v1/supervision/sessions",
                    "{\"superviseeId\":\"{id}\",\"heldOn\":\"2025-01-06\",\"minutes\":60,\"form\":\"PEER\"}"),
            Map.entry("POST /supervision/sessions", "superviseeId={id}&heldOn=2025-01-06&minutes=60&form=PEER"),
            Map.entry(
                    "POST /api/v1/consultations",
                    "{\"action\":\"ASSIGN_SUPPORT\",\"subjectId\":\"{id}\","
                            + "\"actorId\":\"0b0b0b0b-0000-4000-8000-000000000000\","
                            + "\"situation\":\"walking every handler\"}"),
            Map.entry(
                    "POST /consultations",
                    "action=ASSIGN_SUPPORT&subjectId={id}&actorId=0b0b0b0b-0000-4000-8000-000000000000"
                            + "&situation=walking every handler"),
            Map.entry(
                    "POST /api/v1/people/{id}/trainings",
                    "{\"trainingId\":\"0b0b0b0b-0000-4000-8000-000000000000\",\"completedOn\":\"2025-01-06\","
                            + "\"provider\":\"walk\",\"hours\":1}"),
            Map.entry(
                    "POST /api/v1/people/{id}/certifications",
                    "{\"body\":\"walk\",\"number\":\"1\",\"issuedOn\":\"2025-01-06\"}"),
            Map.entry(
                    "POST /people/{id}/training/records",
                    "trainingId=0b0b0b0b-0000-4000-8000-000000000000&completedOn=2025-01-06&provider=walk&hours=1"),
            Map.entry("POST /people/{id}/training/certifications", "body=walk&number=1&issuedOn=2025-01-06"),
            Map.entry("PUT /api/v1/people/{id}/work-plan", "{\"goals\":[\"walk\"]}"),
            Map.entry("POST /api/v1/people/{id}/work-plan/sign", "{\"stage\":\"MID_YEAR\",\"text\":\"walk\"}"),
            Map.entry("POST /people/{id}/work-plan", "year=2026&goal=walk"),
            Map.entry("POST /people/{id}/work-plan/sign", "year=2026&stage=MID_YEAR&text=walk"),
            Map.entry("PUT /api/v1/people/{id}/onboarding", "{\"done\":[]}"),
            Map.entry("POST /api/v1/people/{id}/onboarding/steps", "{\"title\":\"walk\",\"week\":1}"),
            Map.entry("PUT /api/v1/people/{id}/onboarding/owners", "{\"step\":1,\"ownerId\":\"{id}\"}"),
            Map.entry("POST /api/v1/people/{id}/onboarding/check-ins", "{\"date\":\"2026-01-05\",\"note\":\"walk\"}"),
            Map.entry("POST /people/{id}/onboarding/owner", "step=1&owner={id}"),
            Map.entry("POST /api/v1/notes/{noteId}/amend", "{\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/interactions/{id}/amend", "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":20}"),
            Map.entry(
                    "POST /support/interactions/{id}/amend",
                    "participant=0b0b0b0b-0000-4000-8000-000000000000&kind=PHONE_CALL&durationMinutes=20"));

    /**
     * Handlers that amend a record about a person, asked for by the record's own id: a hidden record
     * (one of the demo agency's, from this table) reads as a missing one, never naming its person.
     */
    static final Map<String, String> RECORD_ROUTES = Map.of(
            "POST /api/v1/notes/{noteId}/amend", "record_note",
            "POST /api/v1/interactions/{id}/amend", "interaction",
            "POST /support/interactions/{id}/amend", "interaction");

    /**
     * Bodies that bind but that the module refuses as bad input: checked before the person is looked
     * up, or after the refusal, they answer the same for the hidden and the missing.
     */
    static final Map<String, String> BAD_INPUT = Map.ofEntries(
            Map.entry(
                    "POST /api/v1/people/{id}/roles",
                    "{\"role\":\"PARTICIPANT\",\"startDate\":\"2025-02-01\",\"endDate\":\"2025-01-01\"}"),
            Map.entry("POST /api/v1/people/{id}/roles/{roleId}/end", "{\"endDate\":\"1999-01-01\"}"),
            Map.entry("POST /api/v1/people/{id}/account", "{\"username\":\"no spaces here\"}"),
            Map.entry(
                    "POST /api/v1/people/{id}/notes",
                    "{\"kind\":\"CARE_NOTES\",\"text\":\"walk\",\"date\":\"2999-01-01\"}"),
            Map.entry("POST /api/v1/people/{id}/messages", "{\"text\":\"   \"}"),
            Map.entry(
                    "POST /api/v1/people/{id}/interactions",
                    "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":20,\"occurredOn\":\"2999-01-01\"}"),
            Map.entry("POST /people/{id}/roles", "role=PARTICIPANT&startDate=2025-02-01&endDate=2025-01-01"),
            Map.entry("POST /people/{id}/account", "username=no spaces here"),
            Map.entry("POST /people/{id}/relationships", "kind=NOT_A_KIND"),
            Map.entry("POST /people/{id}/notes", "kind=CARE_NOTES&text=walk&date=2999-01-01"),
            Map.entry("POST /people/{id}/break-glass", "kind=CARE_NOTES&reason=OTHER&detail=short"),
            Map.entry("POST /contact/threads/{id}", "text=%20"),
            Map.entry(
                    "POST /support/participants/{id}/interactions",
                    "kind=PHONE_CALL&durationMinutes=20&occurredOn=2999-01-01"),
            Map.entry(
                    "POST /api/v1/access/break-glass",
                    "{\"subjectId\":\"{id}\",\"recordKind\":\"SUPPORT_NOTES\",\"reason\":\"OTHER\","
                            + "\"detail\":\"walking every handler\"}"),
            Map.entry(
                    "POST /api/v1/referrals", "{\"personId\":\"{id}\",\"programId\":\"{program}\",\"reason\":\"no\"}"),
            Map.entry("POST /referrals", "personId={id}&programId={program}&reason=no"),
            Map.entry(
                    "POST /api/v1/supervision/sessions",
                    "{\"superviseeId\":\"{id}\",\"heldOn\":\"2025-01-06\",\"minutes\":5,\"form\":\"PEER\"}"),
            Map.entry("POST /supervision/sessions", "superviseeId={id}&heldOn=2025-01-06&minutes=5&form=PEER"),
            Map.entry(
                    "POST /api/v1/interactions/{id}/amend",
                    "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":20,\"occurredOn\":\"2999-01-01\"}"),
            Map.entry(
                    "POST /support/interactions/{id}/amend",
                    "participant=0b0b0b0b-0000-4000-8000-000000000000&kind=PHONE_CALL&durationMinutes=20"
                            + "&occurredOn=2999-01-01"));

    /**
     * Handlers that name the person in their body rather than their route. Not {@code POST
     * /api/v1/relationships}: anyone may declare how they know someone whose id they have (ADR 0010),
     * so a declaration necessarily tells that the id is a person's (ADR 0016).
     */
    static final Set<String> PERSON_IN_BODY = Set.of(
            "POST /api/v1/access/break-glass",
            "POST /api/v1/referrals",
            "POST /referrals",
            "POST /api/v1/supervision/sessions",
            "POST /supervision/sessions",
            "POST /api/v1/consultations",
            "POST /consultations");

    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIMES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?");
    private static final Pattern CSRF = Pattern.compile("(name=\"_csrf\"[^>]*(?:value|content)=\")[^\"]+");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    String jordan;
    Map<String, Caller> callers = new TreeMap<>();
    Caller outsiderAdmin;

    @BeforeAll
    void signInThoseWhoMayNotSeeJordan() {
        api = new Api(port);
        jordan = Demo.personId(jdbc, "Jordan Lee");
        AgencyId demo = directory.demoAgency().orElseThrow();
        Person stranger = directory.register(
                demo,
                new PersonDetails("Hidden Walk Stranger", null, null, null, null),
                List.of(new AssignRole(Role.PARTICIPANT, null, null, LocalDate.of(2025, 1, 1), null)));
        callers.put("a participant who is a party to nothing", caller(demo, stranger.id()));
        AgencyId other = directory.createAgency("Hidden Walk Agency " + tag(), false);
        Person admin = directory.register(
                other,
                new PersonDetails("Other Agency Admin", null, null, null, null),
                List.of(new AssignRole(Role.ADMINISTRATOR, null, null, LocalDate.of(2025, 1, 1), null)));
        outsiderAdmin = caller(other, admin.id());
        callers.put("an administrator of another agency", outsiderAdmin);
    }

    Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        Set<String> handlers = personRoutes();
        handlers.addAll(RECORD_ROUTES.keySet());
        for (String handler : handlers) {
            String hidden = RECORD_ROUTES.containsKey(handler) ? anyOf(RECORD_ROUTES.get(handler)) : jordan;
            for (Map.Entry<String, Caller> caller : callers.entrySet()) {
                pairs.add(Arguments.of(
                        handler + " as " + caller.getKey(),
                        (Function<String, Answer>) id -> caller.getValue().send(handler, id, BODIES.get(handler)),
                        hidden,
                        UUID.randomUUID().toString()));
                if (BODIES.containsKey(handler) && !PERSON_IN_BODY.contains(handler)) {
                    pairs.add(Arguments.of(
                            handler + " with an empty body, as " + caller.getKey(),
                            (Function<String, Answer>) id -> caller.getValue().send(handler, id, null),
                            hidden,
                            UUID.randomUUID().toString()));
                }
                if (BAD_INPUT.containsKey(handler)) {
                    pairs.add(Arguments.of(
                            handler + " with bad input, as " + caller.getKey(),
                            (Function<String, Answer>)
                                    id -> caller.getValue().send(handler, id, BAD_INPUT.get(handler)),
                            hidden,
                            UUID.randomUUID().toString()));
                }
            }
        }
        pairs.add(referralToSomeoneWhoAlreadyHasOne());
        pairs.add(userNameTakenInAnotherAgency());
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void answersTheHiddenExactlyAsTheMissing(
            String pair, Function<String, Answer> request, String hidden, String missing) {
        Set<String> before = refusalsAbout(jordan);

        Answer toHidden = request.apply(hidden);
        Answer toMissing = request.apply(missing);

        assertThat(toHidden.normalised(hidden))
                .as(pair + ": the hidden and the missing answers")
                .isEqualTo(toMissing.normalised(missing));
        if (hidden.equals(jordan) && toHidden.refused() && pair.contains("party to nothing")) {
            assertThat(refusalsAbout(jordan))
                    .as(pair + ": the refusal about Jordan is recorded")
                    .hasSizeGreaterThan(before.size());
        }
    }

    /**
     * A researcher refers someone who already has an open referral she may not see, and someone who
     * has none: she learns nothing from the answer.
     */
    private Arguments referralToSomeoneWhoAlreadyHasOne() {
        AgencyId demo = directory.demoAgency().orElseThrow();
        String program = peerSupport();
        String referred = participant(demo, "Referred Person").id().toString();
        String notReferred = participant(demo, "Referred Person").id().toString();
        Api.Response first = api.post("/api/v1/referrals", api.demoToken("manager"), referral(referred, program));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String researcher = api.demoToken("researcher");
        return Arguments.of(
                "POST /api/v1/referrals as a researcher, for someone with an open referral she may not see",
                (Function<String, Answer>)
                        id -> Answer.of(api.post("/api/v1/referrals", researcher, referral(id, program))),
                referred,
                notReferred);
    }

    /**
     * An administrator of another agency chooses a user name taken in the demo agency, and one taken
     * in her own: the answers are the same and name neither the name nor the agency. (That the name
     * is in use somewhere she does learn: user names are unique on the installation, ADR 0016.)
     */
    private Arguments userNameTakenInAnotherAgency() {
        AgencyId other = outsiderAdmin.agency();
        String person = directory
                .register(
                        other,
                        new PersonDetails("Invitee Elsewhere", null, null, "invitee-" + tag() + "@example.org", null),
                        List.of())
                .id()
                .toString();
        Map<String, String> taken = Map.of("ELSEWHERE", "admin", "HERE", outsiderAdmin.username());
        return Arguments.of(
                "POST /api/v1/people/{id}/account with a user name taken in another agency, or in her own",
                (Function<String, Answer>) where -> Answer.of(api.post(
                        "/api/v1/people/" + person + "/account",
                        outsiderAdmin.token(),
                        "{\"username\":\"" + taken.get(where) + "\"}")),
                "ELSEWHERE",
                "HERE");
    }

    private static String referral(String person, String program) {
        return "{\"personId\":\"" + person + "\",\"programId\":\"" + program
                + "\",\"reason\":\"Would like to talk with someone who has been there.\"}";
    }

    private Person participant(AgencyId agency, String name) {
        return directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(Role.PARTICIPANT, null, null, LocalDate.of(2025, 1, 1), null)));
    }

    private Caller caller(AgencyId agency, PersonId person) {
        String username = "hidden-walk-" + tag();
        directory.openAccount(agency, person, username, PASSWORD);
        String token = api.token(username, PASSWORD);
        // Staff attest their agency's code of conduct first, so the pages answer, not the attestation page.
        TestAgency.attestCodeOfConduct(api, token);
        return new Caller(agency, peerSupport(), username, token, api, BrowserSession.signIn(port, username, PASSWORD));
    }

    private String peerSupport() {
        return directory.programs(directory.demoAgency().orElseThrow()).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
    }

    /** Every handler whose route names a person, and those that name one in their body. */
    private Set<String> personRoutes() {
        Set<String> handlers = new TreeSet<>(PERSON_IN_BODY);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("/people/{id}")
                        && !pattern.startsWith("/support/participants/{id}")
                        && !pattern.startsWith("/contact/threads/{id}")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    handlers.add(method + " " + pattern);
                }
            }
        }
        assertThat(handlers).hasSizeGreaterThan(40);
        return handlers;
    }

    /** A record of the demo agency from this table. */
    private String anyOf(String table) {
        return jdbc.sql("select min(cast(t.id as varchar(36))) from " + table
                        + " t join agency a on a.id = t.agency_id where a.demo = true")
                .query(String.class)
                .single();
    }

    private Set<String> refusalsAbout(String person) {
        return new TreeSet<>(jdbc.sql("select cast(id as varchar(36)) from audit_entry where subject_id = :p"
                        + " and outcome = 'DENIED'")
                .param("p", UUID.fromString(person))
                .query(String.class)
                .list());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Someone signed in both ways, who may not see Jordan. */
    record Caller(AgencyId agency, String program, String username, String token, Api api, BrowserSession browser) {

        /** Sends the handler about {@code id}, with {@code body} (none: an empty one). */
        Answer send(String handler, String id, @Nullable String body) {
            String method = handler.substring(0, handler.indexOf(' '));
            String route = handler.substring(handler.indexOf(' ') + 1);
            String path = route.replaceFirst("\\{[a-zA-Z]+\\}", id)
                    .replaceAll("\\{[a-zA-Z]+\\}", "0b0b0b0b-0000-4000-8000-000000000000");
            if (body == null) {
                body = route.startsWith("/api/") ? "{}" : "";
            }
            body = body.replace("{id}", id).replace("{program}", program);
            if (route.startsWith("/api/")) {
                return switch (method) {
                    case "GET" -> Answer.of(api.get(path, token));
                    case "POST" -> Answer.of(api.post(path, token, body));
                    case "PUT" -> Answer.of(api.put(path, token, body));
                    default -> throw new AssertionError("no walk for " + handler);
                };
            }
            if (method.equals("GET")) {
                return Answer.of(browser, browser.get(path));
            }
            Map<String, String> form = new TreeMap<>();
            for (String field : body.split("&")) {
                if (!field.isEmpty()) {
                    form.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
                }
            }
            browser.get("/");
            return Answer.of(browser, browser.post(path, form));
        }
    }

    /** What a caller learns: the status, the body, and where a redirect leads with what it shows. */
    record Answer(int status, String body, String location, String then) {

        static Answer of(Api.Response response) {
            return new Answer(response.status(), response.body(), "", "");
        }

        static Answer of(BrowserSession browser, HttpResponse<String> response) {
            String location = response.headers().firstValue("Location").orElse("");
            String then = "";
            if (response.statusCode() / 100 == 3 && !location.isEmpty()) {
                HttpResponse<String> followed = browser.get(location.replaceFirst("^https?://[^/]+", ""));
                then = followed.statusCode() + " " + followed.body();
            }
            return new Answer(response.statusCode(), response.body(), location, then);
        }

        boolean refused() {
            return status == 403 || status == 404 || then.startsWith("403") || then.startsWith("404");
        }

        Answer normalised(String id) {
            return new Answer(status, clean(body, id), clean(location, id), clean(then, id));
        }

        private static String clean(String text, String id) {
            String out = text.replace(id, "ID");
            out = CSRF.matcher(out).replaceAll("$1CSRF");
            out = UUIDS.matcher(out).replaceAll("UUID");
            return TIMES.matcher(out).replaceAll("TIME");
        }
    }
}
