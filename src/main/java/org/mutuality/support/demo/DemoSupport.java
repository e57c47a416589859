package org.mutuality.support.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.shared.AgencyId;
import org.mutuality.support.Availability;
import org.mutuality.support.Interaction;
import org.mutuality.support.InteractionKind;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.PeerProfile;
import org.mutuality.support.Preferences;
import org.mutuality.support.RecordInteraction;
import org.mutuality.support.Referral;
import org.mutuality.support.ReferralId;
import org.mutuality.support.ReferralStatus;
import org.mutuality.support.SessionId;
import org.mutuality.support.SupportGroup;
import org.mutuality.support.Topic;
import org.mutuality.support.store.GroupStore;
import org.mutuality.support.store.InteractionStore;
import org.mutuality.support.store.ProfileStore;
import org.mutuality.support.store.ReferralStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency peer support work so every screen shows something on first start: peer
 * workers' matching profiles, referrals in each state (one where a friend of the peer worker is
 * flagged, one waiting for Jordan's answer), months of interactions, and groups with attendance,
 * one of them meeting today. All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(14)
class DemoSupport implements ApplicationRunner {

    private final Directory directory;
    private final RelationshipRegister relationships;
    private final ReferralStore referrals;
    private final InteractionStore interactions;
    private final GroupStore groups;
    private final ProfileStore profiles;
    private final Clock clock;

