package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends bad input to every POST, PUT and PATCH operation of the OpenAPI document, as an
 * administrator and as a peer worker, and expects each answer to be a 4xx problem document and no
 * row to change.
 *
 * <p>Each body starts from a plausible one built from the operation's schema (real demo ids,
 * today's date) so that one bad property at a time reaches as deep as it can (as the administrator;
 * the peer worker gets the malformed and deeply nested bodies): malformed JSON,
 * a wrong type per property, null inside a list, impossible dates, a 1 MB string, 10,000 levels of
 * nesting, and NUL, ESC, U+202E and U+2066 in text. Tab, CR and LF alone are not sent: they are
 * allowed in multi-line text (ADR 0013); {@code LogLinesIntegrationTests} covers them in logs and
 * {@code BadInputIntegrationTests} in names. Operations without a body get a malformed and an
 * unknown id in their path instead (a body there is ignored, so sending one with a real id would
 * act).
 */
@IntegrationTest
class ApiFuzzIntegrationTests {

    private static final long SEED = 13L;

    /**
     * Tables that change on a refused request, or behind it, and are left out of the checksum:
     * the audit log and its tree (refused reads and writes are audited, and the sealer links entries moments
     * later), Modulith's event publication registry, the tokens' last-use time, and notices (the
     * mailer marks earlier tests' notices as sent). Their row counts are still compared, except the
     * audit log's and the registry's.
     */
    private static final Set<String> COUNTED_ONLY = Set.of("api_token", "notice");

    private static final Set<String> SKIPPED = Set.of(
            "audit_entry",
            "audit_chain",
            "audit_head",
            "audit_tree_node",
            "audit_tree_head",
            "event_publication",
            "flyway_schema_history");

    /** Where a path parameter's real id comes from: the table named by the path segment before it. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("people", "person"),
            Map.entry("members", "person"),
            Map.entry("groups", "support_group"),
            Map.entry("referrals", "referral"),
            Map.entry("relationships", "relationship"),
            Map.entry("timesheets", "timesheet_entry"),
            Map.entry("notes", "record_note"),
            Map.entry("interactions", "interaction"),
            Map.entry("concerns", "concern"),
            Map.entry("incidents", "incident"),
            Map.entry("pauses", "role_pause"),
            Map.entry("steps", "return_step"),
            Map.entry("break-glass", "break_glass"),
            Map.entry("consent-directives", "consent_directive"),
            Map.entry("programs", "program"),
            Map.entry("notices", "notice"),
            Map.entry("tokens", "api_token"),
            Map.entry("roles", "person_role"),
            Map.entry("reflections", "reflection_invitation"));

    private static final String HUGE = "x".repeat(1024 * 1024);
    private static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAgency agency;

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private JsonNode document;
    private boolean hugeSent;
    private long checksumNanos;
    private String julie;

    /**
     * Operations that take neither a body nor an id: they act on the caller's own sessions, so any
     * request to them does what it says (a body is ignored by design). SessionsIntegrationTests covers
     * them.
     */
    private static final Set<String> NOTHING_TO_FUZZ =
            Set.of("POST /api/v1/me/sessions/end-others", "POST /api/v1/auth/sign-out");

