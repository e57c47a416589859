package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every handler of the application, pages and API, by reflection over the request mappings.
 * Each handler is walked by a participant of the agency who is a party to nothing (the stranger):
 * refused ({@link #REFUSED}), with the status named here and a refused entry, about Jordan Lee when
 * the route names a person; or allowed ({@link #ALLOWED}), a write the stranger may make about
 * someone else, which must succeed and leave an entry about that person. Otherwise it is named in
 * {@link #NOT_PERSON_SCOPED} with the reason it is not about another person. A new handler in no
 * list fails this test with its route.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCoverageIntegrationTests {

    static final String PASSWORD = "walk-every-handler-2026";

    /**
     * Handlers the stranger is refused, with the status they answer: a hidden record is a 404; a page
     * that shows the refusal as a form message redirects (302).
     */
    static final Map<String, Integer> REFUSED = Map.ofEntries(
            Map.entry("POST /people/{id}/break-glass", 404),
            Map.entry("POST /access/break-glass/{grantId}/review", 403),
            Map.entry("POST /referrals/{id}/choice", 403),
            Map.entry("POST /people/{id}/notes", 404),
            Map.entry("POST /timesheets/{id}/hand-over", 404),
            Map.entry("POST /timesheets/{id}/question", 404),
            Map.entry("POST /timesheets/{id}/return", 404),
            Map.entry("POST /timesheets/{id}/answer", 404),
            Map.entry("POST /timesheets/{id}/correct", 404),
            Map.entry("GET /timesheets/weeks/{id}", 404),
            Map.entry("POST /api/v1/timesheets/{id}/question", 404),
            Map.entry("POST /api/v1/timesheets/{id}/return", 404),
            Map.entry("POST /api/v1/timesheets/{id}/answer", 404),
            Map.entry("POST /api/v1/timesheets/{id}/correct", 404),
            Map.entry("GET /api/v1/timesheets/{id}/versions", 404),
            Map.entry("GET /api/v1/timesheets/weeks/{id}", 404),
            Map.entry("POST /referrals", 404),
            Map.entry("POST /people/{id}/account", 404),
            Map.entry("POST /api/v1/people/{id}/notes", 404),
            Map.entry("POST /api/v1/timesheets/{id}/hand-over", 404),
            Map.entry("POST /api/v1/referrals/{id}/choice", 403),
            Map.entry("POST /api/v1/referrals", 404),
            Map.entry("POST /api/v1/access/break-glass", 404),
            Map.entry("POST /api/v1/access/break-glass/{id}/review", 403),
            Map.entry("PUT /api/v1/people/{id}", 404),
            Map.entry("POST /api/v1/people/{id}/roles", 404),
            Map.entry("POST /api/v1/people/{id}/account", 404),
            Map.entry("PUT /api/v1/groups/{id}/leader", 403),
            Map.entry("POST /api/v1/groups/{id}/members", 403),
            Map.entry("POST /api/v1/groups/{id}/sessions", 403),
            Map.entry("POST /api/v1/timesheets", 403),
            Map.entry("GET /access/break-glass", 403),
            Map.entry("GET /api/v1/access/break-glass", 403),
            Map.entry("GET /api/v1/audit/entries", 403),
            Map.entry("GET /api/v1/audit/head", 403),
            Map.entry("GET /api/v1/audit/consistency", 403),
            Map.entry("POST /api/v1/audit/tree-heads", 403),
            Map.entry("GET /audit/consistency", 403),
            Map.entry("POST /audit/tree-heads", 403),
            Map.entry("GET /api/v1/audit/people/{id}/access-log.csv", 403),
            Map.entry("GET /api/v1/audit/verify", 403),
            Map.entry("GET /api/v1/caseloads", 403),
            Map.entry("GET /api/v1/concerns", 403),
            Map.entry("GET /api/v1/conflicts/policy", 403),
            Map.entry("GET /api/v1/conflicts/policy/versions", 403),
            Map.entry("GET /api/v1/conflicts/policy/versions/{version}", 403),
            Map.entry("GET /api/v1/conflicts/scan", 403),
            Map.entry("GET /api/v1/conflicts/scan.csv", 403),
            Map.entry("GET /api/v1/groups/{id}", 403),
            Map.entry("GET /api/v1/incidents/{id}", 403),
            Map.entry("GET /api/v1/me/boundary-plan", 403),
            Map.entry("GET /api/v1/me/peer-profile", 403),
            Map.entry("GET /api/v1/parity", 403),
            Map.entry("GET /api/v1/code-of-conduct/attestations", 403),
            Map.entry("GET /code-of-conduct/attestations", 403),
            Map.entry("GET /code-of-conduct/attestations.csv", 403),
            Map.entry("GET /api/v1/people", 403),
            Map.entry("GET /api/v1/people/{id}", 404),
            Map.entry("GET /api/v1/people/{id}/consent-directives", 404),
            Map.entry("GET /api/v1/people/{id}/readers", 404),
            Map.entry("GET /api/v1/relationships/{id}", 404),
            Map.entry("GET /api/v1/people/{id}/relationships", 404),
            Map.entry("POST /api/v1/relationships/{id}/end", 404),
            Map.entry("GET /api/v1/people/{id}/interactions", 404),
            Map.entry("GET /api/v1/people/{id}/messages", 404),
            Map.entry("GET /api/v1/people/{id}/notes", 404),
            Map.entry("GET /api/v1/people/{id}/roles", 404),
            Map.entry("GET /api/v1/referrals/{id}", 403),
            Map.entry("GET /api/v1/referrals/{id}/suggestions", 403),
            Map.entry("GET /api/v1/timesheets/{id}", 404),
            Map.entry("GET /api/v1/timesheets/{id}/decisions", 404),
            Map.entry("GET /audit", 403),
            Map.entry("GET /audit/people/{id}/access-log.csv", 403),
            Map.entry("GET /boundaries", 403),
            Map.entry("GET /conflicts/policy", 403),
            Map.entry("GET /conflicts/policy/versions/{version}", 403),
            Map.entry("GET /conflicts/scan", 403),
            Map.entry("GET /conflicts/scan.csv", 403),
            Map.entry("GET /contact/threads/{id}", 404),
            Map.entry("GET /groups/{id}", 403),
            Map.entry("GET /incidents/{id}", 403),
            Map.entry("GET /parity", 403),
            Map.entry("GET /peer-support/edit", 403),
            Map.entry("GET /people/new", 403),
            Map.entry("GET /people/{id}", 404),
            Map.entry("GET /people/{id}/consent", 404),
            Map.entry("GET /people/{id}/edit", 404),
            Map.entry("GET /people/{id}/notes", 404),
            Map.entry("GET /people/{id}/relationships", 404),
            Map.entry("GET /referrals/{id}", 403),
            Map.entry("GET /support/caseloads", 403),
            Map.entry("GET /support/participants/{id}", 404),
            Map.entry("GET /support/profile", 403),
            Map.entry("GET /timesheets/{id}", 404),
            Map.entry("POST /api/v1/groups/{id}/members/{personId}/leave", 403),
            Map.entry("POST /api/v1/incidents/{id}/resolve", 403),
            Map.entry("POST /api/v1/incidents/{id}/take", 403),
            Map.entry("POST /api/v1/people/{id}/consent-directives", 404),
            Map.entry("POST /api/v1/people/{id}/consent-directives/{directiveId}/withdraw", 404),
            Map.entry("POST /api/v1/people/{id}/deactivate", 404),
            Map.entry("POST /api/v1/people/{id}/reactivate", 404),
            Map.entry("POST /api/v1/people/{id}/roles/{roleId}/end", 404),
            Map.entry("POST /api/v1/referrals/{id}/close", 403),
            Map.entry("POST /api/v1/referrals/{id}/declined", 403),
            Map.entry("POST /api/v1/referrals/{id}/offer", 403),
            Map.entry("POST /api/v1/timesheets/{id}/approve", 404),
            Map.entry("POST /boundaries", 403),
            Map.entry("POST /contact", 403),
            Map.entry("POST /groups/{id}/members/{personId}/leave", 403),
            Map.entry("POST /incidents/{id}/accounts", 403),
            Map.entry("POST /incidents/{id}/take", 403),
            Map.entry("POST /peer-support/edit", 403),
            Map.entry("POST /people", 403),
            Map.entry("POST /people/{id}", 404),
            Map.entry("POST /people/{id}/consent", 404),
            Map.entry("POST /people/{id}/deactivate", 404),
            Map.entry("POST /people/{id}/reactivate", 404),
            Map.entry("POST /people/{id}/relationships", 404),
            Map.entry("POST /people/{id}/roles", 404),
            Map.entry("POST /people/{id}/roles/{roleId}/end", 404),
            Map.entry("POST /referrals/{id}/answer", 403),
            Map.entry("POST /referrals/{id}/close", 403),
            Map.entry("POST /referrals/{id}/declined", 403),
            Map.entry("POST /referrals/{id}/offer", 403),
            Map.entry("POST /timesheets/{id}/approve", 404),
            Map.entry("PUT /api/v1/me/boundary-plan", 403),
            Map.entry("GET /api/v1/concerns/{id}", 403),
            Map.entry("GET /concerns/{id}", 403),
            Map.entry("GET /api/v1/pauses/{id}", 403),
            Map.entry("GET /pauses/{id}", 403),
            Map.entry("POST /api/v1/access/check", 403),
            Map.entry("POST /api/v1/concerns/{id}/answer", 403),
            Map.entry("POST /api/v1/concerns/{id}/close", 403),
            Map.entry("POST /api/v1/concerns/{id}/raiser", 403),
            Map.entry("POST /api/v1/concerns/{id}/take", 403),
            Map.entry("POST /api/v1/conflicts/check", 403),
            Map.entry("POST /api/v1/groups", 403),
            Map.entry("POST /api/v1/incidents/{id}/accounts", 403),
            Map.entry("POST /api/v1/interactions/{id}/amend", 404),
            Map.entry("POST /api/v1/notes/{noteId}/amend", 404),
            Map.entry("POST /api/v1/pauses", 403),
            Map.entry("POST /api/v1/pauses/{id}/note", 403),
            Map.entry("POST /api/v1/pauses/{id}/reassign", 403),
            Map.entry("POST /api/v1/pauses/{id}/return", 403),
            Map.entry("POST /api/v1/pauses/{id}/steps/{stepId}/done", 403),
            Map.entry("POST /api/v1/people", 403),
            Map.entry("POST /api/v1/people/{id}/interactions", 404),
            Map.entry("POST /api/v1/people/{id}/messages", 404),
            Map.entry("POST /api/v1/people/{id}/roles/{roleId}/confirm", 404),
            Map.entry("POST /api/v1/referrals/{id}/answer", 403),
            Map.entry("POST /api/v1/relationships", 403),
            Map.entry("POST /concerns/{id}/answer", 403),
            Map.entry("POST /concerns/{id}/close", 403),
            Map.entry("POST /concerns/{id}/take", 403),
            Map.entry("POST /contact/threads/{id}", 404),
            Map.entry("POST /groups", 403),
            Map.entry("POST /groups/{id}/leader", 403),
            Map.entry("POST /groups/{id}/members", 403),
            Map.entry("POST /groups/{id}/sessions", 403),
            Map.entry("POST /incidents/{id}/resolve", 403),
            Map.entry("POST /pauses", 403),
            Map.entry("POST /pauses/{id}/note", 403),
            Map.entry("POST /pauses/{id}/reassign", 403),
            Map.entry("POST /pauses/{id}/return", 403),
            Map.entry("POST /pauses/{id}/steps/{stepId}/done", 403),
            Map.entry("POST /people/{id}/consent/{directiveId}/withdraw", 302),
            Map.entry("POST /people/{id}/roles/{roleId}/confirm", 404),
            Map.entry("POST /relationships/{rid}/end", 404),
            Map.entry("POST /support/interactions/{id}/amend", 404),
            Map.entry("POST /support/participants/{id}/interactions", 404),
            Map.entry("POST /api/v1/supervision/sessions", 403),
            Map.entry("GET /api/v1/supervision/sessions/{id}", 404),
            Map.entry("GET /api/v1/supervision/sessions/{id}/summary", 404),
            Map.entry("POST /api/v1/supervision/sessions/{id}/notes", 404),
            Map.entry("PUT /api/v1/supervision/sessions/{id}/topics", 404),
            Map.entry("POST /api/v1/supervision/sessions/{id}/actions", 404),
            Map.entry("POST /api/v1/supervision/sessions/{id}/actions/{actionId}/done", 404),
            Map.entry("POST /api/v1/supervision/sessions/{id}/sign-off", 404),
            Map.entry("GET /api/v1/supervision/supervisors", 403),
            Map.entry("GET /api/v1/supervision/settings", 403),
            Map.entry("PUT /api/v1/supervision/settings", 403),
            Map.entry("POST /supervision/sessions", 403),
            Map.entry("GET /supervision/sessions/{id}", 404),
            Map.entry("POST /supervision/sessions/{id}/notes", 404),
            Map.entry("POST /supervision/sessions/{id}/topics", 404),
            Map.entry("POST /supervision/sessions/{id}/actions", 404),
            Map.entry("POST /supervision/sessions/{id}/actions/{actionId}/done", 404),
            Map.entry("POST /supervision/sessions/{id}/sign-off", 404),
            Map.entry("GET /supervision/supervisors", 403),
            Map.entry("GET /supervision/settings", 403),
            Map.entry("POST /supervision/settings", 403),
            Map.entry("GET /api/v1/me/journal/{id}", 404),
            Map.entry("GET /journal/{id}", 404),
            Map.entry("POST /api/v1/me/journal/{id}/share", 404),
            Map.entry("POST /api/v1/me/journal/{id}/unshare", 404),
            Map.entry("DELETE /api/v1/me/journal/{id}", 404),
            Map.entry("POST /journal/{id}/share", 404),
            Map.entry("POST /journal/{id}/unshare", 404),
            Map.entry("POST /journal/{id}/delete", 404),
            Map.entry("GET /api/v1/journal/shared/{id}", 404),
            Map.entry("GET /journal/shared/{id}", 404),
            Map.entry("GET /api/v1/me/referrals/{id}/suggestions", 404),
            Map.entry("POST /api/v1/me/referrals/{id}/choice", 404),
            Map.entry("POST /api/v1/me/referrals/{id}/talk-first", 404),
            Map.entry("POST /referrals/{id}/my-choice", 404),
            Map.entry("POST /referrals/{id}/talk-first", 404),
            Map.entry("POST /referrals/{id}/peer-change", 404),
            Map.entry("POST /api/v1/me/journal", 403),
            Map.entry("POST /journal", 403),
            Map.entry("POST /api/v1/navigator", 403),
            Map.entry("GET /navigator", 403),
            Map.entry("POST /navigator", 403),
            Map.entry("POST /navigator/save", 403),
            Map.entry("POST /api/v1/consultations", 403),
            Map.entry("GET /api/v1/consultations/{id}", 404),
            Map.entry("POST /api/v1/consultations/{id}/consultant", 404),
            Map.entry("POST /api/v1/consultations/{id}/answer", 404),
            Map.entry("POST /api/v1/consultations/{id}/withdraw", 404),
            Map.entry("POST /api/v1/consultations/{id}/reflection", 404),
            Map.entry("DELETE /api/v1/consultations/{id}/reflection", 404),
            Map.entry("GET /api/v1/agreements/{id}", 404),
            Map.entry("PUT /api/v1/agreements/{id}", 404),
            Map.entry("POST /api/v1/agreements/{id}/accept", 404),
            Map.entry("POST /api/v1/agreements/{id}/revisit", 404),
            Map.entry("GET /consultations/new", 403),
            Map.entry("POST /consultations", 403),
            Map.entry("GET /consultations/{id}", 404),
            Map.entry("POST /consultations/{id}/consultant", 404),
            Map.entry("POST /consultations/{id}/answer", 404),
            Map.entry("POST /consultations/{id}/withdraw", 404),
            Map.entry("POST /consultations/{id}/reflection", 404),
            Map.entry("POST /consultations/{id}/reflection/remove", 404),
            Map.entry("GET /agreements/{id}", 404),
            Map.entry("POST /agreements/{id}", 404),
            Map.entry("POST /agreements/{id}/accept", 404),
            Map.entry("POST /agreements/{id}/revisit", 404),
            Map.entry("GET /people/{id}/training", 404),
            Map.entry("POST /people/{id}/training/records", 404),
            Map.entry("POST /people/{id}/training/records/{recordId}/certificate", 404),
            Map.entry("GET /people/{id}/training/records/{recordId}/certificate", 404),
            Map.entry("POST /people/{id}/training/certifications", 404),
            Map.entry("GET /training/catalogue", 403),
            Map.entry("POST /training/catalogue", 302),
            Map.entry("POST /training/catalogue/{trainingId}", 302),
            Map.entry("GET /training/compliance", 403),
            Map.entry("GET /training/compliance.csv", 403),
            Map.entry("GET /api/v1/trainings", 403),
            Map.entry("POST /api/v1/trainings", 403),
            Map.entry("PUT /api/v1/trainings/{id}", 403),
            Map.entry("GET /api/v1/people/{id}/trainings", 404),
            Map.entry("POST /api/v1/people/{id}/trainings", 404),
            Map.entry("PUT /api/v1/people/{id}/trainings/{recordId}/certificate", 404),
            Map.entry("GET /api/v1/people/{id}/trainings/{recordId}/certificate", 404),
            Map.entry("POST /api/v1/people/{id}/certifications", 404),
            Map.entry("GET /api/v1/compliance", 403),
            Map.entry("GET /api/v1/people/{id}/work-plan", 404),
            Map.entry("PUT /api/v1/people/{id}/work-plan", 404),
            Map.entry("POST /api/v1/people/{id}/work-plan/sign", 404),
            Map.entry("GET /people/{id}/work-plan", 404),
            Map.entry("POST /people/{id}/work-plan", 404),
            Map.entry("POST /people/{id}/work-plan/sign", 404),
            Map.entry("GET /api/v1/people/{id}/onboarding", 404),
            Map.entry("POST /api/v1/people/{id}/onboarding", 404),
            Map.entry("PUT /api/v1/people/{id}/onboarding", 404),
            Map.entry("POST /api/v1/people/{id}/onboarding/steps", 404),
            Map.entry("PUT /api/v1/people/{id}/onboarding/owners", 404),
            Map.entry("POST /api/v1/people/{id}/onboarding/check-ins", 404),
            Map.entry("POST /api/v1/people/{id}/onboarding/close", 404),
            Map.entry("GET /people/{id}/onboarding", 404),
            Map.entry("POST /people/{id}/onboarding", 404),
            Map.entry("POST /people/{id}/onboarding/start", 404),
            Map.entry("POST /people/{id}/onboarding/steps", 404),
            Map.entry("POST /people/{id}/onboarding/owner", 404),
            Map.entry("POST /people/{id}/onboarding/check-ins", 404),
            Map.entry("POST /people/{id}/onboarding/close", 404),
            Map.entry("GET /api/v1/people/{id}/wellness-plan", 404),
            Map.entry("GET /api/v1/people/{id}/questionnaires/{code}/results", 404),
            Map.entry("GET /people/{id}/questionnaires/{code}/results", 404),
            Map.entry("GET /people/{id}/wellness-plan", 404),
            Map.entry("POST /api/v1/me/accommodations/{id}/sharing", 404),
            Map.entry("POST /api/v1/me/accommodations/{id}/send", 404),
            Map.entry("POST /wellness-plan/accommodations/{id}/sharing", 404),
            Map.entry("POST /wellness-plan/accommodations/{id}/send", 404),
            Map.entry("GET /api/v1/people/{id}/recovery-plan", 404),
            Map.entry("POST /api/v1/people/{id}/recovery-plan/suggestions", 404),
            Map.entry("GET /api/v1/people/{id}/crisis-plan", 404),
            Map.entry("GET /people/{id}/crisis-plan", 404),
            Map.entry("GET /api/v1/accommodations", 403),
            Map.entry("GET /accommodations", 403),
            Map.entry("GET /api/v1/accommodations/{id}", 404),
            Map.entry("GET /accommodations/{id}", 404),
            Map.entry("POST /api/v1/accommodations/{id}/answer", 404),
            Map.entry("POST /accommodations/{id}/answer", 404),
            Map.entry("GET /api/v1/studies/{id}/consents", 403),
            Map.entry("POST /api/v1/studies/{id}/invitations", 403),
            Map.entry("POST /api/v1/studies/{id}/consents", 403),
            Map.entry("POST /api/v1/studies/{id}/interviews", 403));

    /** The dilemma navigator's answers, as the API and the pages take them. */
    static final String NAVIGATOR_JSON =
            "{\"objectivity\":\"NO\",\"exploitation\":\"NO\",\"harm\":\"NO\",\"power\":\"LITTLE\",\"duration\":\"BRIEF\",\"ending\":\"CLEAR\",\"beneficiary\":\"BOTH\",\"avoidable\":\"NO\",\"consultation\":\"YES\",\"documented\":\"YES\"}";

    static final String NAVIGATOR_FORM =
            "objectivity=NO&exploitation=NO&harm=NO&power=LITTLE&duration=BRIEF&ending=CLEAR&beneficiary=BOTH&avoidable=NO&consultation=YES&documented=YES";

    /**
     * What the walk sends to writes that check their input before the caller's authority: a body
     * that passes, in which {@code {jordan}} and {@code {program}} stand for ids. JSON for the API, a
     * form for pages.
     */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /people/{id}/break-glass", "kind=CARE_NOTES&reason=OTHER&detail=walking every handler"),
            Map.entry("POST /access/break-glass/{grantId}/review", "outcome=JUSTIFIED&note=walk&confirm=true"),
            Map.entry("POST /pauses/{id}/return", "confirm=true"),
            Map.entry("POST /people/{id}/roles/{roleId}/end", "confirm=true"),
            Map.entry("POST /referrals/{id}/choice", "peerId={jordan}&confirm=true"),
            Map.entry("POST /referrals/{id}/declined", "confirm=true"),
            Map.entry("POST /people/{id}/notes", "kind=CARE_NOTES&text=walk"),
            Map.entry("POST /timesheets/{id}/hand-over", "approverId={jordan}"),
            Map.entry("POST /timesheets/{id}/question", "text=walk"),
            Map.entry("POST /timesheets/{id}/return", "reason=walk"),
            Map.entry("POST /timesheets/{id}/answer", "text=walk"),
            Map.entry("POST /timesheets/{id}/correct", "date=2020-01-06&hours=1&activity=walk"),
            Map.entry("POST /api/v1/timesheets/{id}/question", "{\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/timesheets/{id}/return", "{\"reason\":\"walk\"}"),
            Map.entry("POST /api/v1/timesheets/{id}/answer", "{\"text\":\"walk\"}"),
            Map.entry(
                    "POST /api/v1/timesheets/{id}/correct",
                    "{\"date\":\"2020-01-06\",\"hours\":1,\"activity\":\"walk\"}"),
            Map.entry("POST /referrals", "personId={jordan}&programId={program}&reason=walking every handler"),
            Map.entry("POST /people/{id}/account", "username=walk-page"),
            Map.entry("POST /api/v1/people/{id}/notes", "{\"kind\":\"CARE_NOTES\",\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/timesheets/{id}/hand-over", "{\"approverId\":\"{jordan}\"}"),
            Map.entry("POST /api/v1/referrals/{id}/choice", "{\"peerId\":\"{jordan}\"}"),
            Map.entry(
                    "POST /api/v1/referrals",
                    "{\"personId\":\"{jordan}\",\"programId\":\"{program}\",\"reason\":\"walking every handler\"}"),
            Map.entry(
                    "POST /api/v1/access/break-glass",
                    "{\"subjectId\":\"{jordan}\",\"recordKind\":\"CARE_NOTES\",\"reason\":\"OTHER\",\"detail\":\"walking every handler\"}"),
            Map.entry("POST /api/v1/access/break-glass/{id}/review", "{\"outcome\":\"JUSTIFIED\"}"),
            Map.entry("PUT /api/v1/people/{id}", "{\"legalName\":\"Walk\"}"),
            Map.entry("POST /api/v1/people/{id}/roles", "{\"role\":\"PARTICIPANT\"}"),
            Map.entry(
                    "POST /api/v1/people/{id}/account",
                    "{\"username\":\"walk-api\",\"password\":\"walk-every-handler-2026\"}"),
            Map.entry("PUT /api/v1/groups/{id}/leader", "{\"leaderId\":\"{jordan}\"}"),
            Map.entry("POST /api/v1/groups/{id}/members", "{\"personId\":\"{jordan}\"}"),
            Map.entry("POST /api/v1/groups/{id}/sessions", "{\"heldOn\":\"2020-01-06\",\"durationMinutes\":60}"),
            Map.entry("POST /api/v1/timesheets", "{\"date\":\"2020-01-06\",\"hours\":1,\"activity\":\"walk\"}"),
            Map.entry(
                    "POST /api/v1/access/check",
                    "{\"readerId\":\"{jordan}\",\"subjectId\":\"{worker}\",\"recordKind\":\"CARE_NOTES\",\"purpose\":\"CARE\"}"),
            Map.entry("POST /api/v1/concerns/{id}/answer", "{\"answer\":\"walking every handler\"}"),
            Map.entry("POST /api/v1/concerns/{id}/raiser", "{\"reason\":\"walking every handler\"}"),
            Map.entry(
                    "POST /api/v1/conflicts/check",
                    "{\"action\":\"ASSIGN_SUPPORT\",\"actorId\":\"{worker}\",\"subjectId\":\"{jordan}\"}"),
            Map.entry(
                    "POST /api/v1/groups", "{\"programId\":\"{program}\",\"name\":\"Walk\",\"leaderId\":\"{worker}\"}"),
            Map.entry("POST /api/v1/incidents/{id}/accounts", "{\"text\":\"walking every handler\"}"),
            Map.entry("POST /api/v1/interactions/{id}/amend", "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30}"),
            Map.entry("POST /api/v1/notes/{noteId}/amend", "{\"text\":\"walk\"}"),
            Map.entry(
                    "POST /api/v1/pauses",
                    "{\"personId\":\"{worker}\",\"scopes\":[\"LEADING_GROUPS\"],\"reason\":\"walking every handler\"}"),
            Map.entry("POST /api/v1/pauses/{id}/note", "{\"note\":\"walk\"}"),
            Map.entry("POST /api/v1/pauses/{id}/reassign", "{\"participantId\":\"{jordan}\",\"peerId\":\"{worker}\"}"),
            Map.entry("POST /api/v1/people", "{\"legalName\":\"Walk\"}"),
            Map.entry("POST /api/v1/people/{id}/interactions", "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30}"),
            Map.entry("POST /api/v1/people/{id}/messages", "{\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/referrals/{id}/answer", "{\"accept\":false}"),
            Map.entry(
                    "POST /api/v1/relationships",
                    "{\"kind\":\"FRIEND\",\"personAId\":\"{worker}\",\"personBId\":\"{jordan}\"}"),
            Map.entry("POST /concerns/{id}/answer", "answer=walking every handler"),
            Map.entry("POST /contact/threads/{id}", "text=walk"),
            Map.entry("POST /groups", "programId={program}&name=Walk&leaderId={worker}"),
            Map.entry("POST /groups/{id}/leader", "leaderId={worker}"),
            Map.entry("POST /groups/{id}/members", "personId={jordan}"),
            Map.entry("POST /groups/{id}/sessions", "heldOn=2020-01-06&durationMinutes=60"),
            Map.entry("POST /incidents/{id}/resolve", "outcome=BOUNDARY_RESTATED"),
            Map.entry(
                    "POST /pauses",
                    "personId={worker}&scopes=LEADING_GROUPS&reason=walking every handler&confirm=true"),
            Map.entry("POST /pauses/{id}/note", "note=walk"),
            Map.entry("POST /pauses/{id}/reassign", "participantId={jordan}&peerId={worker}"),
            Map.entry("POST /relationships/{rid}/end", "personId={jordan}&confirmed=true"),
            Map.entry(
                    "POST /support/interactions/{id}/amend", "participant={jordan}&kind=ONE_TO_ONE&durationMinutes=30"),
            Map.entry("POST /support/participants/{id}/interactions", "kind=ONE_TO_ONE&durationMinutes=30"),
            Map.entry(
                    "POST /api/v1/supervision/sessions",
                    "{\"superviseeId\":\"{jordan}\",\"heldOn\":\"2020-01-06\",\"minutes\":60,\"form\":\"ONE_TO_ONE\"}"),
            Map.entry("POST /api/v1/supervision/sessions/{id}/notes", "{\"text\":\"walk\"}"),
            Map.entry("PUT /api/v1/supervision/sessions/{id}/topics", "{\"topics\":[]}"),
            Map.entry("POST /api/v1/supervision/sessions/{id}/actions", "{\"text\":\"walk\",\"dueOn\":\"2020-01-06\"}"),
            Map.entry("PUT /api/v1/supervision/settings", "{\"ratio\":8}"),
            Map.entry(
                    "POST /supervision/sessions", "superviseeId={jordan}&heldOn=2020-01-06&minutes=60&form=ONE_TO_ONE"),
            Map.entry("POST /supervision/sessions/{id}/notes", "text=walk"),
            Map.entry("POST /supervision/sessions/{id}/actions", "text=walk&dueOn=2020-01-06"),
            Map.entry("POST /supervision/settings", "ratio=8"),
            Map.entry("POST /journal/{id}/delete", "confirmed=true"),
            Map.entry("POST /supervision/sessions/{id}/sign-off", "confirmed=true"),
            Map.entry("POST /consultations/{id}/withdraw", "confirmed=true"),
            Map.entry("POST /api/v1/me/journal", "{\"text\":\"walking every handler\"}"),
            Map.entry("POST /api/v1/me/referrals/{id}/choice", "{\"peerId\":\"{jordan}\"}"),
            Map.entry("POST /api/v1/me/referrals/{id}/talk-first", "{\"peerId\":\"{jordan}\"}"),
            Map.entry("POST /referrals/{id}/my-choice", "peerId={jordan}&confirm=true"),
            Map.entry("POST /referrals/{id}/talk-first", "peerId={jordan}"),
            Map.entry("POST /referrals/{id}/peer-change", "confirm=true"),
            Map.entry("POST /journal", "text=walking every handler"),
            Map.entry("POST /api/v1/navigator", NAVIGATOR_JSON),
            Map.entry("POST /navigator/save", NAVIGATOR_FORM),
            Map.entry("POST /api/v1/consultations/{id}/reflection", NAVIGATOR_JSON),
            Map.entry("POST /consultations/{id}/reflection", NAVIGATOR_FORM),
            Map.entry(
                    "POST /api/v1/consultations",
                    "{\"action\":\"ASSIGN_SUPPORT\",\"actorId\":\"{worker}\",\"subjectId\":\"{jordan}\","
                            + "\"situation\":\"walking every handler\"}"),
            Map.entry("POST /api/v1/consultations/{id}/consultant", "{\"consultantId\":\"{worker}\"}"),
            Map.entry("POST /api/v1/consultations/{id}/answer", "{\"outcome\":\"HAND_OVER\",\"note\":\"walk\"}"),
            Map.entry("PUT /api/v1/agreements/{id}", "{\"topics\":{\"EVENINGS\":\"walk\"}}"),
            Map.entry(
                    "POST /consultations",
                    "action=ASSIGN_SUPPORT&actorId={worker}&subjectId={jordan}&situation=walking every handler"),
            Map.entry("POST /consultations/{id}/consultant", "consultantId={worker}"),
            Map.entry("POST /consultations/{id}/answer", "outcome=HAND_OVER&note=walk"),
            Map.entry("POST /agreements/{id}", "EVENINGS=walk"),
            Map.entry(
                    "POST /people/{id}/training/records",
                    "trainingId={jordan}&completedOn=2020-01-06&provider=walk&hours=1"),
            Map.entry("POST /people/{id}/training/certifications", "body=walk&number=1&issuedOn=2020-01-06"),
            Map.entry("POST /training/catalogue", "name=walk&requiredFor=PEER_WORKER"),
            Map.entry("POST /training/catalogue/{trainingId}", "requiredFor=PEER_WORKER&version=0"),
            Map.entry("POST /api/v1/trainings", "{\"name\":\"walk\",\"requiredFor\":[\"PEER_WORKER\"]}"),
            Map.entry("PUT /api/v1/trainings/{id}", "{\"requiredFor\":[\"PEER_WORKER\"],\"version\":0}"),
            Map.entry(
                    "POST /api/v1/people/{id}/trainings",
                    "{\"trainingId\":\"{jordan}\",\"completedOn\":\"2020-01-06\",\"provider\":\"walk\",\"hours\":1}"),
            Map.entry(
                    "POST /api/v1/people/{id}/certifications",
                    "{\"body\":\"walk\",\"number\":\"1\",\"issuedOn\":\"2020-01-06\"}"),
            Map.entry("PUT /api/v1/people/{id}/work-plan", "{\"goals\":[\"walk\"]}"),
            Map.entry("POST /api/v1/people/{id}/work-plan/sign", "{\"stage\":\"MID_YEAR\",\"text\":\"walk\"}"),
            Map.entry("POST /people/{id}/work-plan", "year=2026&goal=walk"),
            Map.entry("POST /people/{id}/work-plan/sign", "year=2026&stage=MID_YEAR&text=walk"),
            Map.entry("PUT /api/v1/people/{id}/onboarding", "{\"done\":[]}"),
            Map.entry("POST /api/v1/people/{id}/onboarding/steps", "{\"title\":\"walk\",\"week\":1}"),
            Map.entry("PUT /api/v1/people/{id}/onboarding/owners", "{\"step\":1,\"ownerId\":\"{jordan}\"}"),
            Map.entry("POST /api/v1/people/{id}/onboarding/check-ins", "{\"date\":\"2026-01-05\",\"note\":\"walk\"}"),
            Map.entry("POST /people/{id}/onboarding/owner", "step=1&owner={jordan}"),
            Map.entry("POST /api/v1/me/accommodations/{id}/sharing", "{\"shared\":true}"),
            Map.entry("POST /wellness-plan/accommodations/{id}/sharing", "shared=true"),
            Map.entry(
                    "POST /api/v1/people/{id}/recovery-plan/suggestions",
                    "{\"goalId\":\"00000000-0000-4000-8000-000000000001\",\"text\":\"walk\"}"),
            Map.entry("POST /api/v1/accommodations/{id}/answer", "{\"outcome\":\"AGREED\",\"text\":\"walk\"}"),
            Map.entry("POST /accommodations/{id}/answer", "outcome=AGREED&text=walk"),
            Map.entry("POST /api/v1/studies/{id}/invitations", "{\"participantId\":\"{jordan}\"}"),
            Map.entry(
                    "POST /api/v1/studies/{id}/interviews",
                    "{\"participantId\":\"{jordan}\",\"interviewerId\":\"{jordan}\"}"),
            Map.entry(
                    "POST /api/v1/studies/{id}/consents",
                    "{\"participantId\":\"{jordan}\",\"takePart\":true,\"recording\":false,\"records\":false,"
                            + "\"recontact\":false,\"paperDate\":\"2026-01-05\"}"));

    /**
     * Person-scoped writes the stranger may make: each is sent with a valid body about a worker of
     * the walk's own ({@code {worker}}), must answer the status named here (a page redirects) and
     * must leave an entry of the stranger's, outcome {@code DONE}, about that worker. A handler
     * whose refusal can also be walked (declaring someone else's relationship) is in
     * {@link #REFUSED} as well.
     */
    static final Map<String, Allowed> ALLOWED = Map.ofEntries(
            Map.entry(
                    "POST /api/v1/concerns",
                    new Allowed(201, "{\"aboutId\":\"{worker}\",\"text\":\"walking every handler\"}")),
            Map.entry("POST /concerns", new Allowed(302, "aboutId={worker}&text=walking every handler")),
            Map.entry(
                    "POST /api/v1/incidents",
                    new Allowed(201, "{\"whatHappened\":\"walking every handler\",\"involvedIds\":[\"{worker}\"]}")),
            Map.entry("POST /incidents", new Allowed(302, "whatHappened=walking every handler&involvedIds={worker}")),
            Map.entry(
                    "POST /api/v1/relationships",
                    new Allowed(
                            201, "{\"kind\":\"NEIGHBOUR\",\"personAId\":\"{stranger}\",\"personBId\":\"{worker}\"}")));

    /** What an allowed write answers, and the body that makes it. */
    record Allowed(int status, String body) {}

    /** Handlers that serve or change nothing about another person, and why. */
    static final Map<String, String> NOT_PERSON_SCOPED = merge(
            because(
                    "the caller's own account, record, notices, messages, plan, profile or access log",
                    "GET /account",
                    "GET /api/v1/access/break-glass/mine",
                    "GET /api/v1/me",
                    "GET /api/v1/me/access-log",
                    "GET /api/v1/me/access-log/proof",
                    "GET /me/access-log/proof",
                    "GET /api/v1/me/concerns",
                    "GET /api/v1/me/day",
                    "GET /api/v1/me/messages",
                    "GET /api/v1/me/notices",
                    "GET /api/v1/me/reflections",
                    "GET /api/v1/me/tokens",
                    "GET /api/v1/me/sessions",
                    "GET /account/sessions",
                    "POST /account/sessions/end-others",
                    "POST /account/sessions/{id}/end",
                    "POST /api/v1/auth/sign-out",
                    "POST /api/v1/me/sessions/end-others",
                    "POST /api/v1/me/sessions/{id}/end",
                    "GET /api/v1/timesheets",
                    "GET /api/v1/timesheets/route",
                    "GET /api/v1/timesheets/weeks",
                    "GET /me/access-log",
                    "GET /notices",
                    "GET /contact",
                    "POST /account/password",
                    "POST /account/tokens",
                    "POST /account/tokens/{id}/revoke",
                    "POST /api/v1/me/messages",
                    "POST /api/v1/me/notices/{id}/read",
                    "POST /api/v1/me/reflections/{id}",
                    "POST /api/v1/me/tokens/{id}/revoke",
                    "POST /boundaries/reflections/{id}",
                    "POST /notices/{id}/read",
                    "POST /support/profile",
                    "POST /timesheets",
                    "PUT /api/v1/me/peer-profile",
                    "POST /api/v1/me/peer-change",
                    "GET /api/v1/me/journal",
                    "GET /journal",
                    "GET /api/v1/me/journal/export.md",
                    "GET /api/v1/me/journal/export.pdf",
                    "GET /journal/export.md",
                    "GET /journal/export.pdf",
                    "GET /api/v1/me/attestation",
                    "POST /api/v1/me/attestation",
                    "GET /code-of-conduct/attest",
                    "POST /code-of-conduct/attest",
                    "GET /training",
                    "GET /api/v1/me/role-descriptions",
                    "POST /api/v1/me/role-descriptions/{role}/read",
                    "GET /me/roles",
                    "POST /me/roles/{role}/read",
                    "GET /api/v1/me/work-plan",
                    "PUT /api/v1/me/work-plan",
                    "POST /api/v1/me/work-plan/sign",
                    "GET /work-plan",
                    "POST /work-plan",
                    "POST /work-plan/sign",
                    "GET /api/v1/me/onboarding",
                    "PUT /api/v1/me/onboarding",
                    "GET /api/v1/onboarding",
                    "GET /onboarding",
                    "POST /onboarding",
                    "GET /api/v1/me/wellness-plan",
                    "PUT /api/v1/me/wellness-plan",
                    "POST /api/v1/me/accommodations",
                    "GET /wellness-plan",
                    "POST /wellness-plan",
                    "POST /wellness-plan/accommodations",
                    "GET /api/v1/me/recovery-plan",
                    "PUT /api/v1/me/recovery-plan",
                    "GET /api/v1/me/recovery-plan/versions",
                    "POST /api/v1/me/recovery-plan/suggestions/{id}/accept",
                    "POST /api/v1/me/recovery-plan/suggestions/{id}/decline",
                    "GET /api/v1/me/crisis-plan",
                    "PUT /api/v1/me/crisis-plan",
                    "GET /api/v1/me/crisis-plan/versions",
                    "GET /recovery-plan",
                    "GET /recovery-plan/history",
                    "POST /recovery-plan/goals",
                    "POST /recovery-plan/goals/{goalId}/remove",
                    "POST /recovery-plan/suggestions/{id}/accept",
                    "POST /recovery-plan/suggestions/{id}/decline",
                    "GET /crisis-plan",
                    "POST /crisis-plan",
                    "GET /crisis-plan/print",
                    "GET /api/v1/me/questionnaires",
                    "POST /api/v1/me/questionnaires/{code}/responses",
                    "GET /api/v1/me/questionnaires/{code}/results",
                    "GET /api/v1/me/questionnaires/sharing",
                    "PUT /api/v1/me/questionnaires/sharing",
                    "GET /questionnaires",
                    "GET /questionnaires/{code}",
                    "POST /questionnaires/{code}",
                    "GET /questionnaires/{code}/results",
                    "POST /questionnaires/sharing"),
            because(
                    "the caller's own feedback, about a peer worker who supports them today (anonymous feedback"
                            + " must leave no entry that names its author)",
                    "GET /api/v1/me/feedback",
                    "POST /api/v1/me/feedback",
                    "GET /feedback",
                    "POST /feedback"),
            because(
                    "agency-level questionnaires, feedback questions and feedback figures (every figure about"
                            + " fewer than 5 answers suppressed), about no one person",
                    "GET /api/v1/fidelity/questionnaires",
                    "PUT /api/v1/fidelity/questionnaires/{code}",
                    "GET /api/v1/fidelity/feedback",
                    "PUT /api/v1/fidelity/feedback/questions",
                    "GET /fidelity/feedback"),
            because(
                    "a list filtered to what the caller may see: nothing is refused, an empty list reveals nothing",
                    "GET /api/v1/groups",
                    "GET /api/v1/incidents",
                    "GET /api/v1/messages/inbox",
                    "GET /api/v1/pauses",
                    "GET /api/v1/referrals",
                    "GET /api/v1/reflections/shared-with-me",
                    "GET /api/v1/timesheets/to-approve",
                    "GET /api/v1/supervision/sessions",
                    "GET /api/v1/supervision/due",
                    "GET /supervision",
                    "GET /api/v1/journal/shared",
                    "GET /journal/shared",
                    "GET /api/v1/consultations",
                    "GET /api/v1/agreements",
                    "GET /consultations",
                    "GET /agreements",
                    "GET /boundaries/shared",
                    "GET /concerns",
                    "GET /contact/inbox",
                    "GET /groups",
                    "GET /incidents",
                    "GET /pauses",
                    "GET /people",
                    "GET /referrals",
                    "GET /timesheets"),
            because(
                    "agency-level pages and settings (programs, phrases, the peer role, contact settings, the code of"
                            + " conduct), about no"
                            + " person",
                    "GET /",
                    "GET /api/v1/audit/tree-heads",
                    "GET /api/v1/language/phrases",
                    "GET /api/v1/peer-role",
                    "GET /api/v1/roles/{role}/description",
                    "GET /api/v1/roles/{role}/description/versions",
                    "PUT /api/v1/roles/{role}/description",
                    "GET /roles",
                    "GET /roles/{role}",
                    "GET /roles/{role}/edit",
                    "POST /roles/{role}/edit",
                    "GET /api/v1/programs",
                    "GET /api/v1/programs/{id}/contact-settings",
                    "GET /peer-support",
                    "GET /programs",
                    "GET /referrals/new",
                    "GET /support/language",
                    "POST /api/v1/language/check",
                    "POST /api/v1/programs",
                    "POST /api/v1/programs/{id}/teams",
                    "POST /conflicts/policy",
                    "POST /conflicts/policy/preview",
                    "POST /api/v1/conflicts/policy/preview",
                    "POST /api/v1/conflicts/policy/versions/{version}/restore",
                    "GET /api/v1/conflicts/policy/versions/{version}/diff",
                    "POST /programs",
                    "POST /programs/{id}/teams",
                    "POST /support/language/add",
                    "POST /support/language/check",
                    "POST /support/language/remove",
                    "PUT /api/v1/conflicts/policy",
                    "PUT /api/v1/language/phrases",
                    "PUT /api/v1/peer-role",
                    "PUT /api/v1/programs/{id}/contact-settings",
                    "GET /api/v1/code-of-conduct",
                    "GET /api/v1/code-of-conduct/versions",
                    "PUT /api/v1/code-of-conduct",
                    "GET /code-of-conduct",
                    "GET /code-of-conduct/edit",
                    "POST /code-of-conduct"),
            because(
                    "research studies: which studies exist, proposing one and opening or closing its recruitment"
                            + " (its team only) are about no person; the caller's own answer and their own studies",
                    "GET /api/v1/studies",
                    "GET /api/v1/studies/{id}",
                    "POST /api/v1/studies",
                    "POST /api/v1/studies/{id}/open",
                    "POST /api/v1/studies/{id}/close",
                    "POST /api/v1/studies/{id}/interest",
                    "GET /api/v1/me/studies",
                    "GET /studies",
                    "POST /studies",
                    "POST /studies/{id}/open",
                    "POST /studies/{id}/close",
                    "POST /studies/{id}/interest",
                    "POST /studies/{id}/consent"),
            because(
                    "a consent found by its own id, read by the person or the study team through the guard: the walk's"
                            + " random id finds none, so its refusals (404, audited) are proven in"
                            + " StudiesIntegrationTests; the study page lists consents to its team only",
                    "GET /api/v1/studies/{id}/consents/{consentId}",
                    "POST /api/v1/studies/{id}/consents/{consentId}/withdraw",
                    "POST /studies/{id}/consents/{consentId}/withdraw",
                    "GET /studies/{id}"),
            because(
                    "public: sign-in, sign-out, first set-up and the public contact form, before anyone is signed in",
                    "GET /login",
                    "GET /account/invitation",
                    "POST /account/invitation",
                    "POST /api/v1/auth/invitation",
                    "POST /login",
                    "POST /logout",
                    "GET /setup",
                    "POST /setup",
                    "GET /contact/form",
                    "GET /contact/crisis",
                    "GET /contact/confirm",
                    "POST /contact/form",
                    "POST /contact/confirm",
                    "POST /api/v1/auth/token"),
            because(
                    "framework: error page and API description",
                    "ANY /error",
                    "GET /error",
                    "GET /v3/api-docs",
                    "GET /v3/api-docs.yaml",
                    "GET /v3/api-docs/swagger-config",
                    "GET /swagger-ui.html"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Clock clock;

    Api api;
    String stranger;
    String token;
    BrowserSession browser;
    String jordan;
    String worker;
    Map<String, String> records = new TreeMap<>();

    @BeforeAll
    void openAnAccountForAStrangerToEveryRecord() {
        api = new Api(port);
        String admin = api.demoToken("admin");
        String username = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post(
                "/api/v1/people", admin, "{\"legalName\":\"Walk Stranger\",\"roles\":[{\"role\":\"PARTICIPANT\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        stranger = created.json().get("id").asString();
        // Administrators open accounts by emailed invitation; the test opens this one directly.
        directory.openAccount(
                directory.demoAgency().orElseThrow(), new PersonId(UUID.fromString(stranger)), username, PASSWORD);
        token = api.token(username, PASSWORD);
        browser = BrowserSession.signIn(port, username, PASSWORD);
        jordan = Demo.personId(jdbc, "Jordan Lee");
        records.put("groups", any("support_group"));
        records.put("timesheets", any("timesheet_entry"));
        records.put("relationships", any("relationship"));
        records.put("referrals", any("referral"));
        records.put("incidents", any("incident"));
        records.put("supervision/sessions", any("supervision_session"));
        records.put("interactions", any("interaction"));
        records.put("notes", any("record_note"));
        records.put("programs", any("program"));
        records.put("studies", any("study"));
        makeRecordsOfTheWalksOwn(admin);
    }

    /**
     * A peer worker, a concern about them and a pause of their group leading, made for the walk: the
     * demo agency has no concern or pause to be refused, and these change no demo record that other
     * tests read. The concern is raised by the administrator (who does not handle concerns) and the
     * pause made by the privacy lead, so the stranger is a party to neither.
     */
    private void makeRecordsOfTheWalksOwn(String admin) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        ProgramId peerSupport = directory.programs(agency).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow()
                .id();
        worker = directory
                .register(
                        agency,
                        new PersonDetails("Walk Worker", null, null, null, null),
                        List.of(new AssignRole(
                                Role.PEER_WORKER,
                                peerSupport,
                                null,
                                LocalDate.now(clock).minusDays(1),
                                null)))
                .id()
                .value()
                .toString();
        Api.Response concern = api.post(
                "/api/v1/concerns",
                admin,
                "{\"aboutId\":\"" + worker + "\",\"text\":\"A concern the handler walk is refused.\"}");
        assertThat(concern.status()).as(concern.body()).isEqualTo(201);
        records.put("concerns", concern.json().get("id").asString());
        Api.Response pause = api.post(
                "/api/v1/pauses",
                api.demoToken("privacy"),
                "{\"personId\":\"" + worker + "\",\"scopes\":[\"LEADING_GROUPS\"],"
                        + "\"reason\":\"A pause the handler walk is refused.\",\"steps\":[\"Talk it through\"]}");
        assertThat(pause.status()).as(pause.body()).isEqualTo(201);
        records.put("pauses", pause.json().get("id").asString());
        records.put("steps", pause.json().get("steps").get(0).get("id").asString());
        // A journal entry of the demo peer worker, shared with their supervisor: the stranger is neither.
        String peer = api.demoToken("peer");
        Api.Response entry = api.post("/api/v1/me/journal", peer, "{\"text\":\"An entry the walk is refused.\"}");
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        String entryId = entry.json().get("id").asString();
        assertThat(api.post("/api/v1/me/journal/" + entryId + "/share", peer, "")
                        .status())
                .isEqualTo(200);
        records.put("journal", entryId);
        records.put("shared", entryId);
        // An accommodation the demo peer worker sent to be answered: the stranger neither asked it nor
        // answers requests.
        Api.Response asked = api.post(
                "/api/v1/me/accommodations", peer, "{\"request\":\"A request the walk is refused.\",\"send\":true}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        records.put("accommodations", asked.json().get("id").asString());
        consultationAndAgreement(agency);
    }

    /**
     * A consultation about the walk's worker and Jordan, asked by a colleague of the walk's own, and
     * the boundary agreement it started: the stranger is a party to neither. Written as rows, since
     * the steps that make them need a cast of four.
     */
    private void consultationAndAgreement(AgencyId agency) {
        UUID asker = directory
                .register(agency, new PersonDetails("Walk Asker", null, null, null, null), List.of())
                .id()
                .value();
        UUID consultation = UUID.randomUUID();
        jdbc.sql("""
                        insert into consultation (id, agency_id, asked_by, action, actor_id, subject_id, situation,
                                                  status, asked_at, version)
                        values (:id, :agency, :asker, 'ASSIGN_SUPPORT', :worker, :jordan, 'walking every handler',
                                'WAITING_FOR_CONSULTANT', current_timestamp, 0)
                        """)
                .param("id", consultation)
                .param("agency", agency.value())
                .param("asker", asker)
                .param("worker", UUID.fromString(worker))
                .param("jordan", UUID.fromString(jordan))
                .update();
        UUID agreement = UUID.randomUUID();
        jdbc.sql("""
                        insert into boundary_agreement (id, agency_id, consultation_id, peer_id, participant_id, status,
                                                        created_at, updated_at, version)
                        values (:id, :agency, :consultation, :worker, :jordan, 'OPEN', current_timestamp,
                                current_timestamp, 0)
                        """)
                .param("id", agreement)
                .param("agency", agency.value())
                .param("consultation", consultation)
                .param("worker", UUID.fromString(worker))
                .param("jordan", UUID.fromString(jordan))
                .update();
        records.put("consultations", consultation.toString());
        records.put("agreements", agreement.toString());
    }

    @Test
    void placesEveryHandlerInAList() {
        Set<String> unplaced = new TreeSet<>(handlers());
        unplaced.removeAll(REFUSED.keySet());
        unplaced.removeAll(NOT_PERSON_SCOPED.keySet());
        unplaced.removeAll(ALLOWED.keySet());
        assertThat(unplaced)
                .as("handlers neither walked nor named as not about a person: add each to REFUSED"
                        + " (its refusal must leave an audit entry), to ALLOWED (what it does must leave one)"
                        + " or to NOT_PERSON_SCOPED with the reason")
                .isEmpty();
    }

    @Test
    void namesOnlyHandlersThatExist() {
        Set<String> stale = new TreeSet<>(REFUSED.keySet());
        stale.addAll(NOT_PERSON_SCOPED.keySet());
        stale.addAll(ALLOWED.keySet());
        stale.removeAll(handlers());
        stale.removeIf(h -> h.contains("/error") || h.contains("/login") || h.contains("/logout"));
        assertThat(stale).as("lists name handlers that are gone").isEmpty();
    }

    @Test
    void recordsEveryRefusalOfTheStrangerOnce() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Integer> handler : new TreeMap<>(REFUSED).entrySet()) {
            String method = handler.getKey().substring(0, handler.getKey().indexOf(' '));
            String route = handler.getKey().substring(handler.getKey().indexOf(' ') + 1);
            Set<String> before = refusalIds();
            int status = send(method, route, fill(route), BODIES.getOrDefault(handler.getKey(), ""));
            softly.assertThat(status).as(handler.getKey() + " status").isEqualTo(handler.getValue());
            List<Refusal> entries = refusalsSince(before);
            softly.assertThat(entries)
                    .as(handler.getKey() + " leaves a refused entry")
                    .isNotEmpty();
            long bySentinel = entries.stream()
                    .filter(e -> (method + " " + route).equals(e.route()))
                    .count();
            softly.assertThat(bySentinel == 0 || bySentinel == entries.size())
                    .as(handler.getKey() + " is recorded by its module or by the web layer, never both: " + entries)
                    .isTrue();
            softly.assertThat(bySentinel)
                    .as(handler.getKey() + " at most one web entry")
                    .isLessThanOrEqualTo(1);
            if (namesJordan(route)) {
                softly.assertThat(entries)
                        .as(handler.getKey() + " names Jordan as the person refused")
                        .anyMatch(e -> jordan.equals(e.subject()));
            }
        }
        softly.assertAll();
    }

    @Test
    void recordsWhatTheStrangerMayDoAboutAnother() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Allowed> handler : new TreeMap<>(ALLOWED).entrySet()) {
            String method = handler.getKey().substring(0, handler.getKey().indexOf(' '));
            String route = handler.getKey().substring(handler.getKey().indexOf(' ') + 1);
            Set<String> before = doneIds();
            int status = send(method, route, fill(route), handler.getValue().body());
            softly.assertThat(status)
                    .as(handler.getKey() + " status")
                    .isEqualTo(handler.getValue().status());
            softly.assertThat(doneSince(before))
                    .as(handler.getKey() + " leaves an entry about the worker")
                    .contains(worker);
        }
        softly.assertAll();
    }

    @Test
    void answersAHiddenPersonExactlyAsAMissingOne() {
        Api.Response hidden = api.get("/api/v1/people/" + jordan, token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID(), token);
        assertThat(hidden.status()).isEqualTo(missing.status());
        assertThat(hidden.body().replace(jordan, "ID"))
                .isEqualTo(missing.body().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID"));
    }

    private int send(String method, String route, String path, String template) {
        String handler = method + " " + route;
        String body = (template.isEmpty() && route.startsWith("/api/") ? "{}" : template)
                .replace("{jordan}", jordan)
                .replace("{worker}", worker)
                .replace("{stranger}", stranger)
                .replace("{program}", records.get("programs"));
        if (route.startsWith("/api/")) {
            return switch (method) {
                case "GET" -> api.get(path, token).status();
                case "POST" -> api.post(path, token, body).status();
                case "PUT" -> api.put(path, token, body).status();
                case "DELETE" ->
                    api.send("DELETE", path, token, "application/json", body).status();
                default -> throw new AssertionError("no walk for " + handler);
            };
        }
        if (method.equals("GET")) {
            return browser.get(path).statusCode();
        }
        Map<String, String> form = new TreeMap<>();
        for (String field : body.split("&")) {
            if (!field.isEmpty()) {
                form.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
            }
        }
        browser.get("/");
        return browser.post(path, form).statusCode();
    }

    private String fill(String route) {
        String path = route;
        for (Map.Entry<String, String> record : records.entrySet()) {
            path = path.replace("/" + record.getKey() + "/{id}", "/" + record.getKey() + "/" + record.getValue());
        }
        return path.replace("{version}", "1")
                .replace("{rid}", records.get("relationships"))
                .replace("{noteId}", records.get("notes"))
                .replace("{stepId}", records.get("steps"))
                .replaceAll("\\{[a-zA-Z]+\\}", jordan);
    }

    private Set<String> handlers() {
        Set<String> handlers = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    handlers.add("ANY " + pattern);
                }
                for (RequestMethod method : methods) {
                    handlers.add(method + " " + pattern);
                }
            }
        }
        return handlers;
    }

    private String any(String table) {
        return jdbc.sql("select min(cast(t.id as varchar(36))) from " + table
                        + " t join agency a on a.id = t.agency_id where a.demo = true")
                .query(String.class)
                .optional()
                .orElse(UUID.randomUUID().toString());
    }

    private static boolean namesJordan(String route) {
        return route.contains("/people/{id}")
                || route.startsWith("/support/participants/")
                || route.startsWith("/contact/threads/");
    }

    record Refusal(String subject, String route) {}

    private Set<String> refusalIds() {
        return new TreeSet<>(jdbc.sql("select cast(id as varchar(36)) from audit_entry where actor_id = :p"
                        + " and outcome = 'DENIED'")
                .param("p", UUID.fromString(stranger))
                .query(String.class)
                .list());
    }

    private List<Refusal> refusalsSince(Set<String> before) {
        return jdbc
                .sql("select cast(id as varchar(36)) as id, cast(subject_id as varchar(36)) as subject_id, detail"
                        + " from audit_entry where actor_id = :p and outcome = 'DENIED'")
                .param("p", UUID.fromString(stranger))
                .query((rs, i) -> before.contains(rs.getString("id"))
                        ? null
                        : new Refusal(
                                rs.getString("subject_id"),
                                rs.getString("detail") == null
                                        ? ""
                                        : rs.getString("detail").replace(" (answered as not found)", "")))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private Set<String> doneIds() {
        return new TreeSet<>(jdbc.sql(
                        "select cast(id as varchar(36)) from audit_entry where actor_id = :p" + " and outcome = 'DONE'")
                .param("p", UUID.fromString(stranger))
                .query(String.class)
                .list());
    }

    /** The people the stranger's {@code DONE} entries since {@code before} are about. */
    private Set<String> doneSince(Set<String> before) {
        return jdbc
                .sql("select cast(id as varchar(36)) as id, cast(subject_id as varchar(36)) as subject_id"
                        + " from audit_entry where actor_id = :p and outcome = 'DONE'")
                .param("p", UUID.fromString(stranger))
                .query((rs, i) -> before.contains(rs.getString("id")) ? "" : rs.getString("subject_id"))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> all = new TreeMap<>();
        for (Map<String, String> map : maps) {
            all.putAll(map);
        }
        return Map.copyOf(all);
    }

    private static Map<String, String> because(String reason, String... handlers) {
        Map<String, String> named = new TreeMap<>();
        for (String handler : handlers) {
            named.put(handler, reason);
        }
        return Map.copyOf(named);
    }
}
