package org.mutuality.shared.web;

import io.swagger.v3.core.jackson.TypeNameResolver;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names each schema of the OpenAPI document after its class, below {@code org.mutuality}:
 * {@code records.web.NotesApi.NoteBody} for the record {@code NoteBody} in {@code
 * org.mutuality.records.web.NotesApi}. swagger-core names a schema by the class's simple name alone,
 * so the {@code NoteBody} records of several controllers became one schema and operations were
 * documented with another controller's body (ADR 0036).
 *
 * <p>Every Mutuality class is qualified, not only those that share a simple name today, so that a
 * name never changes because a record is added elsewhere, and two classes never share one (Java
 * names each class once). A class outside Mutuality keeps swagger's name, and so does a class that
 * names its schema with {@code @Schema(name = ...)}; should two classes still claim one name, the
 * second is refused with a message naming both (springdoc logs it and leaves that schema out, which
 * {@code OpenApiIntegrationTests} reports) rather than described as the first.
 */
final class ModuleSchemaNames extends TypeNameResolver {

    private static final String ROOT = "org.mutuality.";

    /** Which class took each name; class names, not classes, so that a reloaded class is the same one. */
    private final Map<String, String> classes = new ConcurrentHashMap<>();

    @Override
    protected String nameForClass(Class<?> type, Set<Options> options) {
        String name = super.nameForClass(type, options);
        String qualified = named(type) ? name : qualify(type, name);
        String taken = classes.putIfAbsent(qualified, type.getName());
        if (taken != null && !taken.equals(type.getName())) {
            throw new IllegalStateException("schema name " + qualified + " is taken by " + taken + ", so "
                    + type.getName() + " cannot have it: rename one, or name it with @Schema(name = ...)");
        }
        return qualified;
    }

    private static boolean named(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isBlank();
    }

    /** {@code records.web.NotesApi.NoteBody} for a class of Mutuality, else {@code name} unchanged. */
    static String qualify(Class<?> type, String name) {
        String binary = type.getName();
        return binary.startsWith(ROOT) ? binary.substring(ROOT.length()).replace('$', '.') : name;
    }
}
