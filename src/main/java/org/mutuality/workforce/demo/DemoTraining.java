package org.mutuality.workforce.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.Certification;
import org.mutuality.workforce.Certify;
import org.mutuality.workforce.CompleteTraining;
import org.mutuality.workforce.ShippedTraining;
import org.mutuality.workforce.Training;
import org.mutuality.workforce.TrainingRecord;
import org.mutuality.workforce.training.TrainingStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency's staff a few trainings and a certification: Jordan's confidentiality
 * training expired last month, Marc-André's ethics training expires within 60 days (so the
 * compliance page and the reminders have something to show), the rest are current or not yet done.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(13)
class DemoTraining implements ApplicationRunner {

    private final Directory directory;
    private final TrainingStore store;
    private final Clock clock;

    DemoTraining(Directory directory, TrainingStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || store.countIn(agency) > 0) {
            return;
        }
        Instant now = clock.instant();
        if (!store.hasShipped(agency)) {
            for (ShippedTraining s : ShippedTraining.values()) {
                store.insert(agency, Training.shipped(s, now));
            }
        }
        List<Training> catalogue = store.catalogue(agency);
        DemoCast people = directory.demoCast(agency);
        LocalDate today = LocalDate.now(clock);
        PersonId manager = people.require("Christopher Wong");
        // who, which training, completed how many days ago, provider, hours
        Object[][] done = {
            {"Jordan Lee", ShippedTraining.CONFIDENTIALITY_AND_PRIVACY, 400, "Provincial privacy office", "3"},
            {"Jordan Lee", ShippedTraining.ETHICS_AND_DUAL_RELATIONSHIPS, 200, "Peer Support Network", "6"},
            {"Jordan Lee", ShippedTraining.BOUNDARIES_AND_SELF_DISCLOSURE, 150, "Peer Support Network", "4"},
            {"Marc-André Gagnon", ShippedTraining.ETHICS_AND_DUAL_RELATIONSHIPS, 700, "Peer Support Network", "6"},
            {"Marc-André Gagnon", ShippedTraining.CRISIS_RESPONSE, 90, "Crisis line training team", "7.5"},
            {"Samuel Okafor", ShippedTraining.ETHICS_AND_DUAL_RELATIONSHIPS, 120, "College of social workers", "6"},
            {"Samuel Okafor", ShippedTraining.CONFIDENTIALITY_AND_PRIVACY, 60, "Provincial privacy office", "3"},
            {"Rosa Díaz", ShippedTraining.BOUNDARIES_AND_SELF_DISCLOSURE, 30, "Peer Support Network", "4"}
        };
        for (Object[] d : done) {
            PersonId person = people.get((String) d[0]);
            Training training = catalogue.stream()
                    .filter(t -> t.shipped() == d[1])
                    .findFirst()
                    .orElseThrow();
            if (person != null) {
                LocalDate on = today.minusDays((Integer) d[2]);
                store.insert(
                        agency,
                        TrainingRecord.record(
                                person,
                                training,
                                new CompleteTraining(
                                        training.id(), on, (String) d[3], new BigDecimal((String) d[4]), null),
                                manager,
                                today,
                                now));
            }
        }
        PersonId jordan = people.get("Jordan Lee");
        if (jordan != null) {
            store.insert(
                    agency,
                    Certification.record(
                            jordan,
                            new Certify(
                                    "Provincial Peer Specialist Board",
                                    "PS-20418",
                                    today.minusYears(2),
                                    today.plusDays(45)),
                            jordan,
                            today,
                            now));
        }
    }
}