    DemoSupport(
            Directory directory,
            RelationshipRegister relationships,
            ReferralStore referrals,
            InteractionStore interactions,
            GroupStore groups,
            ProfileStore profiles,
            Clock clock) {
        this.directory = directory;
        this.relationships = relationships;
        this.referrals = referrals;
        this.interactions = interactions;
        this.groups = groups;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || referrals.count(agency) > 0) {
            return;
        }
        DemoCast people = directory.demoCast(agency);
        Map<String, ProgramId> programs = new HashMap<>();
        for (Program p : directory.programs(agency)) {
            programs.put(p.name(), p.id());
        }
        ProgramId peerProgram = programs.get("Peer Support");
        ProgramId groupsProgram = programs.get("Wellness Groups");
        if (peerProgram == null || groupsProgram == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        PersonId jordan = people.require("Jordan Lee");
        PersonId marc = people.require("Marc-André Gagnon");
        PersonId taylor = people.require("Taylor Kim");
        PersonId rosa = people.require("Rosa Díaz");
        PersonId ben = people.require("Benjamin Carter");
        PersonId sam = people.require("Samuel Okafor");
        PersonId helene = people.require("Hélène Tremblay");

        for (PeerProfile profile : List.of(
                new PeerProfile(
                        jordan,
                        Set.of("en", "fr"),
                        "non-binary",
                        Set.of(LivedExperience.MENTAL_HEALTH, LivedExperience.HOSPITAL_STAY, LivedExperience.LGBTQ2S),
                        Set.of(Availability.WEEKDAY_DAYTIME),
                        8,
                        true),
                new PeerProfile(
                        marc,
                        Set.of("fr", "en"),
                        "man",
                        Set.of(
                                LivedExperience.SUBSTANCE_USE,
                                LivedExperience.JUSTICE_SYSTEM,
                                LivedExperience.HOMELESSNESS),
                        Set.of(Availability.WEEKDAY_EVENINGS, Availability.WEEKENDS),
                        10,
                        true),
                new PeerProfile(
                        taylor,
                        Set.of("en", "ko"),
                        "woman",
                        Set.of(LivedExperience.MENTAL_HEALTH, LivedExperience.YOUTH, LivedExperience.EATING_DISORDERS),
                        Set.of(Availability.WEEKDAY_DAYTIME, Availability.WEEKDAY_EVENINGS),
                        6,
                        true),
                new PeerProfile(
                        rosa,
                        Set.of("es", "en"),
                        "woman",
                        Set.of(LivedExperience.GRIEF, LivedExperience.PARENTING, LivedExperience.NEWCOMER),
                        Set.of(Availability.WEEKENDS),
                        4,
                        true),
                new PeerProfile(
                        ben,
                        Set.of("en"),
                        "man",
                        Set.of(LivedExperience.HOMELESSNESS, LivedExperience.SUBSTANCE_USE),
                        Set.of(Availability.WEEKDAY_DAYTIME),
                        3,
                        false))) {
            profiles.save(agency, profile, now);
        }

        // Taylor supports Emma; Julie (Jordan) and Liam (Marc) are already assigned in the register.
        PersonId emma = people.require("Emma Wilson");
        Relationship taylorEmma = new Relationship(
                RelationshipId.random(),
                agency,
                RelationshipKind.SUPPORTS,
                taylor,
                emma,
                today.minusMonths(2),
                null,
                RelationshipSource.ASSIGNMENT,
                sam,
                RelationshipKind.SUPPORTS.defaultVisibility(),
                null);
        relationships.importAll(agency, List.of(taylorEmma));
        Map<PersonId, RelationshipId> assignment = new HashMap<>();
        for (Relationship r : relationships.currentIn(agency)) {
            if (r.kind() == RelationshipKind.SUPPORTS) {
                assignment.put(r.personB(), r.id());
            }
        }

        Preferences none = Preferences.none();
        // Accepted: support under way.
        accepted(
                agency,
                peerProgram,
                people.require("Julie Roy"),
                helene,
                jordan,
                sam,
                assignment,
                today.minusMonths(4),
                "Julie would like someone to go with her to the walking group and to talk about getting back to work.",
                new Preferences(
                        Set.of("fr"),
                        null,
                        Set.of(LivedExperience.MENTAL_HEALTH),
                        Set.of(Availability.WEEKDAY_DAYTIME)));
        accepted(
                agency,
                peerProgram,
                people.require("Liam Murphy"),
                sam,
                marc,
                sam,
                assignment,
                today.minusMonths(3),
                "Liam is leaving a treatment program and asked to meet someone who has been through it.",
                new Preferences(
                        Set.of(), "man", Set.of(LivedExperience.SUBSTANCE_USE), Set.of(Availability.WEEKDAY_EVENINGS)));
        accepted(
                agency,
                peerProgram,
                emma,
                people.require("Omar Farah"),
                taylor,
                sam,
                assignment,
                today.minusMonths(2),
                "Emma finds the clinic overwhelming and would like support from someone close to her age.",
                new Preferences(Set.of("en"), null, Set.of(LivedExperience.YOUTH), Set.of()));
        // Received: Louise, a long-time friend of Marc: his suggestion is flagged for the coordinator.
        LocalDate louise = today.minusDays(2);
        referrals.insert(
                agency,
                referral(
                        people.require("Louise Bernard"),
                        peerProgram,
                        helene,
                        "Louise has been isolated since her move and is curious about the peer drop-in.",
                        new Preferences(Set.of("fr"), null, Set.of(), Set.of(Availability.WEEKENDS)),
                        ReferralStatus.RECEIVED,
                        null,
                        null,
                        null,
                        step(Referral.StepKind.RECEIVED, helene, null, null, louise)));
        // Offered: Zoé is looking at the suggestions.
        PersonId alexandra = people.require("Alexandra Morgan");
        referrals.insert(
                agency,
                referral(
                        people.require("Zoé Lavoie"),
                        peerProgram,
                        alexandra,
                        "Zoé asked at the front desk whether someone could help her find housing.",
                        new Preferences(
                                Set.of("fr"),
                                "woman",
                                Set.of(LivedExperience.HOMELESSNESS),
                                Set.of(Availability.WEEKENDS)),
                        ReferralStatus.OFFERED,
                        null,
                        null,
                        null,
                        step(Referral.StepKind.RECEIVED, alexandra, null, null, today.minusDays(9)),
                        step(
                                Referral.StepKind.OFFERED,
                                sam,
                                null,
                                "Gave her the sheet in French.",
                                today.minusDays(6))));
        // Offered, chosen: Maya chose Jordan, who has not answered yet.
        referrals.insert(
                agency,
                referral(
                        people.require("Maya Singh"),
                        peerProgram,
                        helene,
                        "Maya would like to talk with someone who has been in hospital and come back to everyday life.",
                        new Preferences(
                                Set.of("en"),
                                null,
                                Set.of(LivedExperience.HOSPITAL_STAY),
                                Set.of(Availability.WEEKDAY_DAYTIME)),
                        ReferralStatus.OFFERED,
                        jordan,
                        null,
                        null,
                        step(Referral.StepKind.RECEIVED, helene, null, null, today.minusDays(5)),
                        step(Referral.StepKind.OFFERED, sam, null, null, today.minusDays(3)),
                        step(Referral.StepKind.CHOSEN, sam, jordan, null, today.minusDays(1))));
        // Declined by the person.
        referrals.insert(
                agency,
                referral(
                        people.require("Noah Martin"),
                        peerProgram,
                        sam,
                        "Noah mentioned feeling alone on weekends.",
                        none,
                        ReferralStatus.DECLINED,
                        null,
                        null,
                        null,
                        step(Referral.StepKind.RECEIVED, sam, null, null, today.minusMonths(1)),
                        step(Referral.StepKind.OFFERED, sam, null, null, today.minusDays(25)),
                        step(
                                Referral.StepKind.DECLINED,
                                sam,
                                null,
                                "Not now; he may come back to it.",
                                today.minusDays(20))));
        // Closed: support ended.
        referrals.insert(
                agency,
                referral(
                        people.require("Olivia Grant"),
                        peerProgram,
                        sam,
                        "Olivia wanted help preparing to go back to school.",
                        none,
                        ReferralStatus.CLOSED,
                        null,
                        jordan,
                        null,
                        step(Referral.StepKind.RECEIVED, sam, null, null, today.minusYears(2)),
                        step(
                                Referral.StepKind.ACCEPTED,
                                jordan,
                                jordan,
                                null,
                                today.minusYears(2).plusDays(10)),
                        step(
                                Referral.StepKind.CLOSED,
                                jordan,
                                null,
                                "Olivia is back at school and ended the support.",
                                today.minusMonths(4))));

        // Months of interactions.
        PersonId julie = people.require("Julie Roy");
        String[] julieNotes = {
            "First meeting at the drop-in. Julie talked about what she wants from peer support: getting out more.",
            "Went together to the walking group. Julie enjoyed it and met two people she knew.",
            "Phone call. Julie had a hard week; we talked about what helped last time.",
            "Looked at volunteer postings together at the library.",
            "Coffee after the walking group. Julie is thinking about a part-time job.",
            "Accompanied Julie to her housing appointment; she asked all her questions herself.",
            "Talked about her routine and what keeps her steady. She wants to keep walking on Tuesdays.",
            "Phone call to plan the job fair visit.",
            "Went to the job fair. Julie left her name with two employers."
        };
        InteractionKind[] kinds = {
            InteractionKind.ONE_TO_ONE, InteractionKind.OUTSIDE_CONTACT, InteractionKind.PHONE_CALL,
            InteractionKind.NAVIGATION, InteractionKind.OUTSIDE_CONTACT, InteractionKind.NAVIGATION,
            InteractionKind.ONE_TO_ONE, InteractionKind.PHONE_CALL, InteractionKind.NAVIGATION
        };
        for (int i = 0; i < julieNotes.length; i++) {
            LocalDate on = today.minusDays(120 - i * 13L);
            boolean last = i == julieNotes.length - 1;
            interactions.insert(
                    agency,
                    Interaction.record(
                            julie,
                            jordan,
                            new RecordInteraction(
                                    kinds[i],
                                    on,
                                    kinds[i] == InteractionKind.PHONE_CALL ? 20 : 60,
                                    kinds[i] == InteractionKind.PHONE_CALL ? null : "Drop-in centre",
                                    Set.of(i % 2 == 0 ? Topic.RECOVERY_GOALS : Topic.WORK_AND_STUDY, Topic.WELLBEING),
                                    i % 3 == 0,
                                    julieNotes[i],
                                    last ? LocalDateTime.of(today, LocalTime.of(14, 0)) : null),
                            today,
                            at(on)));
        }
        PersonId liam = people.require("Liam Murphy");
        for (int i = 0; i < 6; i++) {
            LocalDate on = today.minusDays(85 - i * 14L);
            interactions.insert(
                    agency,
                    Interaction.record(
                            liam,
                            marc,
                            new RecordInteraction(
                                    i % 2 == 0 ? InteractionKind.ONE_TO_ONE : InteractionKind.PHONE_CALL,
                                    on,
                                    i % 2 == 0 ? 50 : 15,
                                    i % 2 == 0 ? "Community centre" : null,
                                    Set.of(Topic.SUBSTANCE_USE, Topic.RECOVERY_GOALS),
                                    i == 0,
                                    i == 0
                                            ? "We talked about the first weeks after treatment. I shared how the evenings were hardest for me."
                                            : "Check-in. Liam is keeping to his plan and went to two meetings this week.",
                                    null),
                            today,
                            at(on)));
        }
        for (int i = 0; i < 4; i++) {
            LocalDate on = today.minusDays(50 - i * 12L);
            interactions.insert(
                    agency,
                    Interaction.record(
                            emma,
                            taylor,
                            new RecordInteraction(
                                    InteractionKind.ONE_TO_ONE,
                                    on,
                                    45,
                                    "Café on Main Street",
                                    Set.of(Topic.HEALTH_SERVICES, Topic.WELLBEING),
                                    false,
                                    "Prepared questions for Emma's next clinic appointment together.",
                                    null),
                            today,
                            at(on)));
        }

        // Groups: a walking group led by Rosa, a drop-in circle led by Jordan that meets today.
        SupportGroup walking = SupportGroup.start(
                groupsProgram,
                "Tuesday walking group",
                "An easy walk by the river, then tea. Everyone welcome at their own pace.",
                new SupportGroup.Schedule(DayOfWeek.TUESDAY, LocalTime.of(10, 0), "River path entrance"),
                rosa);
        groups.insert(agency, walking, at(today.minusMonths(6)));
        SupportGroup circle = SupportGroup.start(
                peerProgram,
                "Peer drop-in circle",
                "A weekly circle to share how the week went, led by a peer worker.",
                new SupportGroup.Schedule(today.getDayOfWeek(), LocalTime.of(15, 30), "Drop-in centre, room 2"),
                jordan);
        groups.insert(agency, circle, at(today.minusMonths(5)));
        PersonId kevin = people.require("Kevin Brown");
        PersonId sofia = people.require("Sofia Rossi");
        PersonId grace = people.require("Grace Adeyemi");
        groups.addMember(agency, walking.id(), member(julie, today.minusMonths(3), Decision.ALLOW), sam);
        groups.addMember(agency, walking.id(), member(kevin, today.minusMonths(4), Decision.WARN), sam);
        groups.addMember(agency, walking.id(), member(sofia, today.minusMonths(2), Decision.ALLOW), rosa);
        groups.addMember(agency, circle.id(), member(julie, today.minusMonths(2), Decision.ALLOW), jordan);
        groups.addMember(agency, circle.id(), member(grace, today.minusMonths(2), Decision.WARN), jordan);
        groups.addMember(
                agency,
                circle.id(),
                member(people.require("Aisha Mohamed"), today.minusMonths(1), Decision.ALLOW),
                jordan);
        for (int week = 1; week <= 8; week++) {
            LocalDate walk =
                    today.minusWeeks(week).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
            Map<PersonId, Boolean> present = new HashMap<>();
            present.put(julie, week % 3 != 0);
            present.put(kevin, true);
            present.put(sofia, week % 2 == 0);
            groups.insertSession(
                    agency,
                    walking.id(),
                    new SupportGroup.Session(SessionId.random(), walk, LocalTime.of(10, 0), 90, rosa, present),
                    at(walk));
            LocalDate meet = today.minusWeeks(week);
            Map<PersonId, Boolean> circlePresent = new HashMap<>();
            circlePresent.put(julie, true);
            circlePresent.put(grace, week % 2 == 1);
            if (week <= 4) {
                circlePresent.put(people.require("Aisha Mohamed"), week != 2);
            }
            groups.insertSession(
                    agency,
                    circle.id(),
                    new SupportGroup.Session(SessionId.random(), meet, LocalTime.of(15, 30), 75, jordan, circlePresent),
                    at(meet));
        }
    }

