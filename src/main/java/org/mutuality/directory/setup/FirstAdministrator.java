package org.mutuality.directory.setup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a new installation gets its first administrator. When no account exists at start, the
 * administrator is created from {@code MUTUALITY_ADMIN_USERNAME} and {@code MUTUALITY_ADMIN_PASSWORD}
 * (with {@code MUTUALITY_AGENCY_NAME} and {@code MUTUALITY_ADMIN_NAME}) if they are set; otherwise a
 * one-time setup token is printed in the log for the {@code /setup} page.
 */
@Component
@Order(20)
public class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Directory directory;
    private final Environment environment;
    private final Clock clock;
    private final AuditLog audit;
    private final AtomicReference<@Nullable String> setupToken = new AtomicReference<>();

    FirstAdministrator(Directory directory, Environment environment, Clock clock, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && environment.getProperty("mutuality.demo.enabled", Boolean.class, false)) {
            throw new IllegalStateException("The demo agency must never be loaded with the prod profile");
        }
        if (directory.anyAccountExists()) {
            return;
        }
        String username = environment.getProperty("MUTUALITY_ADMIN_USERNAME");
        String password = environment.getProperty("MUTUALITY_ADMIN_PASSWORD");
        if (username != null && !username.isBlank() && password != null && !password.isBlank()) {
            create(
                    environment.getProperty("MUTUALITY_AGENCY_NAME", "My agency"),
                    environment.getProperty("MUTUALITY_ADMIN_NAME", "Administrator"),
                    username,
                    password);
            log.info("Created the first administrator from the environment");
            return;
        }
        issueSetupToken();
    }

    /**
     * Issues a new one-time setup token, replacing any earlier one, and prints it in the log for the
     * operator. Returns the token.
     */
    public String issueSetupToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        setupToken.set(token);
        log.warn("No administrator exists yet. Open /setup and enter this one-time setup token: {}", token);
        return token;
    }

    /** Whether the setup page is open: no account exists and a setup token was issued. */
    public boolean setupOpen() {
        return setupToken.get() != null && !directory.anyAccountExists();
    }

    /**
     * Creates the agency and its first administrator if the token matches; the token then stops
     * working. Returns empty when the token is wrong or setup is closed.
     *
     * @throws IllegalArgumentException when a value is invalid (the token stays usable)
     */
    @Transactional
    public synchronized Optional<AgencyId> completeSetup(
            String token, String agencyName, String adminName, String username, String password) {
        String expected = setupToken.get();
        if (expected == null
                || !java.security.MessageDigest.isEqual(
                        expected.getBytes(), token.strip().getBytes())
                || directory.anyAccountExists()) {
            return Optional.empty();
        }
        AgencyId agency = create(agencyName, adminName, username, password);
        setupToken.set(null);
        return Optional.of(agency);
    }

    /** Creates an agency and its first administrator; not transactional: callers bring one. */
    AgencyId create(String agencyName, String adminName, String username, String password) {
        if (agencyName.isBlank() || agencyName.length() > 200) {
            throw new org.mutuality.shared.BadInputException("setup.agencyNameForm");
        }
        List<String> problems = directory.passwordProblems(password, username);
        if (!problems.isEmpty()) {
            throw new org.mutuality.shared.BadInputException(problems.get(0));
        }
        AgencyId agency = directory.createAgency(agencyName.strip(), false);
        Person admin = directory.register(
                agency,
                new PersonDetails(adminName, null, null, null, null),
                List.of(new AssignRole(Role.ADMINISTRATOR, null, null, LocalDate.now(clock), null)));
        directory.openAccount(agency, admin.id(), username, password);
        // No one is signed in at set-up: the entry names the new administrator as its subject.
        audit.record(new AuditEvent(
                agency,
                null,
                null,
                AuditAction.SETUP,
                admin.id().value(),
                "AGENCY",
                agency.value().toString(),
                null,
                null,
                AuditOutcome.DONE,
                "agency and first administrator created"));
        return agency;
    }
}
