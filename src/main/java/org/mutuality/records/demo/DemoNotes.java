package org.mutuality.records.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.records.Note;
import org.mutuality.records.NoteId;
import org.mutuality.records.store.Notes;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency notes: the psychiatrist's care notes about Jordan (a peer worker who is also
 * a service user, S2) and Jordan's support notes about Julie. All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(13)
class DemoNotes implements ApplicationRunner {

    private final Directory directory;
    private final Notes notes;
    private final Clock clock;

    DemoNotes(Directory directory, Notes notes, Clock clock) {
        this.directory = directory;
        this.notes = notes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || notes.count(agency) > 0) {
            return;
        }
        DemoCast people = directory.demoCast(agency);
        PersonId helene = people.get("Hélène Tremblay");
        PersonId jordan = people.get("Jordan Lee");
        PersonId julie = people.get("Julie Roy");
        if (helene == null || jordan == null || julie == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        note(
                agency,
                jordan,
                helene,
                RecordKind.CARE_NOTES,
                today.minusMonths(2),
                "Follow-up appointment. Sleep is better since the change in routine. Next visit in six weeks.");
        note(
                agency,
                jordan,
                helene,
                RecordKind.CARE_NOTES,
                today.minusDays(10),
                "Jordan reports feeling steady at work and wants to keep the current plan.");
        note(
                agency,
                julie,
                jordan,
                RecordKind.SUPPORT_NOTES,
                today.minusDays(7),
                "Met at the drop-in. Talked about getting back to the walking group; Julie will try next week.");
    }

    private void note(AgencyId agency, PersonId subject, PersonId author, RecordKind kind, LocalDate on, String text) {
        notes.insert(agency, new Note(NoteId.random(), subject, author, kind, on, text, null, clock.instant()));
    }
}
