package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit module on its own, with nothing but the kernel and the database: every module may
 * record to it because it needs nothing else. Entries chain, seal and verify.
 */
@ApplicationModuleTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class AuditModuleTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsAloneAndChainsWhatItRecords() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        jdbc.sql(
                        "insert into agency (id, name, demo, created_at) values (:id, 'Audit alone', false, current_timestamp)")
                .param("id", agency.value())
                .update();
        Actor actor = new TestActor(agency, UUID.randomUUID());
        UUID subject = UUID.randomUUID();
        audit.record(AuditEvent.by(actor, AuditAction.WRITE, AuditOutcome.DONE).about(subject, "SUPPORT_NOTES", "n1"));
        audit.record(AuditEvent.by(actor, AuditAction.READ, AuditOutcome.DENIED).about(subject, "CARE_NOTES", null));
        audit.seal();

        assertThat(audit.head(agency).entries()).isEqualTo(2);
        assertThat(audit.verify(agency).valid()).isTrue();
        assertThat(audit.about(agency, subject, 10)).hasSize(2);
    }

    /** The names and zones the directory gives when it runs; alone, the module has none. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class NoDirectory {
        @org.springframework.context.annotation.Bean
        PersonNames personNames() {
            return agency -> java.util.Map.of();
        }

        @org.springframework.context.annotation.Bean
        org.mutuality.shared.AgencyZones agencyZones() {
            return agency -> org.mutuality.shared.AgencyZones.DEFAULT;
        }
    }

    record TestActor(AgencyId agencyId, UUID actorPersonId) implements Actor {
        @Override
        public java.util.Set<String> roleNames() {
            return java.util.Set.of("ADMINISTRATOR");
        }
    }
}
