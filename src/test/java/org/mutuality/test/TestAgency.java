package org.mutuality.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
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
 */
public class TestAgency {

    /** The password of every account a test opens through this fixture. */
    public static final String PASSWORD = "test-agency-password-2026";

    private final Directory directory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Environment environment;

    TestAgency(Directory directory, JdbcClient jdbc, Clock clock, Environment environment) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
    }

    /** The demo agency. */
    public AgencyId id() {
        return directory.demoAgency().orElseThrow();
    }

    /** Today, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A program of the demo agency by its name, such as "Peer Support" or "Clinic". */
    public Program program(String name) {
        return directory.programs(id()).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo agency has no program " + name));
    }

    /** The demo agency's peer support program, where people are placed unless told otherwise. */
    public Program peerSupport() {
        return program("Peer Support");
    }

    /** The id of a person of the demo agency, by legal name (e.g. "Jordan Lee"). */
    public PersonId demoPerson(String legalName) {
        return new PersonId(UUID.fromString(Demo.personId(jdbc, legalName)));
    }

    /** Starts a new person of the demo agency; {@link NewPerson#create()} registers them. */
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

    /** An API token for a demo sign-in, such as "admin" or "coordinator". */
    public String demoToken(String username) {
        return api().demoToken(username);
    }

    /** A browser session signed in as a person created with an account. */
    public BrowserSession browser(String username) {
        return BrowserSession.signIn(port(), username, PASSWORD);
    }

    /** A browser session signed in as a demo sign-in. */
    public BrowserSession demoBrowser(String username) {
        return BrowserSession.signIn(port(), username, Api.DEMO_PASSWORD);
    }

    /** A browser session of someone who has not signed in. */
    public BrowserSession anonymousBrowser() {
        return BrowserSession.anonymous(port());
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

        public Person create() {
            Person person = directory.register(
                    id(), new PersonDetails(legalName, null, pronouns, email, phone), List.copyOf(roles));
            if (username != null) {
                directory.openAccount(id(), person.id(), username, PASSWORD);
            }
            return person;
        }
    }
}
