package org.mutuality.research.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.research.ConsentItem;
import org.mutuality.research.Study;
import org.mutuality.research.StudyConsent;
import org.mutuality.research.store.ResearchStore;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency a study that recruits (S9): led by the manager, with Nadia Haddad, the
 * researcher with lived experience, as co-researcher; two participants consent, one of whom (Ahmed
 * Karim) she knows from a self-help group, and he said no to being recorded. All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(18)
class DemoStudy implements ApplicationRunner {

    private final Directory directory;
    private final ResearchStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoStudy(Directory directory, ResearchStore store, JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || hasStudies(agency)) {
            return;
        }
        DemoCast people = directory.demoCast(agency);
        PersonId chris = people.get("Christopher Wong");
        PersonId nadia = people.get("Nadia Haddad");
        PersonId ahmed = people.get("Ahmed Karim");
        PersonId grace = people.get("Grace Adeyemi");
        if (chris == null || nadia == null || ahmed == null || grace == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Study study = Study.propose(
                        new Study.Details(
                                "What helps in peer support: voices of participants",
                                "We want to learn, from participants themselves, what helps them in peer support and"
                                        + " what does not. Each interview lasts about an hour.",
                                chris,
                                List.of(nadia),
                                "Community Research Ethics Board",
                                "CREB-2026-041",
                                today.minusMonths(2),
                                today.plusYears(1),
                                "One interview; with consent, the number of peer support meetings in the past year.",
                                "We are looking for participants who would like to tell us what helps them in peer"
                                        + " support. Taking part is your choice and changes nothing in your support.",
                                "You are invited to one interview of about an hour about your experience of peer"
                                        + " support. You may be recorded only if you say yes to it. You may withdraw any"
                                        + " part of your consent at any time."),
                        chris,
                        now.minusSeconds(60L * 60 * 24 * 30))
                .openRecruitment(today);
        store.insert(agency, study);
        store.insert(
                agency,
                StudyConsent.give(
                        study.id(),
                        ahmed,
                        1,
                        answers(false),
                        StudyConsent.Method.PAPER,
                        null,
                        today.minusDays(20),
                        chris,
                        now.minusSeconds(60L * 60 * 24 * 19),
                        today));
        store.insert(
                agency,
                StudyConsent.give(
                        study.id(),
                        grace,
                        1,
                        answers(true),
                        StudyConsent.Method.SIGNED_ONLINE,
                        "Grace Adeyemi",
                        today.minusDays(10),
                        grace,
                        now.minusSeconds(60L * 60 * 24 * 10),
                        today));
    }

    private static Map<ConsentItem, Boolean> answers(boolean recording) {
        return Map.of(
                ConsentItem.TAKE_PART, true,
                ConsentItem.RECORDING, recording,
                ConsentItem.RECORDS, true,
                ConsentItem.RECONTACT, true);
    }

    private boolean hasStudies(AgencyId agency) {
        return jdbc.sql("select count(*) from study where agency_id = :agency")
                        .param("agency", agency.value())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
