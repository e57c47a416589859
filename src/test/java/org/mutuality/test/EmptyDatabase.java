package org.mutuality.test;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test class's own, with no agency in it (not even the demo's), for what happens
 * before anyone has set Mutuality up: a schema of its own on PostgreSQL, an in-memory H2 otherwise.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void emptyDatabase(DynamicPropertyRegistry registry) {
 *     EmptyDatabase.use(registry, "first_admin");
 * }
 * }</pre>
 */
public final class EmptyDatabase {

    private EmptyDatabase() {}

    /** Points the application at a new empty database named from the prefix, and loads no demo. */
    public static void use(DynamicPropertyRegistry registry, String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql")) {
            registry.add(
                    "spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            registry.add("spring.flyway.schemas", () -> schema);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
        }
        registry.add("mutuality.demo.enabled", () -> "false");
    }
}
