package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Training and certification through the API, on H2 and PostgreSQL: who reads a person's file (the
 * person, their supervisor, managers, the privacy lead) and who records in it (the person, a
 * manager); everyone else, a colleague, another agency, a participant, is answered as for a missing
 * person and the refusal is audited. Certificates are checked by their content and size, and a bad
 * body changes nothing.
 */
@IntegrationTest
class TrainingIntegrationTests {

    static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void recordsTheirOwnTrainingWithItsCertificateAndDownloadsIt() {
        Person ada = peer("Ada Trainee");
        String token = agency.token(ada);
        String record = recordEthics(token, ada.id());

        Upload uploaded = upload(certificate(ada.id(), record), token, "certificate.pdf", "application/pdf", PDF);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("\"certificate\":\"application/pdf\"");

        Download file = download(certificate(ada.id(), record), token);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/pdf");
        assertThat(file.disposition()).startsWith("attachment");
        assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
        assertThat(readsOf(ada.id(), "SELF")).isPositive();

        JsonNode mine = agency.api().get(trainings(ada.id()), token).json();
        assertThat(mine.get("trainings").get(0).get("id").asString()).isEqualTo(record);
        assertThat(mine.get("requirements").toString()).contains("MISSING").contains("CURRENT");
    }

    @Test
    void letsTheSupervisorAndThePrivacyLeadReadAndOnlyAManagerRecordForSomeoneElse() {
        Person ada = peer("Ada Supervised");
        String tag = TestAgency.tag();
        Person bea = agency.person("Bea Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("bea-training-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", bea.id(), ada.id());
        String supervisor = agency.token(bea);

        assertThat(agency.api().get(trainings(ada.id()), supervisor).status()).isEqualTo(200);
        assertThat(readsOf(ada.id(), "SUPERVISOR")).isPositive();
        assertThat(agency.api()
                        .get(trainings(ada.id()), agency.demoToken("privacy"))
                        .status())
                .isEqualTo(200);
        assertThat(recordEthicsStatus(supervisor, ada.id())).isEqualTo(403);
        assertThat(recordEthicsStatus(agency.demoToken("privacy"), ada.id())).isEqualTo(403);
        assertThat(recordEthicsStatus(agency.demoToken("manager"), ada.id())).isEqualTo(201);
        assertThat(readsOf(ada.id(), "MANAGER")).isZero();
        assertThat(agency.api()
                        .get(trainings(ada.id()), agency.demoToken("manager"))
                        .status())
                .isEqualTo(200);
        assertThat(readsOf(ada.id(), "MANAGER")).isPositive();
    }

    @Test
    void hidesAColleaguesTrainingsFromAPeerWorkerAsIfTheyDidNotExist() {
        PersonId jordan = agency.demoPerson("Jordan Lee");
        String peer2 = agency.demoToken("peer2");
        long before = agency.refusals("peer2");

        Api.Response hidden = agency.api().get(trainings(jordan), peer2);
        UUID random = UUID.randomUUID();
        Api.Response missing = agency.api().get("/api/v1/people/" + random + "/trainings", peer2);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(jordan.value().toString(), "ID"))
                .isEqualTo(missing.body().replace(random.toString(), "ID"));
        assertThat(agency.refusals("peer2")).isGreaterThan(before);
        assertThat(hidden.body()).doesNotContain("Provincial");
        String record = anyRecordOf(jordan);
        assertThat(download(certificate(jordan, record), peer2).status()).isEqualTo(404);
        assertThat(recordEthicsStatus(peer2, jordan)).isEqualTo(404);
    }

    @Test
    void hidesThemFromAnotherAgencyAndItsCompliance() {
        TestAgency elsewhere = agency.inAgency("Training Elsewhere");
        Person manager = elsewhere
                .person("Mo Manager")
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        String token = elsewhere.token(manager);
        PersonId jordan = agency.demoPerson("Jordan Lee");

        assertThat(agency.api().get(trainings(jordan), token).status()).isEqualTo(404);
        assertThat(recordEthicsStatus(token, jordan)).isEqualTo(404);
        Api.Response compliance = agency.api().get("/api/v1/compliance?all=true", token);
        assertThat(compliance.status()).isEqualTo(200);
        assertThat(compliance.body()).doesNotContain("Jordan");
    }