    @Test
    void answersEveryBadInputWithA4xxProblemAndChangesNothing() {
        long started = System.nanoTime();
        Api api = agency.api();
        julie = Demo.personId(jdbc, "Julie Roy");
        Map<String, String> tokens = Map.of("admin", api.demoToken("admin"), "peer", api.demoToken("peer"));
        document = api.get("/v3/api-docs", null).json();
        int operations = 0;
        Map<String, String> before = checksums();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("POST", "PUT", "PATCH").contains(method)
                        || NOTHING_TO_FUZZ.contains(method + " " + path.getKey())) {
                    continue;
                }
                operations++;
                hugeSent = false;
                for (Map.Entry<String, String> role : tokens.entrySet()) {
                    fuzz(api, method, path.getKey(), operation.getValue(), role.getKey(), role.getValue());
                }
                Map<String, String> after = checksums();
                if (!after.equals(before)) {
                    failures.add(method + " " + path.getKey() + " changed " + changed(before, after));
                }
                before = after;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println("API fuzz: " + operations + " operations, answers by status " + statuses + " in " + seconds
                + " s (" + checksumNanos / 1_000_000 + " ms of it in table checksums)");
        assertThat(operations).isGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    private void fuzz(Api api, String method, String template, JsonNode operation, String role, String token) {
        JsonNode requestBody = operation.get("requestBody");
        String query = requiredQuery(operation);
        if (requestBody == null) {
            send(api, method, fill(template, "not-a-uuid") + query, token, "application/json", "", role);
            send(api, method, fill(template, randomId()) + query, token, "application/json", "", role);
            return;
        }
        String path = fill(template, null) + query;
        Map.Entry<String, JsonNode> content =
                requestBody.get("content").properties().iterator().next();
        String contentType = content.getKey();
        if (!contentType.contains("json")) {
            for (String body : List.of("rules: [", "\u0000", "rules:\n  - {id: \u202E}", HUGE, "", DEEP)) {
                send(api, method, path, token, contentType, body, role);
            }
            return;
        }
        JsonNode schema = resolve(content.getValue().get("schema"));
        JsonNode base = plausible(schema, 0);
        String baseText = base.toString();
        List<String> bodies = new ArrayList<>(List.of(
                "{",
                "not json",
                "{'legalName': 'single quotes'}",
                baseText.isEmpty() ? "{}x" : baseText + "}",
                truncated(baseText),
                DEEP,
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        if (!role.equals("admin")) {
            // The other role gets the structural cases only: a property's type is checked while the
            // body is read, before anyone's role is, so the admin's pass covers it for all roles.
            for (String body : bodies) {
                send(api, method, path, token, contentType, body, role);
            }
            return;
        }
        if (base.isObject()) {
            bodies.add("[]");
            bodies.add("\"text\"");
            bodies.add("12");
            ObjectNode object = (ObjectNode) base;
            for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
                for (JsonNode bad : badValues(property.getValue(), role)) {
                    ObjectNode mutated = object.deepCopy();
                    mutated.set(property.getKey(), bad);
                    bodies.add(mutated.toString());
                }
            }
        } else if (base.isArray()) {
            bodies.add("{}");
            ArrayNode withNull = ((ArrayNode) base).deepCopy();
            withNull.addNull();
            bodies.add(withNull.toString());
            JsonNode items = resolve(schema.get("items"));
            for (Map.Entry<String, JsonNode> property : properties(items).entrySet()) {
                for (JsonNode bad : badValues(property.getValue(), role)) {
                    ArrayNode mutated = ((ArrayNode) base).deepCopy();
                    ((ObjectNode) mutated.get(0)).set(property.getKey(), bad);
                    bodies.add(mutated.toString());
                }
            }
        }
        if (requestBody.path("required").asBoolean(false)) {
            // An optional body may be left out, and an empty one is no body at all.
            bodies.add("");
        }
        for (String body : bodies) {
            send(api, method, path, token, contentType, body, role);
        }
    }

    private void send(Api api, String method, String path, String token, String type, String body, String role) {
        Api.Response r = api.send(method, path, token, type, body);
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() < 400 || r.status() >= 500 || !r.contentType().startsWith("application/problem+json")) {
            failures.add(method + " " + path + " as " + role + " with " + abbreviate(body) + " -> " + r.status() + " "
                    + r.contentType() + " " + abbreviate(r.body()));
        }
    }

    /** Wrong values for a property: other types, impossible dates, null in lists, bad characters, 1 MB. */
    private List<JsonNode> badValues(JsonNode propertySchema, String role) {
        JsonNode schema = resolve(propertySchema);
        JsonNodeFactory json = JsonNodeFactory.instance;
        String type = type(schema);
        String format = schema.path("format").asString("");
        List<JsonNode> bad = new ArrayList<>();
        switch (type) {
            case "string" -> {
                bad.add(json.numberNode(12345));
                bad.add(json.booleanNode(true));
                bad.add(json.objectNode().put("x", 1));
                if (format.equals("date")) {
                    bad.add(json.numberNode(20000));
                    bad.add(json.stringNode(""));
                    bad.add(json.stringNode("2025-02-30"));
                    bad.add(json.stringNode("99999-01-01"));
                } else if (format.equals("date-time")) {
                    bad.add(json.numberNode(1_700_000_000L));
                    bad.add(json.stringNode("2025-02-30T10:00:00"));
                    bad.add(json.stringNode("99999-01-01T10:00:00"));
                } else if (format.equals("uuid")) {
                    bad.add(json.stringNode(""));
                    bad.add(json.stringNode("not-a-uuid"));
                } else {
                    bad.add(json.stringNode("before\u0000after"));
                    bad.add(json.stringNode("Ana \u202Egnp.exe"));
                    bad.add(json.stringNode("\u2066isolated\u2069"));
                    bad.add(json.stringNode("\u001b[31mred"));
                    if (role.equals("admin") && !hugeSent) {
                        // One 1 MB string per operation: the parser stops at the first anyway.
                        bad.add(json.stringNode(HUGE));
                        hugeSent = true;
                    }
                }
            }
            case "integer" -> {
                bad.add(json.numberNode(3.7));
                bad.add(json.stringNode("30"));
                bad.add(json.booleanNode(true));
                bad.add(json.stringNode(""));
            }
            case "number" -> {
                bad.add(json.stringNode("1.5"));
                bad.add(json.booleanNode(false));
            }
            case "boolean" -> {
                bad.add(json.numberNode(12345));
                bad.add(json.stringNode("true"));
                bad.add(json.stringNode(""));
            }
            case "array" -> {
                bad.add(json.stringNode("x"));
                bad.add(json.objectNode().put("x", 1));
                ArrayNode withNull = json.arrayNode();
                withNull.add(plausible(resolve(schema.get("items")), 1));
                withNull.addNull();
                bad.add(withNull);
                bad.add(json.arrayNode().addNull());
            }
            default -> {
                bad.add(json.stringNode("x"));
                bad.add(json.numberNode(12));
                bad.add(json.arrayNode());
            }
        }
        return bad;
    }

