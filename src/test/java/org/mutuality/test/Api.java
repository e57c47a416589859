package org.mutuality.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for the JSON API, over real HTTP. */
public final class Api {

    public static final String DEMO_PASSWORD = "mutuality-demo";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in with the API and returns a bearer token. */
    public String token(String username, String password) {
        Response r = post(
                "/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asString();
    }

    public String demoToken(String username) {
        return token(username, DEMO_PASSWORD);
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /**
     * Every page of a list from {@code first} on, following each {@code Link: rel="next"} header; each
     * page must answer 200, and a list that never ends fails after 100 pages.
     */
    public java.util.List<Response> pages(String first, String token) {
        java.util.List<Response> pages = new java.util.ArrayList<>();
        for (String next = first;
                next != null;
                next = pages.get(pages.size() - 1).next()) {
            Response page = get(next, token);
            if (page.status() != 200) {
                throw new AssertionError(next + " answered " + page);
            }
            if (pages.size() == 100) {
                throw new AssertionError(first + " has more than 100 pages: a loop?");
            }
            pages.add(page);
        }
        return pages;
    }

    /**
     * A cursor made of these keys ({@code "2026-10-01|<uuid>"}), encoded as the server encodes its
     * own: for sending the server cursors it never made.
     */
    public static String cursor(String keys) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(keys.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Response post(String path, String token, String body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String token, String body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends any method with any content type, e.g. to try malformed bodies. */
    public Response send(String method, String path, String token, String contentType, String body) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().firstValue("Link").orElse(""));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A response: its status, content type, body and {@code Link} header (empty when none). */
    public record Response(int status, String contentType, String body, String link) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, "");
        }

        /** The path of the next page its {@code Link} header names, or null. */
        public String next() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]+)>;\\s*rel=\"next\"")
                    .matcher(link);
            return m.find() ? m.group(1) : null;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