    @Test
    void refusesAParticipantTheCatalogueTheFilesAndTheReport() {
        String participant = agency.demoToken("participant");
        PersonId jordan = agency.demoPerson("Jordan Lee");

        assertThat(agency.api().get("/api/v1/trainings", participant).status()).isEqualTo(403);
        assertThat(agency.api().get(trainings(jordan), participant).status()).isEqualTo(404);
        assertThat(agency.api().get("/api/v1/compliance", participant).status()).isEqualTo(403);
        assertThat(recordEthicsStatus(participant, jordan)).isEqualTo(404);
        assertThat(agency.api()
                        .post("/api/v1/trainings", participant, "{\"name\":\"Mine\",\"requiredFor\":[\"MANAGER\"]}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesAnHtmlPageOrAProgramRenamedPdfAndKeepsNothing() {
        Person ada = peer("Ada Uploads");
        String token = agency.token(ada);
        String record = recordEthics(token, ada.id());
        long before = agency.rows("training_certificate");

        Upload html = upload(
                certificate(ada.id(), record),
                token,
                "certificate.pdf",
                "application/pdf",
                "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
        Upload exe = upload(
                certificate(ada.id(), record),
                token,
                "certificate.pdf",
                "application/pdf",
                "MZ\u0000\u0003 PE program");

        assertThat(html.status()).as(html.body()).isEqualTo(400);
        assertThat(html.body()).contains("PDF, PNG or JPEG");
        assertThat(exe.status()).as(exe.body()).isEqualTo(400);
        assertThat(agency.rows("training_certificate")).isEqualTo(before);
        assertThat(download(certificate(ada.id(), record), token).status()).isEqualTo(404);
    }

    @Test
    void refusesAnOversizedCertificateAndKeepsNothing() {
        Person ada = peer("Ada Large");
        String token = agency.token(ada);
        String record = recordEthics(token, ada.id());
        long before = agency.rows("training_certificate");
        char[] big = new char[Certificate.MAX_BYTES + 1];
        Arrays.fill(big, 'a');
        String oversized = "%PDF-" + new String(big, 5, big.length - 5);

        Upload refused = upload(certificate(ada.id(), record), token, "certificate.pdf", "application/pdf", oversized);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("5 MB");
        assertThat(agency.rows("training_certificate")).isEqualTo(before);
    }

    @Test
    void refusesABadBodyWithA400AndSavesNothing() {
        Person ada = peer("Ada Body");
        String token = agency.token(ada);
        long before = agency.rows("training_record");
        String ethics = ethicsId(token);

        Api.Response malformed =
                agency.api().post(trainings(ada.id()), token, "{\"trainingId\":\"" + ethics + "\",\"hours\":");
        Api.Response words = agency.api()
                .post(
                        trainings(ada.id()),
                        token,
                        "{\"trainingId\":\"" + ethics + "\",\"completedOn\":\"2026-01-05\",\"provider\":\"X\","
                                + "\"hours\":\"lots\"}");
        Api.Response future = agency.api()
                .post(
                        trainings(ada.id()),
                        token,
                        Api.json(Map.of(
                                "trainingId",
                                ethics,
                                "completedOn",
                                agency.today().plusDays(3).toString(),
                                "provider",
                                "Peer Network",
                                "hours",
                                3)));
        Api.Response unknown = agency.api()
                .post(
                        trainings(ada.id()),
                        token,
                        Api.json(Map.of(
                                "trainingId",
                                UUID.randomUUID().toString(),
                                "completedOn",
                                agency.today().toString(),
                                "provider",
                                "Peer Network",
                                "hours",
                                3)));
        Api.Response certification = agency.api()
                .post(
                        "/api/v1/people/" + ada.id().value() + "/certifications",
                        token,
                        "{\"body\":\"Board\",\"number\":\"1\",\"issuedOn\":\"2026-01-05\",\"expiresOn\":\"2025-01-05\"}");

        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(words.status()).as(words.body()).isEqualTo(400);
        assertThat(future.status()).as(future.body()).isEqualTo(400);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(certification.status()).as(certification.body()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(agency.rows("training_record")).isEqualTo(before);
    }

    @Test
    void listsWhoIsDueForTheManagerAsJsonAndCsv() {
        String manager = agency.demoToken("manager");

        Api.Response json = agency.api().get("/api/v1/compliance", manager);
        Api.Response csv = agency.api().get("/api/v1/compliance?format=csv", manager);
        Api.Response accepted = accept("/api/v1/compliance?role=PEER_WORKER", manager, "text/csv");
        Api.Response clinicians = agency.api().get("/api/v1/compliance?role=CLINICIAN", manager);

        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().toString())
                .contains("\"name\":\"Jordan Lee\"")
                .contains("EXPIRED")
                .contains("EXPIRING");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("Person,Roles,Programs").contains("Jordan Lee");
        assertThat(accepted.contentType()).startsWith("text/csv");
        assertThat(accepted.body()).contains("Jordan Lee").doesNotContain("Hélène Tremblay");
        assertThat(clinicians.body()).doesNotContain("Jordan Lee");
        assertThat(agency.api()
                        .get("/api/v1/compliance", agency.demoToken("peer"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void keepsTheCatalogueAndTheParityReportNamesATrainingForPeersAlone() {
        TestAgency own = agency.inAgency("Training Parity");
        Person lead = own.person("Lee Privacy")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        Person manager = own.person("Max Manager")
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        Person peer = own.person("Pat Peer").role(Role.PEER_WORKER).account().create();
        own.person("Cam Clinician").role(Role.CLINICIAN).create();
        String managerToken = own.token(manager);

        assertThat(agency.api().get("/api/v1/parity", own.token(lead)).body())
                .contains("\"trainingsSinglingOutPeers\":[]");
        assertThat(agency.api()
                        .post("/api/v1/trainings", own.token(peer), "{\"name\":\"Mine\",\"requiredFor\":[]}")
                        .status())
                .isEqualTo(403);
        Api.Response defined = agency.api()
                .post(
                        "/api/v1/trainings",
                        managerToken,
                        "{\"name\":\"Sharing one's story\",\"requiredFor\":[\"PEER_WORKER\"],\"renewEveryMonths\":12}");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(agency.api().get("/api/v1/trainings", own.token(peer)).body())
                .contains("Sharing one's story")
                .contains("ETHICS_AND_DUAL_RELATIONSHIPS");

        JsonNode unequal = agency.api().get("/api/v1/parity", own.token(lead)).json();
        assertThat(unequal.get("trainingsSinglingOutPeers").toString()).contains("Sharing one's story");
        assertThat(row(unequal, "TRAINING_OVERDUE").get("sameRule").asBoolean()).isFalse();
        assertThat(row(unequal, "TRAINING_OVERDUE").get("peer").asInt()).isEqualTo(6);

        String id = defined.json().get("id").asString();
        Api.Response widened = agency.api()
                .put(
                        "/api/v1/trainings/" + id,
                        managerToken,
                        "{\"requiredFor\":[\"PEER_WORKER\",\"VOLUNTEER_PEER\",\"CLINICIAN\",\"SUPERVISOR\","
                                + "\"MANAGER\",\"RESEARCHER\",\"PRIVACY_LEAD\",\"ADMINISTRATOR\"],\"version\":0}");
        assertThat(widened.status()).as(widened.body()).isEqualTo(200);
        JsonNode equal = agency.api().get("/api/v1/parity", own.token(lead)).json();
        assertThat(row(equal, "TRAINING_OVERDUE").get("sameRule").asBoolean()).isTrue();
        assertThat(agency.api()
                        .put("/api/v1/trainings/" + id, managerToken, "{\"version\":0}")
                        .status())
                .as("a stale version")
                .isEqualTo(409);
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode row : report.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    private Person peer(String name) {
        return agency.person(name + " " + TestAgency.tag())
                .role(Role.PEER_WORKER)
                .account()
                .create();
    }

    private String ethicsId(String token) {
        for (JsonNode t : agency.api().get("/api/v1/trainings", token).json()) {
            if ("ETHICS_AND_DUAL_RELATIONSHIPS".equals(t.get("shippedKey").asString())) {
                return t.get("id").asString();
            }
        }
        throw new AssertionError("no ethics training in the catalogue");
    }

    private String recordEthics(String token, PersonId person) {
        Api.Response r = agency.api().post(trainings(person), token, ethicsBody(ethicsId(token)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private int recordEthicsStatus(String token, PersonId person) {
        // The demo agency's entry: a caller of another agency is refused before the entry is looked up.
        String ethics = ethicsId(agency.demoToken("manager"));
        return agency.api().post(trainings(person), token, ethicsBody(ethics)).status();
    }

    private String ethicsBody(String ethics) {
        return Api.json(Map.of(
                "trainingId",
                ethics,
                "completedOn",
                agency.today().minusDays(10).toString(),
                "provider",
                "Peer Support Network",
                "hours",
                6));
    }

    private String anyRecordOf(PersonId person) {
        return jdbc.sql("select cast(min(cast(id as varchar(36))) as varchar(36)) from training_record"
                        + " where person_id = :p")
                .param("p", person.value())
                .query(String.class)
                .single();
    }

    private long readsOf(PersonId subject, String basis) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :s and record_kind = 'TRAINING_RECORDS'"
                        + " and action = 'READ' and outcome = 'ALLOWED' and basis = :b")
                .param("s", subject.value())
                .param("b", basis)
                .query(Long.class)
                .single();
    }

    private static String trainings(PersonId person) {
        return "/api/v1/people/" + person.value() + "/trainings";
    }

    private static String certificate(PersonId person, String record) {
        return trainings(person) + "/" + record + "/certificate";
    }

    record Upload(int status, String body) {}

    record Download(int status, String contentType, String disposition, byte[] body) {}

    private Upload upload(String path, String token, String name, String type, String content) {
        String boundary = "----training" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        body.writeBytes(head);
        body.writeBytes(content.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                HttpResponse.BodyHandlers.ofString());
        return new Upload(r.statusCode(), r.body());
    }

    private Download download(String path, String token) {
        HttpResponse<byte[]> r = send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""),
                r.body());
    }

    private Api.Response accept(String path, String token, String accept) {
        HttpResponse<String> r = send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", accept)
                        .GET(),
                HttpResponse.BodyHandlers.ofString());
        return new Api.Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path);
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HttpClient.newHttpClient().send(request.build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
