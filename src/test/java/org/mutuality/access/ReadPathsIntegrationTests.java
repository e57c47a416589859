package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every GET endpoint of the application, pages and API alike, as each colleague of Jordan Lee
 * who is outside Jordan's circle of care (administrator and privacy lead included), with Jordan's
 * id in every path that takes one. No response may carry Jordan's care notes. The endpoints that
 * serve person-level records must have asked the guard, which the audit log proves with a refused
 * read per call. A new endpoint fails this test until it is placed in one of the lists below.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadPathsIntegrationTests {

    /** Endpoints that serve a person-level record: each read must go through the guard. */
    static final Set<String> GUARDED = Set.of(
            "/api/v1/people/{id}/notes",
            "/people/{id}/notes",
            "/api/v1/people/{id}/interactions",
            "/support/participants/{id}",
            "/api/v1/people/{id}/messages",
            "/contact/threads/{id}");

    /**
     * Endpoints that serve one record found by its own id (a referral, a group roster) or a list of
     * records, each asking the guard with the module's party basis; the walk gives them random ids,
     * so their refusals are proven in the module's own tests instead (SupportIntegrationTests,
     * ConsultationsIntegrationTests, JournalIntegrationTests, SupervisionIntegrationTests).
     */
    static final Set<String> GUARDED_BY_RECORD = Set.of(
            "/api/v1/referrals",
            "/api/v1/referrals/{id}",
            "/api/v1/referrals/{id}/suggestions",
            "/api/v1/me/referrals/{id}/suggestions",
            "/referrals",
            "/referrals/{id}",
            "/api/v1/groups/{id}",
            "/groups/{id}",
            "/api/v1/me/day",
            "/api/v1/concerns",
            "/api/v1/concerns/{id}",
            "/api/v1/me/concerns",
            "/concerns",
            "/concerns/{id}",
            "/api/v1/incidents",
            "/api/v1/incidents/{id}",
            "/incidents",
            "/incidents/{id}",
            "/api/v1/pauses",
            "/api/v1/pauses/{id}",
            "/pauses",
            "/pauses/{id}",
            "/api/v1/me/messages",
            "/api/v1/messages/inbox",
            "/contact",
            "/contact/inbox",
            "/contact/form",
            "/contact/crisis",
            "/contact/confirm",
            "/api/v1/consultations",
            "/api/v1/consultations/{id}",
            "/consultations",
            "/consultations/{id}",
            "/api/v1/agreements",
            "/api/v1/agreements/{id}",
            "/agreements",
            "/agreements/{id}",
            "/api/v1/journal/shared",
            "/api/v1/journal/shared/{id}",
            "/api/v1/me/journal",
            "/api/v1/me/journal/export.md",
            "/api/v1/me/journal/export.pdf",
            "/api/v1/me/journal/{id}",
            "/journal",
            "/journal/export.md",
            "/journal/export.pdf",
            "/journal/shared",
            "/journal/shared/{id}",
            "/journal/{id}",
            "/api/v1/supervision/sessions",
            "/api/v1/supervision/sessions/{id}",
            "/api/v1/supervision/sessions/{id}/summary",
            "/supervision",
            "/supervision/sessions/{id}",
            "/training",
            "/people/{id}/training",
            "/people/{id}/training/records/{recordId}/certificate",
            "/training/compliance",
            "/training/compliance.csv",
            "/api/v1/people/{id}/trainings",
            "/api/v1/people/{id}/trainings/{recordId}/certificate",
            "/api/v1/compliance",
            // Work and wellness plans: the supervisor and (work plan) the privacy lead read them, so
            // their refusals are proven in WorkPlanIntegrationTests and WellnessPlanIntegrationTests.
            "/api/v1/me/work-plan",
            "/api/v1/people/{id}/work-plan",
            "/api/v1/me/wellness-plan",
            "/api/v1/people/{id}/wellness-plan",
            "/api/v1/accommodations",
            "/api/v1/accommodations/{id}",
            "/work-plan",
            "/people/{id}/work-plan",
            "/wellness-plan",
            "/people/{id}/wellness-plan",
            // Onboarding: the supervisor and the privacy lead read it; refusals in
            // OnboardingIntegrationTests.
            "/api/v1/me/onboarding",
            "/api/v1/onboarding",
            "/api/v1/people/{id}/onboarding",
            "/onboarding",
            "/people/{id}/onboarding",
            "/accommodations",
            "/accommodations/{id}",
            // Research consents: the person and the study's team; refusals in StudiesIntegrationTests.
            "/api/v1/studies/{id}/consents",
            "/api/v1/studies/{id}/consents/{consentId}",
            "/api/v1/me/studies",
            "/studies",
            "/studies/{id}",
            // Outcome questionnaires: the participant, and their peer worker while the participant
            // allows it; refusals in QuestionnairesIntegrationTests.
            "/api/v1/me/questionnaires/{code}/results",
            "/api/v1/people/{id}/questionnaires/{code}/results",
            "/questionnaires/{code}/results",
            "/people/{id}/questionnaires/{code}/results",
            // A participant's recovery and crisis plans: their assigned peer worker (recovery plan)
            // and the people they name (crisis plan) read them; refusals in VoiceIntegrationTests.
            "/api/v1/me/recovery-plan",
            "/api/v1/me/recovery-plan/versions",
            "/api/v1/people/{id}/recovery-plan",
            "/api/v1/me/crisis-plan",
            "/api/v1/me/crisis-plan/versions",
            "/api/v1/people/{id}/crisis-plan",
            "/recovery-plan",
            "/recovery-plan/history",
            "/crisis-plan",
            "/crisis-plan/print",
            "/people/{id}/crisis-plan");

    /** Endpoints that serve no person-level record (directory, own data, agency-level reports). */
    static final Set<String> NOT_A_RECORD = Set.of(
            "/",
            "/api/v1/studies",
            "/api/v1/studies/{id}",
            "/api/v1/me/questionnaires",
            "/api/v1/me/questionnaires/sharing",
            "/questionnaires",
            "/questionnaires/{code}",
            "/api/v1/me/feedback",
            "/feedback",
            "/api/v1/fidelity/questionnaires",
            "/api/v1/fidelity/feedback",
            "/fidelity/feedback",
            "/roles",
            "/roles/{role}",
            "/roles/{role}/edit",
            "/me/roles",
            "/api/v1/roles/{role}/description",
            "/api/v1/roles/{role}/description/versions",
            "/api/v1/me/role-descriptions",
            "/consultations/new",
            "/navigator",
            "/api/v1/supervision/due",
            "/api/v1/trainings",
            "/training/catalogue",
            "/api/v1/supervision/settings",
            "/supervision/settings",
            "/api/v1/supervision/supervisors",
            "/supervision/supervisors",
            "/access/break-glass",
            "/account",
            "/account/sessions",
            "/account/invitation",
            "/api/v1/access/break-glass",
            "/api/v1/access/break-glass/mine",
            "/api/v1/audit/entries",
            "/api/v1/audit/head",
            "/api/v1/audit/people/{id}/access-log.csv",
            "/api/v1/audit/verify",
            "/api/v1/conflicts/policy",
            "/api/v1/conflicts/policy/versions",
            "/api/v1/conflicts/policy/versions/{version}",
            "/api/v1/conflicts/policy/versions/{version}/diff",
            "/api/v1/conflicts/scan",
            "/api/v1/conflicts/scan.csv",
            "/api/v1/me",
            "/api/v1/parity",
            "/api/v1/code-of-conduct",
            "/api/v1/code-of-conduct/versions",
            "/api/v1/code-of-conduct/attestations",
            "/api/v1/me/attestation",
            "/code-of-conduct",
            "/code-of-conduct/edit",
            "/code-of-conduct/attest",
            "/code-of-conduct/attestations",
            "/code-of-conduct/attestations.csv",
            "/api/v1/programs/{id}/contact-settings",
            "/parity",
            "/api/v1/caseloads",
            "/api/v1/groups",
            "/api/v1/language/phrases",
            "/api/v1/me/peer-profile",
            "/api/v1/me/boundary-plan",
            "/api/v1/me/reflections",
            "/api/v1/reflections/shared-with-me",
            "/api/v1/peer-role",
            "/api/v1/me/access-log",
            "/api/v1/me/access-log/proof",
            "/api/v1/audit/tree-heads",
            "/api/v1/audit/consistency",
            "/api/v1/me/notices",
            "/api/v1/me/tokens",
            "/api/v1/me/sessions",
            "/api/v1/people",
            "/api/v1/people/{id}",
            "/api/v1/people/{id}/consent-directives",
            "/api/v1/people/{id}/readers",
            "/api/v1/people/{id}/relationships",
            "/api/v1/people/{id}/roles",
            "/api/v1/programs",
            "/api/v1/relationships/{id}",
            "/api/v1/timesheets",
            "/api/v1/timesheets/to-approve",
            "/api/v1/timesheets/route",
            "/api/v1/timesheets/{id}",
            "/api/v1/timesheets/{id}/decisions",
            "/api/v1/timesheets/{id}/versions",
            "/api/v1/timesheets/weeks",
            "/api/v1/timesheets/weeks/{id}",
            "/audit",
            "/boundaries",
            "/boundaries/shared",
            "/groups",
            "/peer-support",
            "/peer-support/edit",
            "/referrals/new",
            "/support/caseloads",
            "/support/language",
            "/support/profile",
            "/audit/people/{id}/access-log.csv",
            "/conflicts/policy",
            "/conflicts/policy/versions/{version}",
            "/conflicts/scan",
            "/conflicts/scan.csv",
            "/login",
            "/me/access-log",
            "/me/access-log/proof",
            "/audit/consistency",
            "/notices",
            "/people",
            "/people/new",
            "/people/{id}",
            "/people/{id}/consent",
            "/people/{id}/edit",
            "/people/{id}/relationships",
            "/programs",
            "/setup",
            "/timesheets",
            "/timesheets/{id}",
            "/timesheets/weeks/{id}");

    /** Framework endpoints outside Mutuality's code. */
    static final Set<String> FRAMEWORK =
            Set.of("/error", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html");

    static final List<String> COLLEAGUES =
            List.of("admin", "privacy", "supervisor", "peer2", "volunteer", "researcher");

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String jordan;
    String marker;

    @BeforeAll
    void writeACareNoteOnlyTheCircleOfCareMayRead() {
        Api api = agency.api();
        jordan = Demo.personId(jdbc, "Jordan Lee");
        marker = "walk-marker-" + UUID.randomUUID();
        Api.Response written = api.post(
                "/api/v1/people/" + jordan + "/notes",
                api.demoToken("psychiatrist"),
                "{\"kind\":\"CARE_NOTES\",\"text\":\"" + marker + "\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/people/" + jordan + "/notes", api.demoToken("psychiatrist"))
                        .body())
                .as("the circle of care reads the note, so the walk below can fail")
                .contains(marker);
    }

    @Test
    void placesEveryReadEndpointInAList() {
        Set<String> unplaced = new TreeSet<>(getPatterns());
        unplaced.removeAll(GUARDED);
        unplaced.removeAll(NOT_A_RECORD);
        unplaced.removeAll(GUARDED_BY_RECORD);
        unplaced.removeAll(FRAMEWORK);
        assertThat(unplaced)
                .as("new GET endpoints: add each to GUARDED (and route it through AccessGuard) or NOT_A_RECORD")
                .isEmpty();
    }

    @Test
    void servesNoColleagueJordansCareNotesOnAnyPageOrApi() {
        Api api = agency.api();
        for (String colleague : COLLEAGUES) {
            String token = api.demoToken(colleague);
            BrowserSession browser = agency.demoBrowser(colleague);
            for (String pattern : getPatterns()) {
                if (FRAMEWORK.contains(pattern)) {
                    continue;
                }
                String path = fill(pattern);
                long deniedBefore = denied(colleague);
                String body = pattern.startsWith("/api/")
                        ? api.get(path, token).body()
                        : browser.get(path).body();
                assertThat(body).as(colleague + " GET " + path).doesNotContain(marker);
                if (GUARDED.contains(pattern)) {
                    assertThat(denied(colleague))
                            .as(colleague + " GET " + path + " asked the guard and was refused on the record")
                            .isGreaterThan(deniedBefore);
                }
            }
        }
    }

    private Set<String> getPatterns() {
        Set<String> patterns = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                patterns.addAll(info.getPatternValues());
            }
        }
        return patterns;
    }

    private String fill(String pattern) {
        String path = pattern.startsWith("/api/v1/people/")
                        || pattern.startsWith("/people/")
                        || pattern.contains("/audit/people/")
                        || pattern.startsWith("/support/participants/")
                        || pattern.startsWith("/contact/threads/")
                ? pattern.replace("{id}", jordan)
                : pattern.replace("{id}", UUID.randomUUID().toString());
        // Any other id in the route (a training record's) is one that does not exist.
        return path.replace("{version}", "1")
                .replace("{role}", "PEER_WORKER")
                .replaceAll("\\{[a-zA-Z]+\\}", UUID.randomUUID().toString());
    }

    private long denied(String username) {
        return jdbc.sql("""
                        select count(*) from audit_entry e join user_account a on a.person_id = e.actor_id
                        where a.username = :username and e.subject_id = :jordan and e.outcome = 'DENIED'
                        """)
                .param("username", username)
                .param("jordan", UUID.fromString(jordan))
                .query(Long.class)
                .single();
    }
}
