package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The policy editor for people who are not developers (issue 21, item 10): a change is previewed
 * against today's pairings before it can be put in force, only the text that was previewed goes in
 * force, any version can be compared with another and put back in force as a new version, and only
 * the privacy lead may do any of it.
 */
@IntegrationTest
class PolicyEditorIntegrationTests {

    private static final Pattern PREVIEWED = Pattern.compile("name=\"previewed\" value=\"([0-9a-f]+)\"");

    @Autowired
    TestAgency demo;

    /** An agency whose privacy lead blocks supervision across a care relationship, and one such pairing. */
    private record Setting(TestAgency agency, Person privacy, Person supervisor, String blocking) {

        String warning() {
            return blocking.replace("decision: BLOCK", "decision: WARN");
        }

        long versions() {
            return agency.rows("conflict_policy");
        }
    }

    private Setting setting(String name) {
        TestAgency own = demo.inAgency(name);
        Person privacy = own.person("Privacy " + name)
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        Person supervisor = own.person("Clinician " + name)
                .roleAcrossAgency(Role.CLINICIAN)
                .roleAcrossAgency(Role.SUPERVISOR)
                .account()
                .create();
        Person peer =
                own.person("Peer " + name).roleAcrossAgency(Role.PEER_WORKER).create();
        Person manager = own.person("Manager " + name)
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        own.relate(own.token(manager), "SUPERVISES", supervisor.id(), peer.id());
        own.relate(own.token(manager), "TREATS", supervisor.id(), peer.id());
        String blocking = "rules:\n  - id: care-and-supervision\n    actions: [SUPERVISE]\n    kinds: [TREATS]\n"
                + "    decision: BLOCK\n    explanation: A person who treats someone does not supervise them.\n";
        Api.Response saved = own.api()
                .send("PUT", "/api/v1/conflicts/policy?reason=ours", own.token(privacy), "application/yaml", blocking);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return new Setting(own, privacy, supervisor, blocking);
    }

