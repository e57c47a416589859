package org.mutuality.audit;

import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operators' command line: {@code java -jar mutuality.jar --mutuality.audit.verify=true
 * --spring.main.web-application-type=none} seals what is waiting, verifies every agency's chain,
 * prints one line per agency and exits with 0 when all are intact, 2 otherwise.
 */
@Component
@ConditionalOnProperty(name = "mutuality.audit.verify", havingValue = "true")
@Order(100)
class VerifyCommand implements ApplicationRunner {

    private final AuditLog log;
    private final ConfigurableApplicationContext context;

    VerifyCommand(AuditLog log, ConfigurableApplicationContext context) {
        this.log = log;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.seal();
        boolean intact = true;
        for (AgencyId agency : log.agencies()) {
            Verification v = log.verify(agency);
            if (v.valid()) {
                System.out.println("agency " + agency + ": intact, " + v.entries() + " entries, head " + v.head());
            } else {
                intact = false;
                System.out.println("agency " + agency + ": BROKEN at entry " + v.firstBrokenSeq() + ": " + v.problem());
            }
        }
        int code = intact ? 0 : 2;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
