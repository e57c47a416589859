package org.mutuality.workforce;

import java.time.Clock;
import java.time.LocalDate;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.workforce.training.TrainingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds people, 60 and then 14 days before, that a training or a certification of theirs expires
 * ({@link ExpiryReminder}): a notice in Mutuality, which the notices module also emails. Each reminder
 * is sent once per expiry, whatever the number of rounds or nodes; a renewal recorded in time stops
 * the next one. The notice names nothing: it links to the person's own training page.
 */
@Component
public class TrainingReminders {

    private static final Logger log = LoggerFactory.getLogger(TrainingReminders.class);

    /** Where a reminder sends the person: their own training page. */
    static final String LINK = "/training";

    private final TrainingStore store;
    private final Notices notices;
    private final Directory directory;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TrainingReminders(
            TrainingStore store,
            Notices notices,
            Directory directory,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.notices = notices;
        this.directory = directory;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Sends the reminders due today, by the injected clock, each in a transaction of its own with the
     * note that it was sent; returns how many were sent.
     */
    @Scheduled(cron = "${mutuality.training.reminder-cron:0 0 6 * * *}", zone = "UTC")
    public int remind() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (TrainingStore.Expiring e : store.expiring(today, today.plusDays(Standing.SOON_DAYS))) {
            ExpiryReminder reminder = ExpiryReminder.dueFor(e.expiresOn(), today);
            boolean active =
                    directory.person(e.agency(), e.person()).map(Person::active).orElse(false);
            if (reminder == null || !active) {
                continue;
            }
            try {
                Boolean done = transaction.execute(status -> {
                    if (!store.remind(e, reminder, clock.instant())) {
                        return false;
                    }
                    notices.send(e.agency(), e.person(), kind(reminder), LINK);
                    return true;
                });
                sent += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DataIntegrityViolationException raced) {
                log.debug("A reminder was sent by another node meanwhile");
            }
        }
        return sent;
    }

    private static NoticeKind kind(ExpiryReminder reminder) {
        return reminder == ExpiryReminder.FOURTEEN_DAYS
                ? NoticeKind.TRAINING_EXPIRES_IN_14_DAYS
                : NoticeKind.TRAINING_EXPIRES_IN_60_DAYS;
    }
}
