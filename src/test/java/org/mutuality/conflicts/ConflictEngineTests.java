package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.conflicts.engine.ConflictEngine;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.directory.TeamId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.relationships.Visibility;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Explanation;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The default policy on the situations of DOMAIN.md, with plain objects and no Spring. */
class ConflictEngineTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    static final TeamId PEER_TEAM = TeamId.random();
    static final TeamId CLINIC = TeamId.random();

    final Policy policy = PolicyParser.parse(Policies.defaultText());
    final List<Person> people = new ArrayList<>();
    final List<Relationship> relationships = new ArrayList<>();

    final PersonId psychiatrist = person("Hélène", CLINIC, Role.CLINICIAN);
    final PersonId supervisor = person("Sam", PEER_TEAM, Role.SUPERVISOR);
    final PersonId manager = person("Chris", null, Role.MANAGER);
    final PersonId peer = person("Jordan", PEER_TEAM, Role.PEER_WORKER, Role.SERVICE_USER);
    final PersonId peer2 = person("Marc", PEER_TEAM, Role.PEER_WORKER);
    final PersonId friend = person("Louise", PEER_TEAM, Role.PARTICIPANT);
    final PersonId participant = person("Julie", PEER_TEAM, Role.PARTICIPANT);

    @Test
    void blocksTimesheetApprovalByTreatingClinician() {
        relate(RelationshipKind.TREATS, psychiatrist, peer);

        ConflictEngine.Evaluation evaluation = evaluate(Action.APPROVE_TIMESHEET, psychiatrist, peer);

        assertThat(evaluation.decision()).isEqualTo(Decision.BLOCK);
        assertThat(evaluation.matches())
                .extracting(ConflictEngine.Match::rule)
                .containsExactly("care-relationship-and-oversight");
    }

    @Test
    void blocksTheCareRelationshipBothWaysRound() {
        relate(RelationshipKind.TREATS, psychiatrist, peer);

        assertThat(evaluate(Action.REVIEW_PERFORMANCE, peer, psychiatrist).decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void offersSupervisorAsAlternativeBeforeTheManager() {
        relate(RelationshipKind.TREATS, psychiatrist, peer);

        List<ConflictEngine.Candidate> alternatives =
                ConflictEngine.alternatives(graph(), policy, Action.APPROVE_TIMESHEET, psychiatrist, peer, 5);

        assertThat(alternatives).extracting(c -> c.node().id()).containsExactly(supervisor, manager);
        assertThat(alternatives.get(0).sameTeam()).isTrue();
    }

    @Test
    void leavesOutAlternativesWhoHaveAConflictThemselves() {
        relate(RelationshipKind.TREATS, psychiatrist, peer);
        relate(RelationshipKind.PARTNER, supervisor, peer);

        assertThat(ConflictEngine.alternatives(graph(), policy, Action.APPROVE_TIMESHEET, psychiatrist, peer, 5))
                .extracting(c -> c.node().id())
                .containsExactly(manager);
    }

    @ParameterizedTest(name = "{0} between Sam and Jordan, hidden from Hélène")
    @CsvSource({"PARTNER", "FAMILY", "NO_CONTACT", "TREATS", "FRIEND", "SUPPORTS", "NEIGHBOUR"})
    void offersTheSameAlternativesOnTheCallersViewWhetherOrNotAHiddenRelationshipExists(RelationshipKind kind) {
        relate(RelationshipKind.TREATS, psychiatrist, peer);
        List<ConflictEngine.Candidate> without = alternativesSeenBy(psychiatrist);

        relate(kind, supervisor, peer, Visibility.PARTIES);

        assertThat(alternativesSeenBy(psychiatrist))
                .isEqualTo(without)
                .extracting(c -> c.node().id())
                .containsExactly(supervisor, manager);
    }

    @ParameterizedTest(name = "{0} seen by {1}: {2}")
    @CsvSource({
        "PARTNER, PARTIES, ALLOW",
        "PARTNER, STAFF, BLOCK",
        "NO_CONTACT, PARTIES, ALLOW",
        "NO_CONTACT, STAFF, BLOCK",
        "NEIGHBOUR, PARTIES, ALLOW",
        "NEIGHBOUR, STAFF, WARN",
        "SUPPORTS, STAFF, CONSULT"
    })
    void decidesOnTheViewWithOnlyTheRelationshipsTheViewerMaySee(
            RelationshipKind kind, Visibility visibility, Decision expected) {
        relate(kind, supervisor, peer, visibility);

        AgencyGraph view = graph().seenThrough(seenBy(psychiatrist));

        assertThat(ConflictEngine.evaluate(view, policy, Action.APPROVE_TIMESHEET, supervisor, peer)
                        .decision())
                .isEqualTo(expected);
        assertThat(evaluate(Action.APPROVE_TIMESHEET, supervisor, peer).decision())
                .as("the whole graph counts it, whoever may see it")
                .isNotEqualTo(Decision.ALLOW);
    }

    @Test
    void keepsTheRelationshipsOfTheViewerThemselvesInTheirView() {
        relate(RelationshipKind.TREATS, psychiatrist, peer);

        AgencyGraph view = graph().seenThrough(seenBy(psychiatrist));

        assertThat(ConflictEngine.evaluate(view, policy, Action.APPROVE_TIMESHEET, psychiatrist, peer)
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void leavesHiddenRelationshipsOutOfTheView() {
        relate(RelationshipKind.FRIEND, peer2, participant, Visibility.PARTIES);
        relate(RelationshipKind.SUPERVISES, supervisor, peer2, Visibility.STAFF);
        AgencyGraph graph = graph();

        AgencyGraph view = graph.seenThrough(seenBy(psychiatrist));

        assertThat(view.edges(peer2)).extracting(Relationship::kind).containsExactly(RelationshipKind.SUPERVISES);
        assertThat(view.edges(participant)).isEmpty();
        assertThat(graph.edges(participant)).hasSize(1);
        assertThat(view.nodes()).hasSameSizeAs(graph.nodes());
    }

    @Test
    void ranksAlternativesOnAViewByTheLoadAllStaffMayKnowOf() {
        PersonId busy = person("Alex", PEER_TEAM, Role.SUPERVISOR);
        relate(RelationshipKind.TREATS, psychiatrist, peer);
        for (int i = 0; i < 3; i++) {
            relate(
                    RelationshipKind.SUPPORTS,
                    busy,
                    person("Supported " + i, null, Role.PARTICIPANT),
                    Visibility.PARTIES);
        }
        relate(RelationshipKind.SUPERVISES, supervisor, peer2, Visibility.STAFF);
        AgencyGraph graph = graph();

        AgencyGraph view = graph.seenThrough(seenBy(busy));

        assertThat(graph.load(busy)).isEqualTo(3);
        assertThat(view.load(busy))
                .as("even their own, which not every member of staff sees")
                .isZero();
        assertThat(view.load(supervisor)).isEqualTo(1);
        assertThat(ConflictEngine.alternatives(view, policy, Action.APPROVE_TIMESHEET, psychiatrist, peer, 5))
                .extracting(c -> c.node().id())
                .containsExactly(busy, supervisor, manager);
        assertThat(ConflictEngine.alternatives(graph, policy, Action.APPROVE_TIMESHEET, psychiatrist, peer, 5))
                .extracting(c -> c.node().id())
                .containsExactly(supervisor, busy, manager);
    }

    /** What someone who is neither privacy lead nor coordinator may see: their own and staff-wide ones. */
    private static Predicate<Relationship> seenBy(PersonId viewer) {
        return r -> r.involves(viewer) || r.visibility() == Visibility.STAFF;
    }

    private List<ConflictEngine.Candidate> alternativesSeenBy(PersonId viewer) {
        return ConflictEngine.alternatives(
                graph().seenThrough(seenBy(viewer)), policy, Action.APPROVE_TIMESHEET, viewer, peer, 5);
    }

    @Test
    void asksForAConsultationNotABanForAFriendship() {
        relate(RelationshipKind.FRIEND, peer2, friend);

        ConflictEngine.Evaluation evaluation = evaluate(Action.ASSIGN_SUPPORT, peer2, friend);

        assertThat(evaluation.decision()).isEqualTo(Decision.CONSULT);
    }

    @ParameterizedTest(name = "{0} with {1} for {2}: {3}")
    @CsvSource({
        "TREATS, DIRECT, APPROVE_TIMESHEET, BLOCK",
        "TREATS, DIRECT, SUPERVISE, BLOCK",
        "PARTNER, DIRECT, SUPERVISE, BLOCK",
        "EX_PARTNER, DIRECT, ASSIGN_SUPPORT, BLOCK",
        "FAMILY, DIRECT, INTERVIEW, BLOCK",
        "FRIEND, DIRECT, ASSIGN_SUPPORT, CONSULT",
        "FRIEND, DIRECT, LEAD_GROUP_WITH, WARN",
        "PARTNER, DIRECT, LEAD_GROUP_WITH, WARN",
        "HOUSEMATE, DIRECT, LEAD_GROUP_WITH, WARN",
        "FRIEND, DIRECT, INTERVIEW, CONSULT",
        "SOCIAL_MEDIA, DIRECT, ASSIGN_SUPPORT, CONSULT",
        "NEIGHBOUR, DIRECT, ASSIGN_SUPPORT, WARN",
        "NEIGHBOUR, DIRECT, APPROVE_TIMESHEET, WARN",
        "SUPPORTS, DIRECT, APPROVE_TIMESHEET, CONSULT",
        "NO_CONTACT, DIRECT, LEAD_GROUP_WITH, BLOCK",
        "NO_CONTACT, DIRECT, ASSIGN_SUPPORT, BLOCK",
        "SUPERVISES, DIRECT, ASSIGN_SUPPORT, ALLOW",
        "FRIEND, DIRECT, OPEN_RECORD, ALLOW"
    })
    void decidesEachSituationOfTheDefaultPolicy(RelationshipKind kind, String reach, Action action, Decision expected) {
        relate(kind, peer2, participant);

        assertThat(evaluate(action, peer2, participant).decision()).isEqualTo(expected);
    }

    @Test
    void asksForAConsultationWhenTheActorsPartnerSupervisesTheSubject() {
        PersonId partner = person("Robin", PEER_TEAM, Role.SUPERVISOR);
        relate(RelationshipKind.PARTNER, manager, partner);
        relate(RelationshipKind.SUPERVISES, partner, peer2);

        ConflictEngine.Evaluation evaluation = evaluate(Action.REVIEW_PERFORMANCE, manager, peer2);

        assertThat(evaluation.decision()).isEqualTo(Decision.CONSULT);
        assertThat(evaluation.matches().get(0).via()).isEqualTo(partner);
        assertThat(evaluation.matches().get(0).restsOn())
                .extracting(Relationship::kind)
                .containsExactly(RelationshipKind.SUPERVISES, RelationshipKind.PARTNER);
    }

    @Test
    void countsATreatmentOfTheSubjectsFamilyThroughSomeoneClose() {
        PersonId sister = person("Ana", null, Role.PARTICIPANT);
        relate(RelationshipKind.TREATS, psychiatrist, sister);
        relate(RelationshipKind.FAMILY, sister, peer2);

        assertThat(evaluate(Action.APPROVE_TIMESHEET, psychiatrist, peer2).decision())
                .isEqualTo(Decision.CONSULT);
    }

    @Test
    void neverLetsAPeerTakePartInAnInvoluntaryIntervention() {
        assertThat(evaluate(Action.INVOLUNTARY_INTERVENTION, peer2, participant).decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(evaluate(Action.INVOLUNTARY_INTERVENTION, psychiatrist, participant)
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksActingOverOneself() {
        assertThat(evaluate(Action.APPROVE_TIMESHEET, supervisor, supervisor).decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void ignoresEndedRelationships() {
        relationships.add(new Relationship(
                RelationshipId.random(),
                AGENCY,
                RelationshipKind.TREATS,
                psychiatrist,
                peer,
                TODAY.minusYears(3),
                TODAY.minusYears(1),
                RelationshipSource.DECLARED,
                null,
                RelationshipKind.TREATS.defaultVisibility(),
                null));

        assertThat(evaluate(Action.APPROVE_TIMESHEET, psychiatrist, peer).decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void ranksGroupsOfNeighboursAsWarningsNotBlocks() {
        for (int i = 0; i < 20; i++) {
            PersonId neighbour = person("Neighbour " + i, PEER_TEAM, Role.PARTICIPANT);
            relate(RelationshipKind.NEIGHBOUR, peer2, neighbour);
        }
        AgencyGraph graph = graph();

        long blocked = graph.nodes().stream()
                .filter(n -> n.roles().contains(Role.PARTICIPANT))
                .map(n -> ConflictEngine.evaluate(graph, policy, Action.ASSIGN_SUPPORT, peer2, n.id())
                        .decision())
                .filter(d -> d == Decision.BLOCK)
                .count();

        assertThat(blocked).isZero();
    }

    private ConflictEngine.Evaluation evaluate(Action action, PersonId actor, PersonId subject) {
        return ConflictEngine.evaluate(graph(), policy, action, actor, subject);
    }

    private AgencyGraph graph() {
        return AgencyGraph.build(people, relationships, TODAY);
    }

    private PersonId person(String name, TeamId team, Role... roles) {
        PersonId id = PersonId.random();
        List<PersonRole> held = new ArrayList<>();
        for (Role role : roles) {
            held.add(new PersonRole(RoleId.random(), role, null, team, TODAY.minusYears(1), null));
        }
        people.add(new Person(id, AGENCY, new PersonDetails(name, null, null, null, null), true, 0, held));
        return id;
    }

    private void relate(RelationshipKind kind, PersonId a, PersonId b) {
        relate(kind, a, b, kind.defaultVisibility());
    }

    private void relate(RelationshipKind kind, PersonId a, PersonId b, Visibility visibility) {
        relationships.add(new Relationship(
                RelationshipId.random(),
                AGENCY,
                kind,
                a,
                b,
                TODAY.minusYears(1),
                null,
                RelationshipSource.DECLARED,
                null,
                visibility,
                null));
    }

    /**
     * APA 3.05 (a)(2): a relationship with someone closely associated with or related to the person.
     * Marc acts over Julie; Robin is close to one of them (partner, family or housemate) and has a
     * personal relationship with the other. Through someone close, a personal relationship asks one
     * step less than it does directly, and the reason names the path.
     */
    @Nested
    class ThroughSomeoneClose {

        /** The actions a relationship rule decides, in the columns of the table below. */
        static final Action[] ACTIONS = {
            Action.APPROVE_TIMESHEET,
            Action.SUPERVISE,
            Action.REVIEW_PERFORMANCE,
            Action.ASSIGN_SUPPORT,
            Action.LEAD_GROUP_WITH,
            Action.INTERVIEW,
            Action.INVESTIGATE_INCIDENT,
            Action.OPEN_RECORD
        };

        static final Map<RelationshipKind, String> ENGLISH = Map.of(
                RelationshipKind.PARTNER, "%s and %s are partners",
                RelationshipKind.EX_PARTNER, "%s and %s are former partners",
                RelationshipKind.FAMILY, "%s and %s are family",
                RelationshipKind.HOUSEMATE, "%s and %s live together",
                RelationshipKind.FRIEND, "%s and %s are friends",
                RelationshipKind.COWORKER_OUTSIDE, "%s and %s work together outside the agency",
                RelationshipKind.SOCIAL_MEDIA, "%s and %s are connected on social media",
                RelationshipKind.NEIGHBOUR, "%s and %s are neighbours");

        static final Map<RelationshipKind, String> FRENCH = Map.of(
                RelationshipKind.PARTNER, "%s et %s sont partenaires",
                RelationshipKind.EX_PARTNER, "%s et %s sont ex-partenaires",
                RelationshipKind.FAMILY, "%s et %s sont de la même famille",
                RelationshipKind.HOUSEMATE, "%s et %s vivent ensemble",
                RelationshipKind.FRIEND, "%s et %s sont ami·es",
                RelationshipKind.COWORKER_OUTSIDE, "%s et %s travaillent ensemble en dehors de l’organisme",
                RelationshipKind.SOCIAL_MEDIA, "%s et %s sont lié·es sur les réseaux sociaux",
                RelationshipKind.NEIGHBOUR, "%s et %s sont voisin·es");

        final PersonId robin = person("Robin", null, Role.PARTICIPANT);

        /** Who Robin is close to. */
        enum Side {
            ACTOR,
            SUBJECT
        }

        static Stream<Arguments> personalKindsThroughEachCloseKind() {
            return RelationshipKind.personal().stream()
                    .flatMap(kind -> Stream.of(
                                    RelationshipKind.PARTNER, RelationshipKind.FAMILY, RelationshipKind.HOUSEMATE)
                            .flatMap(close -> Stream.of(Side.values()).map(side -> Arguments.of(kind, close, side))));
        }

        @ParameterizedTest(name = "{0} through a {1} of the {2}")
        @MethodSource("personalKindsThroughEachCloseKind")
        void decidesAndNamesThePathOfEachPersonalKindThroughEachCloseKind(
                RelationshipKind kind, RelationshipKind close, Side side) {
            Headline headline = Headline.of(kind);
            through(kind, close, side);

            ConflictEngine.Evaluation evaluation = evaluate(headline.action(), peer2, participant);

            assertThat(evaluation.decision()).isEqualTo(headline.decision());
            assertThat(evaluation.matches()).singleElement().satisfies(match -> {
                assertThat(match.rule()).isEqualTo(headline.rule());
                assertThat(match.via()).isEqualTo(robin);
                RelationshipKind first = side == Side.ACTOR ? close : kind;
                RelationshipKind second = side == Side.ACTOR ? kind : close;
                assertThat(words(match, peer2, Locale.ENGLISH))
                        .isEqualTo(
                                "Through someone close: " + ENGLISH.get(first).formatted("Marc", "Robin") + ", and "
                                        + ENGLISH.get(second).formatted("Robin", "Julie") + ".");
                assertThat(words(match, peer2, Locale.FRENCH))
                        .isEqualTo(
                                "Par une personne proche : " + FRENCH.get(first).formatted("Marc", "Robin") + ", et "
                                        + FRENCH.get(second).formatted("Robin", "Julie") + ".");
            });
        }

        /** Columns: the actions of {@link #ACTIONS}, in order. */
        @ParameterizedTest(name = "{0} through someone close: {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "PARTNER          | CONSULT CONSULT CONSULT CONSULT ALLOW CONSULT CONSULT CONSULT",
                    "EX_PARTNER       | CONSULT CONSULT CONSULT CONSULT ALLOW CONSULT CONSULT CONSULT",
                    "FAMILY           | CONSULT CONSULT CONSULT CONSULT ALLOW CONSULT CONSULT CONSULT",
                    "HOUSEMATE        | CONSULT CONSULT CONSULT CONSULT ALLOW CONSULT CONSULT CONSULT",
                    "FRIEND           | WARN    WARN    WARN    WARN    ALLOW WARN    WARN    ALLOW",
                    "COWORKER_OUTSIDE | WARN    WARN    WARN    WARN    ALLOW WARN    WARN    ALLOW",
                    "SOCIAL_MEDIA     | ALLOW   ALLOW   ALLOW   WARN    ALLOW WARN    ALLOW   ALLOW",
                    "NEIGHBOUR        | ALLOW   ALLOW   ALLOW   ALLOW   ALLOW WARN    ALLOW   ALLOW"
                })
        void decidesEveryActionForAPersonalKindThroughSomeoneClose(RelationshipKind kind, String decisions) {
            String[] expected = decisions.trim().split("\\s+");

            for (int i = 0; i < ACTIONS.length; i++) {
                for (RelationshipKind close :
                        List.of(RelationshipKind.PARTNER, RelationshipKind.FAMILY, RelationshipKind.HOUSEMATE)) {
                    for (Side side : Side.values()) {
                        assertThat(decisionThrough(kind, close, side, ACTIONS[i]))
                                .as("%s for %s through a %s of the %s", kind, ACTIONS[i], close, side)
                                .isEqualTo(Decision.valueOf(expected[i]));
                    }
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.mutuality.relationships.RelationshipKind#personal")
        void asksLessThroughSomeoneCloseThanDirectlyAndNeverBlocks(RelationshipKind kind) {
            for (Action action : ACTIONS) {
                ConflictEngineTests direct = new ConflictEngineTests();
                direct.relate(kind, direct.peer2, direct.participant);
                Decision directly = direct.evaluate(action, direct.peer2, direct.participant)
                        .decision();
                for (Side side : Side.values()) {
                    Decision throughClose = decisionThrough(kind, RelationshipKind.PARTNER, side, action);
                    assertThat(throughClose)
                            .as(
                                    "%s for %s: %s directly, %s through someone close",
                                    kind, action, directly, throughClose)
                            .isNotEqualTo(Decision.BLOCK)
                            .matches(d -> directly == Decision.ALLOW ? d == Decision.ALLOW : d.compareTo(directly) < 0);
                }
            }
        }

        @Test
        void namesACareRelationshipInItsDirection() {
            PersonId sister = person("Ana", null, Role.PARTICIPANT);
            relate(RelationshipKind.TREATS, psychiatrist, sister);
            relate(RelationshipKind.FAMILY, sister, peer2);

            ConflictEngine.Match match = evaluate(Action.APPROVE_TIMESHEET, psychiatrist, peer2)
                    .matches()
                    .get(0);

            assertThat(words(match, psychiatrist, Locale.ENGLISH))
                    .isEqualTo("Through someone close: Hélène treats Ana, and Ana and Marc are family.");
            assertThat(words(match, psychiatrist, Locale.FRENCH))
                    .isEqualTo("Par une personne proche : Hélène soigne Ana, et Ana et Marc sont de la même famille.");
        }

        @Test
        void triesBothLinksWhenBothAreClose() {
            Policy partnersOnly = PolicyParser.parse("""
                    rules:
                      - id: partners-close
                        actions: [SUPERVISE]
                        kinds: [PARTNER]
                        reach: [CLOSE]
                        decision: CONSULT
                        explanation: x
                    """);
            // Marc's partner Robin is Julie's sister: the partnership is the link the rule is about.
            relate(RelationshipKind.PARTNER, peer2, robin);
            relate(RelationshipKind.FAMILY, robin, participant);

            ConflictEngine.Evaluation evaluation =
                    ConflictEngine.evaluate(graph(), partnersOnly, Action.SUPERVISE, peer2, participant);

            assertThat(evaluation.decision()).isEqualTo(Decision.CONSULT);
            assertThat(evaluation.matches()).singleElement().satisfies(m -> {
                assertThat(m.relationship().kind()).isEqualTo(RelationshipKind.PARTNER);
                assertThat(m.closeness().kind()).isEqualTo(RelationshipKind.FAMILY);
            });
        }

        @Test
        void seesNothingThroughAFriendOfAFriend() {
            relate(RelationshipKind.FRIEND, peer2, robin);
            relate(RelationshipKind.EX_PARTNER, robin, participant);

            assertThat(evaluate(Action.SUPERVISE, peer2, participant).decision())
                    .isEqualTo(Decision.ALLOW);
        }

        private Decision decisionThrough(RelationshipKind kind, RelationshipKind close, Side side, Action action) {
            ConflictEngineTests fresh = new ConflictEngineTests();
            PersonId via = fresh.person("Robin", null, Role.PARTICIPANT);
            fresh.relate(side == Side.ACTOR ? close : kind, fresh.peer2, via);
            fresh.relate(side == Side.ACTOR ? kind : close, via, fresh.participant);
            return fresh.evaluate(action, fresh.peer2, fresh.participant).decision();
        }

        private void through(RelationshipKind kind, RelationshipKind close, Side side) {
            relate(side == Side.ACTOR ? close : kind, peer2, robin);
            relate(side == Side.ACTOR ? kind : close, robin, participant);
        }

        private String words(ConflictEngine.Match match, PersonId actor, Locale locale) {
            AgencyGraph graph = graph();
            Explanation path = match.path(actor, id -> graph.node(id).name()).orElseThrow();
            return MESSAGES.getMessage(path, locale);
        }
    }

    /** The kind's strongest case through someone close: the action, the decision and the rule. */
    record Headline(Action action, Decision decision, String rule) {
        static Headline of(RelationshipKind kind) {
            return switch (kind) {
                case PARTNER, EX_PARTNER, FAMILY, HOUSEMATE ->
                    new Headline(Action.SUPERVISE, Decision.CONSULT, "intimate-or-family-through-someone-close");
                case FRIEND, COWORKER_OUTSIDE ->
                    new Headline(
                            Action.APPROVE_TIMESHEET, Decision.WARN, "friendship-and-oversight-through-someone-close");
                case SOCIAL_MEDIA ->
                    new Headline(Action.ASSIGN_SUPPORT, Decision.WARN, "friendship-and-support-through-someone-close");
                case NEIGHBOUR ->
                    new Headline(Action.INTERVIEW, Decision.WARN, "acquaintance-and-research-through-someone-close");
                default -> throw new IllegalArgumentException("not a personal kind: " + kind);
            };
        }
    }

    static final ResourceBundleMessageSource MESSAGES = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
