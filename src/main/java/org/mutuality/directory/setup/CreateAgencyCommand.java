package org.mutuality.directory.setup;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.function.IntConsumer;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators' command for one more agency on the same installation: {@code java -jar
 * mutuality.jar --mutuality.agency.create="North Shore Peers" --mutuality.agency.admin-username=ada
 * --server.port=0} creates the agency and its first administrator
 * ({@code --mutuality.agency.admin-name}, "Administrator" by default), then exits with 0. The
 * administrator's password is {@code MUTUALITY_AGENCY_ADMIN_PASSWORD} when set; otherwise a random
 * one is printed once on standard output, never in the log, for the operator to hand over. Either
 * all of it is created or nothing: a taken user name, a bad name or a weak password exits with 2 and
 * a reason on standard error.
 */
@Component
@ConditionalOnProperty(name = "mutuality.agency.create")
@Order(30)
class CreateAgencyCommand implements ApplicationRunner {

    /** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int PASSWORD_LENGTH = 24;

    private final FirstAdministrator first;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final PrintStream out;
    private final PrintStream err;
    private final IntConsumer exit;

    @Autowired
    CreateAgencyCommand(
            FirstAdministrator first,
            PlatformTransactionManager transactions,
            Environment environment,
            ConfigurableApplicationContext context) {
        this(
                first,
                transactions,
                environment,
                System.out,
                System.err,
                code -> System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code)));
    }

    CreateAgencyCommand(
            FirstAdministrator first,
            PlatformTransactionManager transactions,
            Environment environment,
            PrintStream out,
            PrintStream err,
            IntConsumer exit) {
        this.first = first;
        this.transaction = new TransactionTemplate(transactions);
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        String name = environment.getProperty("mutuality.agency.create", "");
        String username = environment.getProperty("mutuality.agency.admin-username", "");
        String adminName = environment.getProperty("mutuality.agency.admin-name", "Administrator");
        String given = environment.getProperty("MUTUALITY_AGENCY_ADMIN_PASSWORD", "");
        String password = given.isBlank() ? randomPassword() : given;
        if (username.isBlank()) {
            err.println("refused: --mutuality.agency.admin-username is required");
            exit.accept(2);
            return;
        }
        try {
            AgencyId agency = transaction.execute(status -> first.create(name, adminName, username, password));
            out.println("agency " + agency + " created, with administrator " + username);
            if (given.isBlank()) {
                out.println("one-time password (shown once; change it at first sign-in): " + password);
            }
            exit.accept(0);
        } catch (IllegalArgumentException | ConflictException e) {
            err.println("refused: " + e.getMessage());
            exit.accept(2);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
