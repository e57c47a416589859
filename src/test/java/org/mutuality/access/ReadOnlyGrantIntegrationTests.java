package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A break-the-glass grant opens a record for reading only: its holder cannot write in it, nor speak
 * for the agency to the person (finding 6 of issue 13).
 */
@IntegrationTest
class ReadOnlyGrantIntegrationTests {

    static final String READ_ONLY = "A break-the-glass grant lets you read, not write.";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String volunteer;
    String participant;

    @BeforeEach
    void grantTheVolunteerTheParticipantsSupportNotes() {
        api = agency.api();
        volunteer = api.demoToken("volunteer");
        participant = agency.person("Gaëlle Grant " + TestAgency.tag())
                .role(Role.PARTICIPANT)
                .create()
                .id()
                .toString();
        Api.Response opened = api.post(
                "/api/v1/access/break-glass",
                volunteer,
                Api.json(Map.of(
                        "subjectId",
                        participant,
                        "recordKind",
                        "SUPPORT_NOTES",
                        "reason",
                        "URGENT_CARE_PERSON_CANNOT_BE_ASKED",
                        "detail",
                        "She collapsed at the group and paramedics ask about her plan.")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    @Test
    void letsTheHolderOfAGrantReadTheMessages() {
        Api.Response thread = api.get("/api/v1/people/" + participant + "/messages", volunteer);

        assertThat(thread.status()).as(thread.body()).isEqualTo(200);
    }

    @Test
    void refusesAMessageInTheAgencysNameFromTheHolderOfAGrant() {
        long before = count("select count(*) from contact_message where participant_id = :p");

        Api.Response reply = api.post(
                "/api/v1/people/" + participant + "/messages",
                volunteer,
                Api.json(Map.of("text", "Hello, this is the agency. Please call us back.")));

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.contentType()).contains("problem+json");
        assertThat(reply.body()).contains(READ_ONLY);
        assertThat(count("select count(*) from contact_message where participant_id = :p"))
                .isEqualTo(before);
    }

    @Test
    void refusesANoteFromTheHolderOfAGrant() {
        Api.Response note = api.post(
                "/api/v1/people/" + participant + "/notes",
                volunteer,
                Api.json(Map.of("kind", "SUPPORT_NOTES", "text", "Spoke with the paramedics.")));

        assertThat(note.status()).as(note.body()).isEqualTo(403);
        assertThat(note.body()).contains(READ_ONLY);
        assertThat(count("select count(*) from record_note where subject_id = :p"))
                .isZero();
    }

    @Test
    void refusesAnInteractionFromTheHolderOfAGrant() {
        Api.Response interaction = api.post(
                "/api/v1/people/" + participant + "/interactions",
                volunteer,
                "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":10}");

        assertThat(interaction.status()).as(interaction.body()).isEqualTo(403);
        assertThat(interaction.body()).contains(READ_ONLY);
        assertThat(count("select count(*) from interaction where participant_id = :p"))
                .isZero();
    }

    @Test
    void showsTheHolderOfAGrantTheThreadWithoutAReplyForm() {
        var page = agency.demoBrowser("volunteer").get("/contact/threads/" + participant);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(READ_ONLY).doesNotContain("name=\"text\"");
    }

    @Test
    void saysItInFrench() {
        Api.Response note = api.post(
                "/api/v1/people/" + participant + "/notes?lang=fr",
                volunteer,
                Api.json(Map.of("kind", "SUPPORT_NOTES", "text", "Parlé avec les ambulanciers.")));

        assertThat(note.status()).as(note.body()).isEqualTo(403);
        assertThat(note.body()).contains("Un accès d’urgence vous permet de lire, pas d’écrire.");
    }

    private long count(String sql) {
        return jdbc.sql(sql)
                .param("p", UUID.fromString(participant))
                .query(Long.class)
                .single();
    }
}
