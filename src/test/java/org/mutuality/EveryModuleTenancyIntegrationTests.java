package org.mutuality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.access.BreakGlass;
import org.mutuality.access.BreakGlassReason;
import org.mutuality.access.ConsentDirectives;
import org.mutuality.access.RecordKind;
import org.mutuality.contact.Contact;
import org.mutuality.directory.Person;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.records.Records;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.safety.Concerns;
import org.mutuality.safety.Incidents;
import org.mutuality.safety.Pauses;
import org.mutuality.safety.RolePause;
import org.mutuality.safety.RolePauses;
import org.mutuality.shared.AgencyId;
import org.mutuality.support.Groups;
import org.mutuality.support.InteractionKind;
import org.mutuality.support.Interactions;
import org.mutuality.support.Preferences;
import org.mutuality.support.RecordInteraction;
import org.mutuality.support.Referrals;
import org.mutuality.support.SupportGroup;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.Timesheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tenancy in every module: a second agency's records, made through each module's own API, are out
 * of reach of the demo agency's administrator, privacy lead and peer worker (404 on every read and
 * every change, 403 where their role refuses the act whatever the id, and not one of agency B's rows
 * changes), and agency B's administrator cannot reach
 * the demo agency's.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryModuleTenancyIntegrationTests {

    static final List<String> CALLERS = List.of("admin", "privacy", "peer");

    @Autowired
    TestAgency demo;

    @Autowired
    RelationshipRegister register;

    @Autowired
    BoundaryPlans boundaryPlans;

    @Autowired
    Records records;

    @Autowired
    Interactions interactions;

    @Autowired
    Referrals referrals;

    @Autowired
    Groups groups;

    @Autowired
    Contact contact;

    @Autowired
    Concerns concerns;

    @Autowired
    Incidents incidents;

    @Autowired
    RolePauses pauses;

    @Autowired
    BreakGlass breakGlass;

    @Autowired
    ConsentDirectives directives;

    @Autowired
    Timesheets timesheets;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AgencyId agencyB;
    String bAdminToken;
    final Map<String, String> ids = new HashMap<>();
    final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void createAgencyBAndItsRecords() {
        api = demo.api();
        LocalDate today = demo.today();
        LocalDate start = today.minusMonths(6);
        TestAgency b = demo.inAgency("Agency B");
        agencyB = b.id();
        Program program = b.program("B peer support");
        Person admin = b.person("B Admin")
                .roleAcrossAgency(Role.ADMINISTRATOR)
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .role(Role.MANAGER, program)
                .account()
                .create();
        Person supervisor =
                b.person("B Supervisor").role(Role.SUPERVISOR, program).create();
        Person peer = b.person("B Peer").role(Role.PEER_WORKER, program).create();
        Person participant =
                b.person("B Participant").role(Role.PARTICIPANT, program).create();
        bAdminToken = b.token(admin);
        SignedInUser bAdmin = b.signedIn(admin);
        SignedInUser bSupervisor = b.signedIn(supervisor);
        SignedInUser bPeer = b.signedIn(peer);
        SignedInUser bParticipant = b.signedIn(participant);

        ids.put("program", program.id().value().toString());
        ids.put("peer", peer.id().value().toString());
        ids.put("participant", participant.id().value().toString());
        ids.put(
                "relationship",
                register.derive(
                                bAdmin,
                                new DeclareRelationship(
                                        RelationshipKind.SUPPORTS,
                                        peer.id(),
                                        participant.id(),
                                        start,
                                        null,
                                        null,
                                        null),
                                RelationshipSource.ASSIGNMENT)
                        .id()
                        .value()
                        .toString());
        register.derive(
                bAdmin,
                new DeclareRelationship(
                        RelationshipKind.APPROVES_TIME, supervisor.id(), peer.id(), start, null, null, null),
                RelationshipSource.ASSIGNMENT);
        boundaryPlans.save(bPeer, BoundaryPlan.empty(peer.id()));
        ids.put(
                "note",
                records.write(
                                bPeer,
                                participant.id(),
                                RecordKind.SUPPORT_NOTES,
                                today,
                                "A note written in agency B",
                                null)
                        .id()
                        .toString());
        ids.put(
                "interaction",
                interactions
                        .record(
                                bPeer,
                                participant.id(),
                                new RecordInteraction(
                                        InteractionKind.ONE_TO_ONE,
                                        today,
                                        30,
                                        null,
                                        Set.of(),
                                        false,
                                        "A talk in agency B",
                                        null))
                        .id()
                        .toString());
        ids.put(
                "referral",
                referrals
                        .refer(bAdmin, participant.id(), program.id(), "A referral in agency B", Preferences.none())
                        .id()
                        .toString());
        ids.put(
                "group",
                groups.create(
                                bAdmin,
                                program.id(),
                                "B group",
                                null,
                                new SupportGroup.Schedule(null, null, null),
                                peer.id())
                        .id()
                        .toString());
        contact.sendVerified(agencyB, participant.id(), Contact.To.PROGRAM, "A message in agency B");
        ids.put(
                "concern",
                concerns.raise(bParticipant, peer.id(), "A concern raised in agency B", false)
                        .id()
                        .toString());
        ids.put(
                "incident",
                incidents
                        .record(bPeer, today, "An incident recorded in agency B", null, List.of(participant.id()))
                        .id()
                        .toString());
        ids.put(
                "timesheet",
                timesheets
                        .record(bPeer, new RecordHours(today, new BigDecimal("2.5"), "Hours worked in agency B"))
                        .id()
                        .toString());
        ids.put(
                "directive",
                directives
                        .give(
                                bParticipant,
                                participant.id(),
                                supervisor.id(),
                                null,
                                null,
                                "A directive given in agency B")
                        .id()
                        .toString());
        ids.put(
                "grant",
                breakGlass
                        .open(
                                bSupervisor,
                                participant.id(),
                                RecordKind.SUPPORT_NOTES,
                                BreakGlassReason.RISK_OF_SERIOUS_HARM,
                                "B break the glass detail")
                        .id()
                        .toString());
        var pause = pauses.pause(
                bAdmin,
                new RolePause.Plan(
                        peer.id(),
                        Set.of(Pauses.Scope.CONTACT_WITH_PARTICIPANTS),
                        "A pause in agency B",
                        null,
                        List.of("A step back in agency B")),
                true);
        ids.put("pause", pause.id().toString());
        ids.put("step", pause.steps().get(0).id().toString());

        for (String caller : CALLERS) {
            tokens.put(caller, api.demoToken(caller));
        }
    }

    Stream<Arguments> agencyBEndpoints() {
        String participant = "/api/v1/people/" + ids.get("participant");
        String peer = ids.get("peer");
        String group = "/api/v1/groups/" + ids.get("group");
        String referral = "/api/v1/referrals/" + ids.get("referral");
        String concern = "/api/v1/concerns/" + ids.get("concern");
        String incident = "/api/v1/incidents/" + ids.get("incident");
        String pause = "/api/v1/pauses/" + ids.get("pause");
        String timesheet = "/api/v1/timesheets/" + ids.get("timesheet");
        String relationship = "/api/v1/relationships/" + ids.get("relationship");
        List<String[]> endpoints = List.of(
                new String[] {"GET", participant + "/notes?kind=SUPPORT_NOTES", null},
                new String[] {"POST", participant + "/notes", "{\"kind\":\"SUPPORT_NOTES\",\"text\":\"forged\"}"},
                new String[] {"POST", "/api/v1/notes/" + ids.get("note") + "/amend", "{\"text\":\"forged\"}"},
                new String[] {"GET", participant + "/interactions", null},
                new String[] {"POST", participant + "/interactions", "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30}"
                },
                new String[] {
                    "POST",
                    "/api/v1/interactions/" + ids.get("interaction") + "/amend",
                    "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30}"
                },
                new String[] {"GET", referral, null},
                new String[] {"GET", referral + "/suggestions", null},
                new String[] {"POST", referral + "/offer", "{}"},
                new String[] {"POST", referral + "/choice", "{\"peerId\":\"" + peer + "\",\"acknowledge\":true}"},
                new String[] {"POST", referral + "/answer", "{\"accept\":true}"},
                new String[] {"POST", referral + "/declined", "{}"},
                new String[] {"POST", referral + "/close", "{\"note\":\"forged\"}"},
                new String[] {"GET", group, null},
                new String[] {"POST", group + "/members", "{\"personId\":\"" + ids.get("participant") + "\"}"},
                new String[] {"POST", group + "/members/" + peer + "/leave", ""},
                new String[] {"PUT", group + "/leader", "{\"leaderId\":\"" + peer + "\",\"acknowledge\":true}"},
                new String[] {"POST", group + "/sessions", "{\"heldOn\":\"2026-01-05\",\"durationMinutes\":60}"},
                new String[] {"GET", participant + "/messages", null},
                new String[] {"POST", participant + "/messages", "{\"text\":\"forged\"}"},
                new String[] {"GET", "/api/v1/programs/" + ids.get("program") + "/contact-settings", null},
                new String[] {"GET", concern, null},
                new String[] {"POST", concern + "/take", "{\"acknowledge\":true}"},
                new String[] {"POST", concern + "/answer", "{\"answer\":\"forged\"}"},
                new String[] {"POST", concern + "/close", ""},
                new String[] {"GET", incident, null},
                new String[] {"POST", incident + "/accounts", "{\"text\":\"forged\"}"},
                new String[] {"POST", incident + "/take", "{\"acknowledge\":true}"},
                new String[] {"POST", incident + "/resolve", "{\"outcome\":\"BOUNDARY_RESTATED\"}"},
                new String[] {"GET", pause, null},
                new String[] {"POST", pause + "/note", "{\"note\":\"forged\"}"},
                new String[] {"POST", pause + "/steps/" + ids.get("step") + "/done", ""},
                new String[] {
                    "POST",
                    pause + "/reassign",
                    "{\"participantId\":\"" + ids.get("participant") + "\",\"peerId\":\"" + peer
                            + "\",\"acknowledge\":true}"
                },
                new String[] {"POST", pause + "/return", ""},
                new String[] {
                    "POST",
                    "/api/v1/access/break-glass",
                    "{\"subjectId\":\"" + ids.get("participant")
                            + "\",\"recordKind\":\"SUPPORT_NOTES\",\"reason\":\"RISK_OF_SERIOUS_HARM\","
                            + "\"detail\":\"forged across agencies\"}"
                },
                new String[] {
                    "POST", "/api/v1/access/break-glass/" + ids.get("grant") + "/review", "{\"outcome\":\"JUSTIFIED\"}"
                },
                new String[] {"GET", participant + "/consent-directives", null},
                new String[] {"POST", participant + "/consent-directives", "{\"note\":\"forged\"}"},
                new String[] {"POST", participant + "/consent-directives/" + ids.get("directive") + "/withdraw", ""},
                new String[] {"GET", timesheet, null},
                new String[] {"GET", timesheet + "/decisions", null},
                new String[] {"POST", timesheet + "/approve", "{\"consulted\":true}"},
                new String[] {"POST", timesheet + "/hand-over", "{\"approverId\":\"" + peer + "\"}"},
                new String[] {"GET", timesheet + "/versions", null},
                new String[] {"POST", timesheet + "/question", "{\"text\":\"forged\",\"consulted\":true}"},
                new String[] {"POST", timesheet + "/return", "{\"reason\":\"forged\",\"consulted\":true}"},
                new String[] {"POST", timesheet + "/answer", "{\"text\":\"forged\"}"},
                new String[] {
                    "POST", timesheet + "/correct", "{\"date\":\"2026-01-05\",\"hours\":1,\"activity\":\"forged\"}"
                },
                new String[] {"GET", "/api/v1/timesheets/weeks/" + peer, null},
                new String[] {"GET", relationship, null},
                new String[] {"GET", participant + "/relationships", null},
                new String[] {"POST", relationship + "/end", "{}"},
                new String[] {
                    "POST",
                    "/api/v1/relationships",
                    "{\"kind\":\"FRIEND\",\"personAId\":\"" + peer + "\",\"personBId\":\"" + ids.get("participant")
                            + "\"}"
                });
        return CALLERS.stream()
                .flatMap(caller ->
                        endpoints.stream().map(e -> Arguments.of(e[0], e[1], e[2], caller, expected(e[1], caller))));
    }

    /**
     * Not found, except where the caller's role alone refuses the act before any record is looked
     * up: only a privacy lead reviews break-the-glass, so the others hear 403 for any id.
     */
    private static int expected(String path, String caller) {
        return path.endsWith("/review") && !caller.equals("privacy") ? 403 : 404;
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("agencyBEndpoints")
    void refusesTheDemoAgencyAndChangesNothingOfAgencyB(
            String method, String path, String body, String caller, int expected) {
        String before = snapshotOfAgencyB();

        Api.Response response = send(method, path, body, tokens.get(caller));

        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        assertThat(snapshotOfAgencyB()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JULIE/notes?kind=SUPPORT_NOTES", "JULIE/consent-directives", "JULIE/messages", "REFERRAL"})
    void answersAgencyBAdministratorNotFoundForTheDemoAgencysRecords(String path) {
        String url = path.startsWith("JULIE")
                ? path.replace("JULIE", "/api/v1/people/" + julie())
                : "/api/v1/referrals/" + demoReferral();

        assertThat(api.get(url, bAdminToken).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/access/break-glass", "/api/v1/concerns", "/api/v1/pauses"})
    void listsNothingOfTheDemoAgencyToAgencyBAdministrator(String list) {
        assertThat(api.get(list, bAdminToken).body()).doesNotContain(julie());
    }

    private String julie() {
        return demo.demoPerson("Julie Roy").value().toString();
    }

    private String demoReferral() {
        return jdbc.sql("select r.id from referral r join agency a on a.id = r.agency_id"
                        + " where a.demo = true order by r.id limit 1")
                .query(UUID.class)
                .single()
                .toString();
    }

    private Api.Response send(String method, String path, String body, String token) {
        return switch (method) {
            case "GET" -> api.get(path, token);
            case "PUT" -> api.put(path, token, body);
            default -> api.post(path, token, body);
        };
    }

    /** Every row of every table that carries agency B's id, as text, so any change shows. */
    private String snapshotOfAgencyB() {
        List<String> tables = jdbc.sql("select table_name from information_schema.columns"
                        + " where lower(column_name) = 'agency_id' and lower(table_schema) = lower(current_schema())"
                        + " and lower(table_name) not like 'audit%' order by table_name")
                .query(String.class)
                .list();
        StringBuilder snapshot = new StringBuilder();
        for (String table : tables) {
            snapshot.append(table)
                    .append(jdbc
                            .sql("select * from " + table + " where agency_id = :agency")
                            .param("agency", agencyB.value())
                            .query()
                            .listOfRows()
                            .stream()
                            .map(Object::toString)
                            .sorted()
                            .toList());
        }
        return snapshot.toString();
    }
}
