package org.mutuality.workforce.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.RecordHours;
import org.mutuality.workforce.TimesheetEntry;
import org.mutuality.workforce.Timesheets;
import org.mutuality.workforce.timesheets.Entries;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency's peer workers hours waiting for approval. Jordan's go to the psychiatrist
 * who has long signed the peer team's hours, and who also treats Jordan: the S1 situation.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(12)
class DemoTimesheets implements ApplicationRunner {

    private final Directory directory;
    private final Timesheets timesheets;
    private final Entries entries;
    private final Clock clock;

    DemoTimesheets(Directory directory, Timesheets timesheets, Entries entries, Clock clock) {
        this.directory = directory;
        this.timesheets = timesheets;
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || entries.countFor(agency) > 0) {
            return;
        }
        DemoCast people = directory.demoCast(agency);
        LocalDate today = LocalDate.now(clock);
        String[][] hours = {
            {"Jordan Lee", "1", "3.5", "Drop-in and one-to-one support"},
            {"Jordan Lee", "2", "4", "Accompanied a participant to a housing appointment"},
            {"Jordan Lee", "3", "2.5", "Team meeting and notes"},
            {"Marc-André Gagnon", "1", "5", "Recovery group and follow-up calls"},
            {"Marc-André Gagnon", "4", "3", "Peer support training"},
            {"Taylor Kim", "2", "2", "Walking group"},
            {"Rosa Díaz", "3", "2", "Led the art group"}
        };
        for (String[] h : hours) {
            PersonId worker = people.get(h[0]);
            if (worker != null) {
                RecordHours recorded =
                        new RecordHours(today.minusDays(Long.parseLong(h[1])), new BigDecimal(h[2]), h[3]);
                PersonId approver = timesheets.approverOf(agency, worker).orElse(null);
                entries.insert(agency, TimesheetEntry.record(worker, recorded, approver, today));
            }
        }
    }
}
