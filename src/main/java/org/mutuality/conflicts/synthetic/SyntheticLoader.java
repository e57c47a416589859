package org.mutuality.conflicts.synthetic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Loads a large fictional agency for load tests when {@code mutuality.synthetic.people} is set:
 * {@code --mutuality.synthetic.people=10000 --mutuality.synthetic.relationships=100000}. Its privacy
 * lead signs in as {@code synthetic} with the demo password. Refused with the prod profile.
 */
@Component
@ConditionalOnProperty(name = "mutuality.synthetic.people")
@Order(30)
class SyntheticLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticLoader.class);

    private final Directory directory;
    private final RelationshipRegister register;
    private final Environment environment;
    private final Clock clock;
    private final int people;
    private final int relationships;
    private final long seed;

    SyntheticLoader(
            Directory directory,
            RelationshipRegister register,
            Environment environment,
            Clock clock,
            @Value("${mutuality.synthetic.people}") int people,
            @Value("${mutuality.synthetic.relationships:0}") int relationships,
            @Value("${mutuality.synthetic.seed:2026}") long seed) {
        this.directory = directory;
        this.register = register;
        this.environment = environment;
        this.clock = clock;
        this.people = people;
        this.relationships = relationships;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("A synthetic agency must never be loaded with the prod profile");
        }
        LocalDate today = LocalDate.now(clock);
        SyntheticAgency agency = SyntheticAgency.generate(seed, people, Math.max(relationships, people), today);
        if (directory.agencyExists(agency.agency())) {
            return;
        }
        long start = System.nanoTime();
        AgencyId id = directory.createAgency(agency.agency(), "Synthetic agency (seed " + seed + ")", true);
        Program program = directory.createProgram(id, "Synthetic program", null);
        for (int t = 0; t < agency.teams().size(); t++) {
            directory.createTeam(id, program.id(), agency.teams().get(t), "Team " + (t + 1));
        }
        directory.importPeople(id, agency.people());
        Person lead = directory.register(
                id,
                new PersonDetails("Synthetic Privacy Lead", null, null, null, null),
                List.of(
                        new AssignRole(Role.PRIVACY_LEAD, null, null, today.minusYears(1), null),
                        new AssignRole(Role.SUPERVISOR, null, null, today.minusYears(1), null)));
        directory.openDemoAccount(id, lead.id(), "synthetic", "mutuality-demo");
        register.importAll(id, agency.relationships());
        log.info(
                "Loaded a synthetic agency of {} people and {} relationships in {} ms",
                agency.people().size(),
                agency.relationships().size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