    @Test
    void previewsWhichPairingsWouldChangeAndPutsInForceOnlyTheTextPreviewed() {
        Setting s = setting("preview");
        BrowserSession privacy = s.agency().browser(s.privacy());
        privacy.get("/conflicts/policy");
        long before = s.versions();

        HttpResponse<String> preview =
                privacy.post("/conflicts/policy/preview", Map.of("text", s.warning(), "reason", "care asks for care"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Of today’s one pairing, one would get another decision")
                .contains("Clinician preview")
                .contains("Not allowed")
                .contains("Allowed, with a caution")
                .contains("Put this version in force")
                .contains("decision: WARN");
        assertThat(s.versions()).as("a preview changes nothing").isEqualTo(before);
        JsonNode api = s.agency()
                .api()
                .send(
                        "POST",
                        "/api/v1/conflicts/policy/preview",
                        s.agency().token(s.privacy()),
                        "application/yaml",
                        s.warning())
                .json();
        assertThat(api.get("changed").asInt()).isEqualTo(1);
        JsonNode change = api.get("changes").get(0);
        assertThat(change.get("actorId").asString())
                .isEqualTo(s.supervisor().id().value().toString());
        assertThat(change.get("before").asString()).isEqualTo("BLOCK");
        assertThat(change.get("after").asString()).isEqualTo("WARN");
        assertThat(s.versions()).isEqualTo(before);

        // A text edited after its preview is previewed again, not put in force unseen.
        String fingerprint = fingerprint(preview.body());
        HttpResponse<String> edited = privacy.post(
                "/conflicts/policy",
                Map.of(
                        "text",
                        s.warning().replace("WARN", "ALLOW"),
                        "reason",
                        "care asks for care",
                        "previewed",
                        fingerprint));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("changed since the last preview, so nothing was put in force");
        assertThat(s.versions()).isEqualTo(before);

        HttpResponse<String> saved = privacy.post(
                "/conflicts/policy",
                Map.of("text", s.warning(), "reason", "care asks for care", "previewed", fingerprint));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(s.versions()).isEqualTo(before + 1);
        assertThat(s.agency()
                        .api()
                        .get("/api/v1/conflicts/policy", s.agency().token(s.privacy()))
                        .body())
                .contains("decision: WARN");
    }

    @Test
    void showsTheLineOfAProblemAndNeverThePutInForceButtonForAnInvalidText() {
        Setting s = setting("invalid");
        BrowserSession privacy = s.agency().browser(s.privacy());
        privacy.get("/conflicts/policy");

        HttpResponse<String> preview = privacy.post(
                "/conflicts/policy/preview",
                Map.of("text", s.blocking().replace("decision: BLOCK", "decision: MAYBE"), "reason", "x"));

        assertThat(preview.body())
                .contains("line 5")
                .contains("ALLOW, WARN, CONSULT, BLOCK")
                .contains("data-line=\"5\"")
                .contains("Go to line 5")
                .doesNotContain("name=\"previewed\"");
    }

    @Test
    void comparesVersionsAndPutsAnEarlierOneBackInForceAsANewVersion() {
        Setting s = setting("restore");
        String token = s.agency().token(s.privacy());
        Api api = s.agency().api();
        assertThat(api.send("PUT", "/api/v1/conflicts/policy?reason=softer", token, "application/yaml", s.warning())
                        .status())
                .isEqualTo(200);

        JsonNode diff =
                api.get("/api/v1/conflicts/policy/versions/2/diff", token).json();
        assertThat(diff.toString())
                .contains("\"kind\":\"REMOVED\"")
                .contains("decision: BLOCK")
                .contains("\"kind\":\"ADDED\"")
                .contains("decision: WARN");
        assertThat(api.get("/api/v1/conflicts/policy/versions/0/diff", token).body())
                .isEqualTo("[]");
        assertThat(api.get("/api/v1/conflicts/policy/versions/1/diff?against=2", token)
                        .body())
                .as("from the older to the newer, whichever is asked first")
                .isEqualTo(api.get("/api/v1/conflicts/policy/versions/2/diff?against=1", token)
                        .body());
        HttpResponse<String> page = s.agency().browser(s.privacy()).get("/conflicts/policy/versions/2");
        assertThat(page.body())
                .contains("Lines changed from version 1 to version 2")
                .contains("removed:");

        Api.Response restored = api.post("/api/v1/conflicts/policy/versions/1/restore?reason=back", token, "");
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().get("version").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/conflicts/policy", token).body()).isEqualTo(s.blocking());
        assertThat(api.get("/api/v1/conflicts/policy/versions", token).json()).hasSize(4);

        HttpResponse<String> editor = s.agency().browser(s.privacy()).get("/conflicts/policy?from=2");
        assertThat(editor.body())
                .contains("The editor holds the text of version 2")
                .contains("Back to version 2");
    }

    @Test
    void letsNobodyButThePrivacyLeadPreviewOrRestore() {
        Setting s = setting("hostile");
        String supervisor = s.agency().token(s.supervisor());
        Api api = s.agency().api();
        long before = s.versions();

        assertThat(api.send("POST", "/api/v1/conflicts/policy/preview", supervisor, "application/yaml", s.warning())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/conflicts/policy/versions/0/restore?reason=mine", supervisor, "")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/conflicts/policy/versions/0/restore?reason=mine", api.demoToken("participant"), "")
                        .status())
                .isEqualTo(403);
        BrowserSession page = s.agency().browser(s.supervisor());
        page.get("/conflicts/policy");
        assertThat(page.post("/conflicts/policy/preview", Map.of("text", s.warning(), "reason", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(s.versions()).isEqualTo(before);

        // The privacy lead of another agency cannot restore or compare this agency's versions: they are not there.
        String demoPrivacy = api.demoToken("privacy");
        assertThat(api.get("/api/v1/conflicts/policy/versions/1/diff?against=0", demoPrivacy)
                        .body())
                .doesNotContain("care-and-supervision");
        assertThat(api.post("/api/v1/conflicts/policy/versions/99/restore?reason=x", demoPrivacy, "")
                        .status())
                .isEqualTo(404);
        assertThat(s.versions()).isEqualTo(before);
    }

    private static String fingerprint(String body) {
        Matcher m = PREVIEWED.matcher(body);
        assertThat(m.find())
                .as("the preview carries the fingerprint of its text")
                .isTrue();
        return m.group(1);
    }
}
