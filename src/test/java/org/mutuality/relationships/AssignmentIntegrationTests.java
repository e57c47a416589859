package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A declaration never opens a record (issue 13, finding 1 and 2): assignments are made only by a
 * manager or supervisor of the program who is neither of the two people; personal relationships only
 * by one of the two (or the privacy lead). Walks every kind × every role × three cases.
 */
@IntegrationTest
class AssignmentIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAgency demo;

    Api api;

    @BeforeEach
    void setUp() {
        api = demo.api();
    }

    /** Who is recording: every role alone, and a clinician lead (clinician and supervisor at once). */
    enum Recorder {
        PEER_WORKER(Role.PEER_WORKER),
        VOLUNTEER_PEER(Role.VOLUNTEER_PEER),
        PARTICIPANT(Role.PARTICIPANT),
        SERVICE_USER(Role.SERVICE_USER),
        CLINICIAN(Role.CLINICIAN),
        SUPERVISOR(Role.SUPERVISOR),
        MANAGER(Role.MANAGER),
        RESEARCHER(Role.RESEARCHER),
        PRIVACY_LEAD(Role.PRIVACY_LEAD),
        ADMINISTRATOR(Role.ADMINISTRATOR),
        CLINICIAN_LEAD(Role.CLINICIAN, Role.SUPERVISOR);

        final Set<Role> roles;

        Recorder(Role first, Role... more) {
            this.roles = EnumSet.of(first, more);
        }

        /**
         * How a refused read of someone else's notes answers this recorder: 403 to staff, who may see
         * everyone in the directory; to a participant or service user, who may see only themselves,
         * the other person reads as missing (404), so that the refusal does not tell they exist.
         */
        int refusalAboutOthers() {
            return roles.stream().anyMatch(Role::isStaff) ? 403 : 404;
        }
    }

    enum Case {
        SELF_AS_A,
        SELF_AS_B,
        TWO_OTHERS
    }

    /**
     * The policy, written out independently of the product: whether the recorder may record this
     * kind in this case, when everyone involved works in one program.
     */
    static boolean expectedAllowed(Recorder recorder, RelationshipKind kind, Case c) {
        boolean assignment = EnumSet.of(
                        RelationshipKind.TREATS,
                        RelationshipKind.SUPPORTS,
                        RelationshipKind.SUPERVISES,
                        RelationshipKind.APPROVES_TIME,
                        RelationshipKind.INTERVIEWS)
                .contains(kind);
        if (!assignment) {
            return c != Case.TWO_OTHERS || recorder == Recorder.PRIVACY_LEAD;
        }
        if (c != Case.TWO_OTHERS) {
            return false;
        }
        if (kind == RelationshipKind.TREATS) {
            return recorder == Recorder.MANAGER || recorder == Recorder.CLINICIAN_LEAD;
        }
        return recorder == Recorder.MANAGER || recorder == Recorder.SUPERVISOR || recorder == Recorder.CLINICIAN_LEAD;
    }

    @Test
    void letsNobodyOpenARecordOutsideTheAssignmentRule() {
        // An agency of its own, so the hundreds of people the walk adds stay out of the demo's lists.
        TestAgency walk = demo.inAgency("Walk");
        Map<Recorder, String> tokens = new LinkedHashMap<>();
        Map<Recorder, String> ids = new LinkedHashMap<>();
        for (Recorder recorder : Recorder.values()) {
            TestAgency.NewPerson recording = walk.person("Recorder " + recorder);
            recorder.roles.forEach(recording::role);
            Person person = recording.account().create();
            tokens.put(recorder, walk.token(person));
            ids.put(recorder, person.id().value().toString());
        }

        int walked = 0;
        List<String> wrong = new ArrayList<>();
        for (Recorder recorder : Recorder.values()) {
            for (RelationshipKind kind : RelationshipKind.values()) {
                for (Case c : Case.values()) {
                    String me = ids.get(recorder);
                    String worker = worker(walk, kind);
                    String participant = id(walk.person("Participant").role(Role.PARTICIPANT));
                    String a = c == Case.SELF_AS_A ? me : worker;
                    String b = c == Case.SELF_AS_B ? me : participant;
                    Api.Response response = api.post(
                            "/api/v1/relationships",
                            tokens.get(recorder),
                            Api.json(Map.of("kind", kind.name(), "personAId", a, "personBId", b, "acknowledge", true)));
                    boolean allowed = expectedAllowed(recorder, kind, c);
                    int expected = allowed ? 201 : 403;
                    if (response.status() != expected) {
                        wrong.add(recorder + " " + kind + " " + c + ": expected " + expected + ", was "
                                + response.status() + " " + response.body());
                    }
                    if (c == Case.SELF_AS_A) {
                        // Whatever was or was not recorded, the recorder reads nothing of the other person.
                        for (String kindOfNotes : List.of("CARE_NOTES", "SUPPORT_NOTES")) {
                            int read = api.get(
                                            "/api/v1/people/" + b + "/notes?kind=" + kindOfNotes, tokens.get(recorder))
                                    .status();
                            if (read != recorder.refusalAboutOthers()) {
                                wrong.add(recorder + " " + kind + " read " + kindOfNotes + " of the other: " + read);
                            }
                        }
                    }
                    walked++;
                }
            }
        }
        assertThat(walked).isEqualTo(Recorder.values().length * RelationshipKind.values().length * 3);
        assertThat(wrong).isEmpty();
    }

    @Test
    void refusesAParticipantWhoRecordsThatTheyTreatAPeerWorker() {
        String participant = api.demoToken("participant");
        String julie = Demo.personId(jdbc, "Julie Roy");
        String jordan = Demo.personId(jdbc, "Jordan Lee");

        Api.Response recorded = api.post(
                "/api/v1/relationships",
                participant,
                Api.json(Map.of("kind", "TREATS", "personAId", julie, "personBId", jordan, "acknowledge", true)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(403);
        // Julie may not see Jordan in the directory: his notes read as if he did not exist.
        assertThat(api.get("/api/v1/people/" + jordan + "/notes?kind=CARE_NOTES", participant)
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/people/" + jordan + "/notes",
                                participant,
                                Api.json(Map.of("kind", "CARE_NOTES", "text", "Forged")))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesAnAdministratorWhoAssignsThemselvesToSupportAParticipant() {
        String admin = api.demoToken("admin");
        String alex = Demo.personId(jdbc, "Alexandra Morgan");
        String emma = Demo.personId(jdbc, "Emma Wilson");

        Api.Response recorded = api.post(
                "/api/v1/relationships",
                admin,
                Api.json(Map.of("kind", "SUPPORTS", "personAId", alex, "personBId", emma, "acknowledge", true)));

        assertThat(recorded.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/people/" + emma + "/notes?kind=SUPPORT_NOTES", admin)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void letsTheClinicLeadAssignCareAndTellsBothPeople() {
        PersonId helene = demo.demoPerson("Hélène Tremblay");
        PersonId lucas = demo.demoPerson("Lucas Pelletier");
        int before = demo.notices(helene) + demo.notices(lucas);

        Api.Response recorded = api.post(
                "/api/v1/relationships",
                api.demoToken("clinic-lead"),
                Api.json(Map.of(
                        "kind",
                        "TREATS",
                        "personAId",
                        helene.toString(),
                        "personBId",
                        lucas.toString(),
                        "acknowledge",
                        true)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("source").asString()).isEqualTo("ASSIGNMENT");
        assertThat(demo.notices(helene) + demo.notices(lucas)).isEqualTo(before + 2);
        assertThat(api.get("/api/v1/people/" + lucas + "/notes?kind=CARE_NOTES", api.demoToken("psychiatrist"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void asksTheManagerToAcknowledgeAWarningBeforeAssigningSupport() {
        long before = count();

        Api.Response unacknowledged =
                api.post("/api/v1/relationships", api.demoToken("manager"), Api.json(marcSupportsLouise(false)));

        assertThat(unacknowledged.status()).as(unacknowledged.body()).isEqualTo(409);
        assertThat(unacknowledged.json().get("decision").asString()).isNotEqualTo("BLOCK");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void assignsSupportOnceTheManagerAcknowledgesTheWarning() {
        Api.Response acknowledged =
                api.post("/api/v1/relationships", api.demoToken("manager"), Api.json(marcSupportsLouise(true)));

        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
    }

    private Map<String, Object> marcSupportsLouise(boolean acknowledge) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "kind",
                "SUPPORTS",
                "personAId",
                Demo.personId(jdbc, "Marc-André Gagnon"),
                "personBId",
                Demo.personId(jdbc, "Louise Bernard")));
        if (acknowledge) {
            body.put("acknowledge", true);
        }
        return body;
    }

    @Test
    void showsThePersonWhoCanSeeTheirRecordAndWhy() {
        Api.Response readers = api.get(
                "/api/v1/people/" + Demo.personId(jdbc, "Julie Roy") + "/readers", api.demoToken("participant"));

        assertThat(readers.status()).isEqualTo(200);
        assertThat(readers.body()).contains(Demo.personId(jdbc, "Jordan Lee")).contains("ASSIGNMENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"peer2", "admin"})
    void answersNotFoundToAnyoneElseAskingWhoCanSeeAPersonsRecord(String caller) {
        Api.Response readers =
                api.get("/api/v1/people/" + Demo.personId(jdbc, "Julie Roy") + "/readers", api.demoToken(caller));

        assertThat(readers.status()).isEqualTo(404);
    }

    @Test
    void refusesAPeerWorkerWhoEndsTheirOwnSupervision() {
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        String sam = Demo.personId(jdbc, "Samuel Okafor");
        UUID supervision = jdbc.sql("select id from relationship where kind = 'SUPERVISES' and person_a_id = :a"
                        + " and person_b_id = :b and end_date is null")
                .param("a", UUID.fromString(sam))
                .param("b", UUID.fromString(jordan))
                .query(UUID.class)
                .list()
                .get(0);

        Api.Response ended = api.post("/api/v1/relationships/" + supervision + "/end", api.demoToken("peer"), "{}");

        assertThat(ended.status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} may not record {1} from {2} to {3}")
    @CsvSource({
        // a peer supervisor assigns no care
        "supervisor, TREATS, Hélène Tremblay, Grace Adeyemi",
        // the clinic lead may not make a clinician the supervisor of a peer worker
        "clinic-lead, SUPERVISES, Hélène Tremblay, Marc-André Gagnon",
        // a peer supervisor may not assign support to someone outside peer support (a clinic patient)
        "supervisor, SUPPORTS, Marc-André Gagnon, Aisha Mohamed"
    })
    void refusesAnAssignmentOutsideTheRecordersPrograms(String recorder, String kind, String a, String b) {
        long before = count();

        Api.Response recorded = api.post(
                "/api/v1/relationships",
                api.demoToken(recorder),
                Api.json(Map.of(
                        "kind",
                        kind,
                        "personAId",
                        Demo.personId(jdbc, a),
                        "personBId",
                        Demo.personId(jdbc, b),
                        "acknowledge",
                        true)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from relationship").query(Long.class).single();
    }

    private static String worker(TestAgency walk, RelationshipKind kind) {
        Role role = switch (kind) {
            case TREATS -> Role.CLINICIAN;
            case INTERVIEWS -> Role.RESEARCHER;
            default -> Role.PEER_WORKER;
        };
        return id(walk.person("Worker " + kind).role(role));
    }

    private static String id(TestAgency.NewPerson person) {
        return person.create().id().value().toString();
    }
}
