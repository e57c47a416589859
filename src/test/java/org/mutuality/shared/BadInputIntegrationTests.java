package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input that Jackson used to coerce silently, and values that used to end in a 500, are refused
 * with a 400 problem document that names the field, and change nothing.
 */
@IntegrationTest
class BadInputIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @Test
    void refusesNumberAsBoolean() {
        Api.Response r = api.post(
                "/api/v1/referrals/" + UUID.randomUUID() + "/answer", api.demoToken("peer"), "{\"accept\":12345}");

        assertRefused(r, "accept");
    }

    @Test
    void refusesTextAsBoolean() {
        Api.Response r =
                api.put("/api/v1/me/peer-profile", api.demoToken("peer"), "{\"capacity\":5,\"accepting\":\"yes\"}");

        assertRefused(r, "accepting");
    }

    @Test
    void refusesFractionalMinutes() {
        long before = count("interaction");

        Api.Response r = api.post(interactionsOfJulie(), api.demoToken("peer"), """
                {"kind":"ONE_TO_ONE","durationMinutes":3.7}""");

        assertRefused(r, "durationMinutes");
        assertThat(count("interaction")).isEqualTo(before);
    }

    @Test
    void refusesTextAsMinutes() {
        Api.Response r = api.post(interactionsOfJulie(), api.demoToken("peer"), """
                {"kind":"ONE_TO_ONE","durationMinutes":"30"}""");

        assertRefused(r, "durationMinutes");
    }

    @Test
    void refusesNumberAsDate() {
        Api.Response r = api.post(interactionsOfJulie(), api.demoToken("peer"), """
                {"kind":"ONE_TO_ONE","durationMinutes":30,"occurredOn":20000}""");

        assertRefused(r, "occurredOn");
    }

    @Test
    void refusesEmptyStringAsDate() {
        Api.Response r = api.post(interactionsOfJulie(), api.demoToken("peer"), """
                {"kind":"ONE_TO_ONE","durationMinutes":30,"occurredOn":""}""");

        assertRefused(r, "occurredOn");
    }

    @Test
    void refusesNumberAsText() {
        Api.Response r = api.post(interactionsOfJulie(), api.demoToken("peer"), """
                {"kind":"ONE_TO_ONE","durationMinutes":30,"note":12345}""");

        assertRefused(r, "note");
    }

    @Test
    void refusesImpossibleSessionDate() {
        long before = count("group_session");

        Api.Response r = api.post(sessionsOfSomeGroup(), api.demoToken("supervisor"), """
                {"heldOn":"2025-02-30","durationMinutes":60}""");

        assertRefused(r, "heldOn");
        assertThat(count("group_session")).isEqualTo(before);
    }

    @Test
    void refusesMalformedSessionStartTime() {
        Api.Response r = api.post(sessionsOfSomeGroup(), api.demoToken("supervisor"), """
                {"heldOn":"2025-02-03","startsAt":"25:99","durationMinutes":60}""");

        assertRefused(r, "startsAt");
    }

    @Test
    void refusesNullAmongThosePresent() {
        Api.Response r = api.post(sessionsOfSomeGroup(), api.demoToken("supervisor"), """
                {"heldOn":"2025-02-03","durationMinutes":60,"present":[null]}""");

        assertRefused(r, "present");
    }

    @Test
    void refusesNullAmongRoles() {
        long before = count("person");

        Api.Response r = api.post("/api/v1/people", api.demoToken("admin"), """
                {"legalName":"Nora Nullrole","roles":[null]}""");

        assertRefused(r, "roles");
        assertThat(count("person")).isEqualTo(before);
    }

    @Test
    void refusesRightToLeftOverrideInAName() {
        long before = count("person");

        Api.Response r =
                api.post("/api/v1/people", api.demoToken("admin"), Api.json(Map.of("legalName", "Ana \u202Egnp.exe")));

        assertRefused(r, "legalName");
        assertThat(r.body()).contains("U+202E");
        assertThat(count("person")).isEqualTo(before);
    }

    @Test
    void refusesNulInFreeText() {
        long before = count("interaction");

        Api.Response r = api.post(
                interactionsOfJulie(),
                api.demoToken("peer"),
                Api.json(Map.of("kind", "ONE_TO_ONE", "durationMinutes", 30, "note", "fine\u0000hidden")));

        assertRefused(r, "note");
        assertThat(count("interaction")).isEqualTo(before);
    }

    @Test
    void refusesLineBreakInAName() {
        Api.Response r = api.post(
                "/api/v1/people",
                api.demoToken("admin"),
                Api.json(Map.of("legalName", "Ana\r\n2025-01-01 INFO forged line")));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.body()).contains("legalName");
    }

    @Test
    void keepsLineBreaksInMultiLineText() {
        Api.Response r = api.post(
                "/api/v1/language/check",
                api.demoToken("peer"),
                Api.json(Map.of("text", "First line\r\n\tand a second, indented")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void refusesBidirectionalIsolateInAFormWithAFormMessage() {
        BrowserSession admin = agency.demoBrowser("admin");
        admin.get("/people/new");
        long before = count("person");

        HttpResponse<String> page = admin.post("/people", Map.of("legalName", "Ana \u2067Morgan\u2069"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("invisible control or text-direction character");
        assertThat(count("person")).isEqualTo(before);
    }

    private void assertRefused(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).as(r.body()).contains(field);
    }

    private String interactionsOfJulie() {
        return "/api/v1/people/" + Demo.personId(jdbc, "Julie Roy") + "/interactions";
    }

    private static String sessionsOfSomeGroup() {
        return "/api/v1/groups/" + UUID.randomUUID() + "/sessions";
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