    /** A body that could be right: real demo ids, today's date, the first code of each list. */
    private JsonNode plausible(@Nullable JsonNode schemaOrRef, int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        JsonNode schema = resolve(schemaOrRef);
        if (schema == null || depth > 4) {
            return json.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String format = schema.path("format").asString("");
        return switch (type(schema)) {
            case "string" ->
                switch (format) {
                    case "uuid" -> json.stringNode(julie);
                    case "date" -> json.stringNode(agency.today().toString());
                    case "date-time" -> json.stringNode(agency.today() + "T10:00:00");
                    default -> json.stringNode("Fuzz");
                };
            case "integer" -> json.numberNode(1);
            case "number" -> json.numberNode(1.5);
            case "boolean" -> json.booleanNode(false);
            case "array" -> json.arrayNode().add(plausible(schema.get("items"), depth + 1));
            default -> {
                ObjectNode object = json.objectNode();
                properties(schema).forEach((name, property) -> object.set(name, plausible(property, depth + 1)));
                yield object;
            }
        };
    }

    private Map<String, JsonNode> properties(@Nullable JsonNode schema) {
        Map<String, JsonNode> properties = new TreeMap<>();
        if (schema != null && schema.has("properties")) {
            schema.get("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        }
        return properties;
    }

    private @Nullable JsonNode resolve(@Nullable JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
        return document.get("components").get("schemas").get(name);
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "";
        }
        return type.isArray() ? type.get(0).asString() : type.asString();
    }

    private static String requiredQuery(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asString("").equals("query")
                    && parameter.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(parameter.get("name").asString())
                        .append("=fuzz");
            }
        }
        return query.toString();
    }

    /** Fills each path parameter with the given value, or with a real id of the table the path names. */
    private String fill(String template, @Nullable String value) {
        Matcher m = Pattern.compile("/([^/{}]+)/\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = value != null ? value : realId(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("/" + m.group(1) + "/" + id));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String realId(String segment) {
        String table = TABLES.get(segment);
        if (table == null) {
            return randomId();
        }
        if (table.equals("person")) {
            return julie;
        }
        return jdbc.sql("select id from " + table + " order by id").query((rs, n) -> rs.getString(1)).list().stream()
                .findFirst()
                .orElseGet(() -> randomId());
    }

    /** An id that names nothing, the same on every run (fixed seed). */
    private String randomId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** One checksum per table (row order left out), or only the row count for the tables above. */
    private Map<String, String> checksums() {
        long started = System.nanoTime();
        try {
            return tableChecksums();
        } finally {
            checksumNanos += System.nanoTime() - started;
        }
    }

    private Map<String, String> tableChecksums() {
        Map<String, String> sums = new TreeMap<>();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        for (String table : tables) {
            String name = table.toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(name)) {
                continue;
            }
            if (COUNTED_ONLY.contains(name)) {
                sums.put(
                        name,
                        "rows "
                                + jdbc.sql("select count(*) from " + table)
                                        .query(Long.class)
                                        .single());
                continue;
            }
            long[] sum = {0, 0};
            jdbc.sql("select * from " + table).query(rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : v)
                            .append('\u0001');
                }
                sum[0] += digest(row.toString());
                sum[1]++;
            });
            sums.put(name, "rows " + sum[1] + " sum " + sum[0]);
        }
        return sums;
    }

    private static long digest(String row) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream()
                .filter(t -> !after.get(t).equals(before.get(t)))
                .toList();
    }

    private static String truncated(String body) {
        return body.length() < 2 ? "{\"" : body.substring(0, body.length() / 2);
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
        return shown.replace("\u0000", "\\u0000").replace("\r", "\\r").replace("\n", "\\n");
    }
}
