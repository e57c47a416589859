package org.mutuality.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.Team;
import org.mutuality.shared.AgencyId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one test fixture: the demo agency that {@link IntegrationTest} loads, and the people, roles,
 * relationships and sign-ins a test adds to it. People a test creates have their own names and
 * accounts, so tests never change what the demo's people see. Dates come from the application's
 * {@link Clock}, as the product's own dates do.
 *
 * <pre>{@code
 * @Autowired TestAgency agency;
 * Person peer = agency.person("Ada Peer").role(Role.PEER_WORKER).account("ada-peer").create();
 * String token = agency.token(peer);
 * }</pre>
 *
 * <p>A test whose people must stay out of the demo's lists, or that needs an agency's whole
 * membership or policy to itself, builds an agency of its own with {@link #inAgency(String)}: the
 * same methods then create its programs, teams and people, and sign them in.
 *
 * <pre>{@code
 * TestAgency own = agency.inAgency("Probes");
 * Person wren = own.person("Wren").role(Role.PEER_WORKER).account().create(); // in "Peer Support"
 * String token = own.token(wren);
 * }</pre>
 */
public class TestAgency {

    /** The password of every account a test opens through this fixture. */
    public static final String PASSWORD = "test-agency-password-2026";

    private final Directory directory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Environment environment;
    private final @Nullable AgencyId own;

    @Autowired
    TestAgency(Directory directory, JdbcClient jdbc, Clock clock, Environment environment) {
        this(directory, jdbc, clock, environment, null);
    }

    private TestAgency(
            Directory directory, JdbcClient jdbc, Clock clock, Environment environment, @Nullable AgencyId own) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
        this.own = own;
    }

    /**
     * A new agency of its own, named with a tag that keeps it apart from every other test's, with no
     * program, team or person until the test adds them through the fixture it returns.
     */
    public TestAgency inAgency(String name) {
        return new TestAgency(directory, jdbc, clock, environment, directory.createAgency(name + " " + tag(), false));
    }

    /** This agency: the demo agency, or the one {@link #inAgency(String)} built. */
    public AgencyId id() {
        return own != null ? own : directory.demoAgency().orElseThrow();
    }

    /** Today, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A program by its name, such as "Peer Support" or "Clinic". In an agency of one's own, it is
     * created the first time it is asked for.
     */
    public Program program(String name) {
        return directory.programs(id()).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseGet(() -> directory.createProgram(own("the program " + name), name, null));
    }

    /** A new team in a program of an agency of one's own. */
    public Team team(Program program, String name) {
        return directory.createTeam(own("a team"), program.id(), name);
    }

    /** The peer support program, where people are placed unless told otherwise. */
    public Program peerSupport() {
        return program("Peer Support");
    }

    /** The id of a person of the demo agency, by legal name (e.g. "Jordan Lee"). */
    public PersonId demoPerson(String legalName) {
        return new PersonId(UUID.fromString(Demo.personId(jdbc, legalName)));
    }

    /** Starts a new person of this agency; {@link NewPerson#create()} registers them. */
    public NewPerson person(String legalName) {
        return new NewPerson(legalName);
    }

    /** A client of the API on the application's port. */
    public Api api() {
        return new Api(port());
    }

    /** An API token for a person created with an account. */
    public String token(String username) {
        return api().token(username, PASSWORD);
    }

    /** An API token for a person created with {@link NewPerson#account()}. */
    public String token(Person person) {
        return token(username(person));
    }

    /** An API token for a demo sign-in, such as "admin" or "coordinator". */
    public String demoToken(String username) {
        return api().demoToken(username);
    }

    /**
     * The holder of the token attests their agency's current code of conduct through the API, as a
     * person registered outside {@link NewPerson} must before their pages open (a participant is
     * refused: they have nothing to attest).
     */
    public static void attestCodeOfConduct(Api api, String token) {
        Api.Response status = api.get("/api/v1/me/attestation", token);
        if (status.status() == 200 && status.json().get("due").asBoolean()) {
            int current = status.json().get("currentVersion").asInt();
            Api.Response attested = api.post("/api/v1/me/attestation", token, "{\"version\":" + current + "}");
            assertThat(attested.status()).as(attested.body()).isEqualTo(200);
        }
    }

    /** A browser session signed in as a person created with an account. */
    public BrowserSession browser(String username) {
        return BrowserSession.signIn(port(), username, PASSWORD);
    }

    /** A browser session signed in as a person created with {@link NewPerson#account()}. */
    public BrowserSession browser(Person person) {
        return browser(username(person));
    }

    /** A browser session signed in as a demo sign-in. */
    public BrowserSession demoBrowser(String username) {
        return BrowserSession.signIn(port(), username, Api.DEMO_PASSWORD);
    }

    /** A browser session of someone who has not signed in. */
    public BrowserSession anonymousBrowser() {
        return BrowserSession.anonymous(port());
    }

    /**
     * The person as the application sees them once signed in, with the roles they hold today, for a
     * test that calls a module's service directly; no account is needed.
     */
    public SignedInUser signedIn(Person person) {
        Person now = directory.requirePerson(id(), person.id());
        return new SignedInUser(
                new AccountId(UUID.randomUUID()),
                now.id(),
                id(),
                "test-" + now.id().value(),
                now.displayName(),
                now.activeRoles(today()),
                false,
                null);
    }

    /**
     * A peer worker, their supervisor (who {@code SUPERVISES} them, recorded by the demo manager), a
     * colleague and a participant, all with accounts; the names start with the given first names.
     */
    public SupervisedWorker supervisedWorker(String workerName, String tag) {
        Person worker = person(workerName + " " + tag)
                .role(Role.PEER_WORKER)
                .account(workerName.substring(0, 3).toLowerCase(java.util.Locale.ROOT) + "-" + tag)
                .create();
        Person supervisor = person("Sue Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("sue-" + tag)
                .create();
        Person colleague = person("Col League " + tag)
                .role(Role.PEER_WORKER)
                .account("col-" + tag)
                .create();
        Person participant = person("Par Ticipant " + tag)
                .role(Role.PARTICIPANT)
                .account("par-" + tag)
                .create();
        relate(demoToken("manager"), "SUPERVISES", supervisor.id(), worker.id());
        return new SupervisedWorker(worker, supervisor, colleague, participant);
    }

    /** What {@link #supervisedWorker} made. */
    public record SupervisedWorker(Person worker, Person supervisor, Person colleague, Person participant) {}

    /**
     * Hours the holder of the token records the day before today, left waiting for {@code approver}:
     * when the conflict check sent them to someone else (a treating clinician is passed over for the
     * supervisor), the entry is put back with that approver in the database, as hours recorded before
     * the routing stood (S1). A test fixture, not a path the application offers.
     */
    public String hoursWaitingFor(String workerToken, PersonId approver, String hours, String activity) {
        Api.Response recorded = api().post(
                        "/api/v1/timesheets",
                        workerToken,
                        "{\"date\":\"" + today().minusDays(1) + "\",\"hours\":" + hours + ",\"activity\":\"" + activity
                                + "\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        standWith(UUID.fromString(id), approver);
        return id;
    }

    /** Makes recorded hours wait for {@code approver}, as hours recorded before the routing did (S1). */
    public void standWith(UUID timesheetEntry, PersonId approver) {
        jdbc.sql("update timesheet_entry set approver_id = :a where id = :id")
                .param("a", approver.value())
                .param("id", timesheetEntry)
                .update();
    }

    /** Records a relationship through the API as the holder of the token, who must be allowed to. */
    public String relate(String token, String kind, PersonId a, PersonId b) {
        return relate(token, kind, a, b, null);
    }

    /**
     * Records a relationship through the API with a visibility ({@code PARTIES}, {@code STAFF}, ...),
     * or the kind's own when null, as the holder of the token, who must be allowed to.
     */
    public String relate(String token, String kind, PersonId a, PersonId b, @Nullable String visibility) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", kind);
        body.put("personAId", a.value().toString());
        body.put("personBId", b.value().toString());
        if (visibility != null) {
            body.put("visibility", visibility);
        }
        body.put("acknowledge", true);
        Api.Response r = api().post("/api/v1/relationships", token, Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /**
     * Raises a concern about a person through the API as the holder of the token, who must be
     * allowed to; the concern's id.
     */
    public String raiseConcern(String token, PersonId about, String text, boolean anonymous) {
        Api.Response raised = api().post(
                        "/api/v1/concerns",
                        token,
                        Api.json(Map.of("aboutId", about.value().toString(), "text", text, "anonymous", anonymous)));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("id").asString();
    }

    /**
     * A consultation asked through the API by the holder of {@code askerToken} about {@code actor}
     * taking {@code action} over {@code subject}, put to {@code consultant}, who answers {@code
     * outcome} ({@code GO_AHEAD_WITH_SAFEGUARDS} with two safeguards, {@code HAND_OVER} or {@code
     * DO_NOT_GO_AHEAD}); the consultation's id. Each step must succeed.
     */
    public String consultation(
            String askerToken, String action, PersonId actor, PersonId subject, Person consultant, String outcome) {
        Api api = api();
        Api.Response asked = api.post(
                "/api/v1/consultations",
                askerToken,
                Api.json(Map.of(
                        "action",
                        action,
                        "actorId",
                        actor.value().toString(),
                        "subjectId",
                        subject.value().toString(),
                        "situation",
                        "The two know each other outside the agency; should this go ahead?")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asString();
        Api.Response chosen = api.post(
                "/api/v1/consultations/" + id + "/consultant",
                askerToken,
                Api.json(Map.of("consultantId", consultant.id().value().toString())));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("outcome", outcome);
        answer.put("note", "Said after reading the situation with care.");
        if (outcome.equals("GO_AHEAD_WITH_SAFEGUARDS")) {
            answer.put("safeguards", List.of("Ask a colleague to read every step", "Talk it over in supervision"));
        }
        Api.Response answered =
                api.post("/api/v1/consultations/" + id + "/answer", token(consultant), Api.json(answer));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return id;
    }

    /** A consultation's status as its asker reads it ({@code ANSWERED}, {@code USED}, ...). */
    public String consultationStatus(String askerToken, String id) {
        return api().get("/api/v1/consultations/" + id, askerToken)
                .json()
                .get("status")
                .asString();
    }

    /**
     * How many audit entries record the actor using a consultation for a kind of record ({@code
     * INCIDENT}, {@code CONCERN}, ...).
     */
    public long consultationsUsed(PersonId actor, String kind) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and detail like :d")
                .param("a", actor.value())
                .param("d", "%consultation used for " + kind + "%")
                .query(Long.class)
                .single();
    }

    /** How many notices a person has, of any kind. */
    public int notices(PersonId person) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p")
                .param("p", person.value())
                .query(Integer.class)
                .single();
    }

    /** How many of a person's attempts the audit log recorded as refused. */
    public long refusals(PersonId actor) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and outcome = 'DENIED'")
                .param("a", actor.value())
                .query(Long.class)
                .single();
    }

    /** How many of the attempts of the person with this user name the audit log recorded as refused. */
    public long refusals(String username) {
        return jdbc.sql("""
                        select count(*) from audit_entry e join user_account a on a.person_id = e.actor_id
                        where a.username = :u and e.outcome = 'DENIED'
                        """).param("u", username).query(Long.class).single();
    }

    /** How many rows a table holds, to show that a refused request changed nothing. */
    public long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Whether the tests run on PostgreSQL, where some checks (database roles, triggers) apply. */
    public boolean onPostgres() {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql");
    }

    /** A short random tag that keeps the names and user names of one test apart from the others'. */
    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** How many notices of a kind a person has. */
    public int notices(PersonId person, String kind) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind = :k")
                .param("p", person.value())
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    private String username(Person person) {
        return directory
                .usernameOf(id(), person.id())
                .orElseThrow(() -> new AssertionError(person.displayName() + " has no account"));
    }

    private AgencyId own(String what) {
        if (own == null) {
            throw new AssertionError(what + " would change the demo agency: build an agency with inAgency(...)");
        }
        return own;
    }

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A person being set up: roles (in Peer Support unless a program is named), contact details, an account. */
    public final class NewPerson {

        private final String legalName;
        private final List<AssignRole> roles = new ArrayList<>();
        private @Nullable String email;
        private @Nullable String phone;
        private @Nullable String username;
        private @Nullable String pronouns;
        private boolean attests = true;

        private NewPerson(String legalName) {
            this.legalName = legalName;
        }

        /** A role in Peer Support since yesterday. */
        public NewPerson role(Role role) {
            return role(role, peerSupport());
        }

        /** A role in a program since yesterday. */
        public NewPerson role(Role role, Program program) {
            return role(role, program, today().minusDays(1));
        }

        /** A role in a program since a day. */
        public NewPerson role(Role role, Program program, LocalDate since) {
            roles.add(new AssignRole(role, program.id(), null, since, null));
            return this;
        }

        /** A role in a team (and so in its program) since yesterday. */
        public NewPerson role(Role role, Team team) {
            roles.add(new AssignRole(role, team.programId(), team.id(), today().minusDays(1), null));
            return this;
        }

        /** A role across the whole agency (no program) since yesterday. */
        public NewPerson roleAcrossAgency(Role role) {
            roles.add(new AssignRole(role, null, null, today().minusDays(1), null));
            return this;
        }

        public NewPerson pronouns(String pronouns) {
            this.pronouns = pronouns;
            return this;
        }

        public NewPerson email(String email) {
            this.email = email;
            return this;
        }

        public NewPerson phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Opens an account with this user name and {@link TestAgency#PASSWORD}. */
        public NewPerson account(String username) {
            this.username = username;
            return this;
        }

        /**
         * Opens an account with a user name made of the legal name and a tag, and {@link
         * TestAgency#PASSWORD}; {@link TestAgency#token(Person)} signs them in.
         */
        public NewPerson account() {
            return account(legalName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + tag());
        }

        /**
         * Leaves the code of conduct unattested: at sign-in a staff member is then held at the
         * attestation page, as a newcomer is.
         */
        public NewPerson unattested() {
            this.attests = false;
            return this;
        }

        /**
         * Registers the person. A staff member has attested the agency's current code of conduct,
         * unless {@link #unattested()} says otherwise, so that signing in opens the page a test asks
         * for rather than the attestation page.
         */
        public Person create() {
            Person person = directory.register(
                    id(), new PersonDetails(legalName, null, pronouns, email, phone), List.copyOf(roles));
            if (username != null) {
                directory.openAccount(id(), person.id(), username, PASSWORD);
            }
            if (attests && roles.stream().anyMatch(r -> r.role().isStaff())) {
                jdbc.sql("""
                                insert into code_of_conduct_attestation (agency_id, person_id, version, attested_at)
                                select agency_id, :person, max(version), :at from code_of_conduct
                                where agency_id = :agency group by agency_id
                                """)
                        .param("person", person.id().value())
                        .param("agency", id().value())
                        .param("at", java.time.OffsetDateTime.now(clock))
                        .update();
            }
            return person;
        }
    }
}
