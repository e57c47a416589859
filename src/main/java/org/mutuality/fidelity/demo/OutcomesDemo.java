package org.mutuality.fidelity.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.fidelity.ResponseId;
import org.mutuality.fidelity.Scale;
import org.mutuality.fidelity.store.FeedbackStore;
import org.mutuality.fidelity.store.OutcomeStore;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency outcomes to show: Julie Roy completed the WHO-5 at intake four months ago
 * and about every three weeks since, her well-being rising with a dip in the middle, and lets her
 * peer worker Jordan Lee see her results; participants gave Jordan feedback six times (enough to be
 * shown) and Marc twice (which reads "fewer than 5"). All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(21)
class OutcomesDemo implements ApplicationRunner {

    /** Julie's answers, oldest first, 0 to 5 for each of the WHO-5's five items. */
    static final List<List<Integer>> JULIE = List.of(
            List.of(1, 2, 1, 2, 2),
            List.of(2, 2, 2, 2, 2),
            List.of(3, 2, 2, 3, 3),
            List.of(2, 2, 1, 2, 2),
            List.of(3, 3, 3, 3, 3),
            List.of(4, 3, 3, 3, 4));

    private final Directory directory;
    private final OutcomeStore outcomes;
    private final FeedbackStore feedback;
    private final Clock clock;

    OutcomesDemo(Directory directory, OutcomeStore outcomes, FeedbackStore feedback, Clock clock) {
        this.directory = directory;
        this.outcomes = outcomes;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null) {
            return;
        }
        Map<String, PersonId> people = directory.everyone(agency).stream()
                .collect(Collectors.toMap(p -> p.details().legalName(), Person::id, (a, b) -> a));
        PersonId julie = people.get("Julie Roy");
        PersonId jordan = people.get("Jordan Lee");
        PersonId marc = people.get("Marc-André Gagnon");
        if (julie == null
                || jordan == null
                || marc == null
                || !outcomes.lastAnswered(agency, julie).isEmpty()) {
            return;
        }
        Scale who5 = Scale.who5();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < JULIE.size(); i++) {
            LocalDate day = today.minusDays(120 - 21L * i);
            Instant at =
                    day.atTime(LocalTime.of(10, 30)).atZone(clock.getZone()).toInstant();
            outcomes.respond(
                    agency, julie, ResponseId.random(), Scale.WHO5, JULIE.get(i), who5.score(JULIE.get(i)), at);
        }
        outcomes.share(agency, julie, true, clock.instant());
        LocalDate month = today.withDayOfMonth(1);
        List<List<Integer>> forJordan = List.of(
                List.of(5, 4, 5),
                List.of(4, 4, 5),
                List.of(5, 5, 4),
                List.of(4, 3, 4),
                List.of(5, 4, 5),
                List.of(4, 4, 4));
        for (int i = 0; i < forJordan.size(); i++) {
            feedback.give(agency, jordan, i == 0 ? julie : null, month.minusMonths(i % 3), forJordan.get(i));
        }
        feedback.give(agency, marc, null, month, List.of(4, 5, 5));
        feedback.give(agency, marc, null, month.minusMonths(1), List.of(3, 4, 4));
    }
}
