package org.mutuality.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20's soak: many concurrent users doing what an agency does all day, for minutes, against the
 * demo agency: signing in, the peer worker's day, a participant's contacts read and written, care
 * notes read a page at a time and written, messages read and sent, conflict checks and timesheets.
 * Every read of a person's record asks the guard and is audited. Only ever targets this machine's
 * loopback address; bounded in time. Run it with {@code load/scripts/soak.sh}, which also samples
 * the server's resident memory.
 */
public class SoakSimulation extends Simulation {

    static final int USERS = Integer.getInteger("users", 50);
    static final int SECONDS = Integer.getInteger("seconds", 600);

    static final String PEER;
    static final String COORDINATOR;
    static final String PSYCHIATRIST;
    static final String JULIE;
    static final String JORDAN;
    static final String SAM;

    static {
        var client = java.net.http.HttpClient.newHttpClient();
        PEER = Demo.token(client, "peer");
        COORDINATOR = Demo.token(client, "supervisor");
        PSYCHIATRIST = Demo.token(client, "psychiatrist");
        JORDAN = Demo.id(Demo.get(client, "/api/v1/me", PEER));
        SAM = Demo.id(Demo.get(client, "/api/v1/me", COORDINATOR));
        Matcher julie = Pattern.compile("\"personId\":\"([0-9a-f-]{36})\",\"name\":\"Julie Roy\"")
                .matcher(Demo.get(client, "/api/v1/me/day", PEER));
        if (!julie.find()) {
            throw new IllegalStateException("the peer worker does not support Julie Roy");
        }
        JULIE = julie.group(1);
    }

    HttpProtocolBuilder protocol = http.baseUrl(Demo.BASE)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    ScenarioBuilder day = scenario("an agency's day")
            .exec(randomSwitch()
                    .on(
                            percent(2, http("sign in")
                                    .post("/api/v1/auth/token")
                                    .body(StringBody(
                                            "{\"username\":\"volunteer\",\"password\":\"mutuality-demo\",\"lifetime\":\"PT1H\"}"))
                                    .check(status().is(201))),
                            percent(18, get("my day", "/api/v1/me/day", PEER)),
                            percent(15, get("contacts", "/api/v1/people/" + JULIE + "/interactions", PEER)),
                            percent(8, http("record a contact")
                                    .post("/api/v1/people/" + JULIE + "/interactions")
                                    .header("Authorization", s -> "Bearer " + PEER)
                                    .body(StringBody("{\"kind\":\"PHONE_CALL\",\"durationMinutes\":15,"
                                            + "\"note\":\"Soak test check-in.\"}"))
                                    .check(status().is(201))),
                            percent(15, get(
                                    "care notes, a page",
                                    "/api/v1/people/" + JORDAN + "/notes?kind=CARE_NOTES&limit=20",
                                    PSYCHIATRIST)),
                            percent(5, http("write a care note")
                                    .post("/api/v1/people/" + JORDAN + "/notes")
                                    .header("Authorization", s -> "Bearer " + PSYCHIATRIST)
                                    .body(StringBody("{\"kind\":\"CARE_NOTES\",\"text\":\"Soak test follow-up.\"}"))
                                    .check(status().is(201))),
                            percent(10, get("messages", "/api/v1/people/" + JULIE + "/messages", PEER)),
                            percent(4, http("send a message")
                                    .post("/api/v1/people/" + JULIE + "/messages")
                                    .header("Authorization", s -> "Bearer " + PEER)
                                    .body(StringBody("{\"text\":\"See you Thursday at the drop-in.\"}"))
                                    .check(status().is(201))),
                            percent(13, http("conflict check")
                                    .post("/api/v1/conflicts/check")
                                    .header("Authorization", s -> "Bearer " + COORDINATOR)
                                    .body(StringBody("{\"action\":\"SUPERVISE\",\"actorId\":\"" + SAM
                                            + "\",\"subjectId\":\"" + JORDAN + "\"}"))
                                    .check(status().is(200))),
                            percent(5, get("my timesheets", "/api/v1/timesheets", PEER)),
                            percent(5, get("hours to approve", "/api/v1/timesheets/to-approve", COORDINATOR))));

    {
        setUp(day.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    private static HttpRequestActionBuilder get(String name, String path, String token) {
        return http(name).get(path).header("Authorization", s -> "Bearer " + token).check(status().is(200));
    }

    private static io.gatling.javaapi.core.Choice.WithWeight percent(double weight, HttpRequestActionBuilder request) {
        return io.gatling.javaapi.core.CoreDsl.percent(weight).then(io.gatling.javaapi.core.CoreDsl.exec(request));
    }

    /** Signing in to the demo agency before the load starts. */
    static final class Demo {

        static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");

        static {
            if (!java.net.URI.create(BASE).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]")) {
                throw new IllegalArgumentException("load tests only target this machine (loopback), not " + BASE);
            }
        }

        static String token(java.net.http.HttpClient client, String username) {
            String body = send(client, java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + username + "\",\"password\":\"mutuality-demo\"}")));
            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("could not sign in as " + username + ": " + body);
            }
            return m.group(1);
        }

        static String id(String person) {
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(person);
            if (!m.find()) {
                throw new IllegalStateException("no id in " + person);
            }
            return m.group(1);
        }

        static String get(java.net.http.HttpClient client, String path, String token) {
            return send(client, java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + path))
                    .header("Authorization", "Bearer " + token)
                    .GET());
        }

        private static String send(java.net.http.HttpClient client, java.net.http.HttpRequest.Builder request) {
            try {
                return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (Exception e) {
                throw new IllegalStateException("request to " + BASE, e);
            }
        }
    }
}