    private void accepted(
            AgencyId agency,
            ProgramId program,
            PersonId person,
            PersonId referrer,
            PersonId peer,
            PersonId coordinator,
            Map<PersonId, RelationshipId> assignment,
            LocalDate acceptedOn,
            String reason,
            Preferences preferences) {
        LocalDate received = acceptedOn.minusDays(12);
        referrals.insert(
                agency,
                referral(
                        person,
                        program,
                        referrer,
                        reason,
                        preferences,
                        ReferralStatus.ACCEPTED,
                        null,
                        peer,
                        assignment.get(person),
                        step(Referral.StepKind.RECEIVED, referrer, null, null, received),
                        step(Referral.StepKind.OFFERED, coordinator, null, null, received.plusDays(3)),
                        step(Referral.StepKind.CHOSEN, coordinator, peer, null, received.plusDays(8)),
                        step(Referral.StepKind.ACCEPTED, peer, peer, null, acceptedOn)));
    }

    /** A referral as it stands after its steps: the demo's history, written as it was. */
    private static Referral referral(
            PersonId person,
            ProgramId program,
            PersonId referrer,
            String reason,
            Preferences preferences,
            ReferralStatus status,
            @Nullable PersonId chosen,
            @Nullable PersonId assigned,
            @Nullable RelationshipId relationship,
            Referral.Step... steps) {
        return new Referral(
                ReferralId.random(),
                person,
                program,
                referrer,
                reason,
                preferences,
                status,
                chosen,
                assigned,
                relationship,
                steps[0].at(),
                steps[steps.length - 1].at(),
                steps.length - 1,
                List.of(steps));
    }

    private static SupportGroup.Member member(PersonId person, LocalDate since, Decision decision) {
        return new SupportGroup.Member(person, since, null, decision);
    }

    private static Referral.Step step(
            Referral.StepKind kind, PersonId by, @Nullable PersonId peer, @Nullable String note, LocalDate on) {
        return new Referral.Step(kind, by, peer, note, at(on));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}
