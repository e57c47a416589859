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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load on what peer workers and coordinators use every day, against the demo agency: the
 * peer worker's day, a participant's support record, recording a contact, and the coordinator's
 * suggestions for a referral. Only ever targets this machine's loopback address; bounded in time.
 */
public class PeerSupportSimulation extends Simulation {

    static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    static final int USERS = Integer.getInteger("users", 4);
    static final int SECONDS = Integer.getInteger("seconds", 60);

    static final String PEER;
    static final String COORDINATOR;
    static final String JULIE;
    static final String REFERRAL;

    static {
        if (!URI.create(BASE).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]")) {
            throw new IllegalArgumentException("load tests only target this machine (loopback), not " + BASE);
        }
        HttpClient client = HttpClient.newHttpClient();
        PEER = token(client, "peer");
        COORDINATOR = token(client, "supervisor");
        String day = get(client, "/api/v1/me/day", PEER);
        Matcher julie = Pattern.compile("\"personId\":\"([0-9a-f-]{36})\",\"name\":\"Julie Roy\"")
                .matcher(day);
        Matcher anyPerson = Pattern.compile("\"personId\":\"([0-9a-f-]{36})\"").matcher(day);
        String participant = julie.find() ? julie.group(1) : anyPerson.find() ? anyPerson.group(1) : null;
        if (participant == null) {
            throw new IllegalStateException("the peer worker has no participants: " + day);
        }
        JULIE = participant;
        Matcher referral = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"personId\"")
                .matcher(get(client, "/api/v1/referrals", COORDINATOR));
        if (!referral.find()) {
            throw new IllegalStateException("the coordinator has no open referral");
        }
        REFERRAL = referral.group(1);
    }

    HttpProtocolBuilder protocol =
            http.baseUrl(BASE).acceptHeader("application/json").contentTypeHeader("application/json");

    ScenarioBuilder work = scenario("peer support")
            .exec(randomSwitch()
                    .on(
                            percent(35, http("my day")
                                    .get("/api/v1/me/day")
                                    .header("Authorization", s -> "Bearer " + PEER)
                                    .check(status().is(200))),
                            percent(35, http("support record")
                                    .get("/api/v1/people/" + JULIE + "/interactions")
                                    .header("Authorization", s -> "Bearer " + PEER)
                                    .check(status().is(200))),
                            percent(20, http("suggestions")
                                    .get("/api/v1/referrals/" + REFERRAL + "/suggestions")
                                    .header("Authorization", s -> "Bearer " + COORDINATOR)
                                    .check(status().is(200))),
                            percent(10, http("record a contact")
                                    .post("/api/v1/people/" + JULIE + "/interactions")
                                    .header("Authorization", s -> "Bearer " + PEER)
                                    .body(StringBody("{\"kind\":\"PHONE_CALL\",\"durationMinutes\":15,"
                                            + "\"note\":\"Load test check-in.\"}"))
                                    .check(status().is(201)))));

    {
        setUp(work.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    private static io.gatling.javaapi.core.Choice.WithWeight percent(
            double weight, io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return io.gatling.javaapi.core.CoreDsl.percent(weight).then(io.gatling.javaapi.core.CoreDsl.exec(request));
    }

    private static String token(HttpClient client, String username) {
        String body = send(client, HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"mutuality-demo\"}")));
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("could not sign in as " + username + ": " + body);
        }
        return m.group(1);
    }

    private static String get(HttpClient client, String path, String token) {
        return send(client, HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static String send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("request to " + BASE, e);
        }
    }
}
