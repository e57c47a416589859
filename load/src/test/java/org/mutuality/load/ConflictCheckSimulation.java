package org.mutuality.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load on {@code POST /api/v1/conflicts/check} from a second process. Start Mutuality with a
 * synthetic agency first (see docs/benchmarks.md). Only ever targets the loopback address given in
 * {@code -DbaseUrl}; runs for a bounded time and stops by itself.
 */
public class ConflictCheckSimulation extends Simulation {

    static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    static final int USERS = Integer.getInteger("users", 16);
    static final int SECONDS = Integer.getInteger("seconds", 60);
    static final String[] ACTIONS = {"APPROVE_TIMESHEET", "SUPERVISE", "ASSIGN_SUPPORT", "INTERVIEW", "LEAD_GROUP_WITH"};
    static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"displayName\"");

    static final String TOKEN;
    static final List<String> IDS = new ArrayList<>();

    static {
        if (!URI.create(BASE).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]")) {
            throw new IllegalArgumentException("load tests only target this machine (loopback), not " + BASE);
        }
        HttpClient client = HttpClient.newHttpClient();
        String body = send(client, HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + System.getProperty("user", "synthetic") + "\",\"password\":\""
                                + System.getProperty("password", "mutuality-demo") + "\"}")));
        Matcher tokenMatch = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!tokenMatch.find()) {
            throw new IllegalStateException("could not sign in: " + body);
        }
        TOKEN = tokenMatch.group(1);
        for (int page = 0; page < 30; page++) {
            String people = send(client, HttpRequest.newBuilder(
                            URI.create(BASE + "/api/v1/people?size=100&page=" + page))
                    .header("Authorization", "Bearer " + TOKEN)
                    .GET());
            Matcher m = ID.matcher(people);
            int before = IDS.size();
            while (m.find()) {
                IDS.add(m.group(1));
            }
            if (IDS.size() == before) {
                break;
            }
        }
        if (IDS.size() < 2) {
            throw new IllegalStateException("the agency has too few people to load-test");
        }
    }

    Iterator<Map<String, Object>> pairs() {
        Random random = new Random(42);
        return Stream.generate(() -> Map.<String, Object>of(
                        "actor", IDS.get(random.nextInt(IDS.size())),
                        "subject", IDS.get(random.nextInt(IDS.size())),
                        "action", ACTIONS[random.nextInt(ACTIONS.length)]))
                .iterator();
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    ScenarioBuilder checks = scenario("conflict check")
            .feed(pairs())
            .exec(http("check")
                    .post("/api/v1/conflicts/check")
                    .header("Authorization", session -> "Bearer " + TOKEN)
                    .body(StringBody("{\"action\":\"#{action}\",\"actorId\":\"#{actor}\",\"subjectId\":\"#{subject}\"}"))
                    .check(status().is(200)));

    {
        setUp(checks.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    private static String send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("request to " + BASE + " failed", e);
        }
    }
}
