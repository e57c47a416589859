package org.mutuality.audit;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.TransactionException;

/** Runs the sealer, and reports an entry left unsealed for too long as a health problem. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    @Bean
    HealthIndicator auditSealing(AuditLog log, @Value("${mutuality.audit.unsealed-alarm:10s}") Duration alarm) {
        return () -> {
            Duration waiting;
            try {
                waiting = log.oldestUnsealed();
            } catch (DataAccessException | TransactionException e) {
                // DOWN, not an error: an indicator that throws turns /actuator/health into a 500.
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
            boolean failing = log.readWritesFailing();
            Health.Builder health = waiting.compareTo(alarm) > 0 || failing ? Health.down() : Health.up();
            return health.withDetail("oldestUnsealedSeconds", waiting.toSeconds())
                    .withDetail("readEntriesWaiting", log.readsWaiting())
                    .withDetail("readEntriesFailing", failing)
                    .build();
        };
    }
}
