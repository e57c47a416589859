package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class OpenApiIntegrationTests {

    private static final String SCHEMAS = "#/components/schemas/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestAgency agency;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void documentsEveryModulesApiWithBearerTokens() {
        Api.Response document = agency.api().get("/v3/api-docs", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("info").get("title").asString()).isEqualTo("Mutuality API");
        assertThat(document.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/auth/token",
                        "/api/v1/people",
                        "/api/v1/relationships",
                        "/api/v1/conflicts/check",
                        "/api/v1/timesheets",
                        "/api/v1/people/{id}/notes",
                        "/api/v1/audit/verify",
                        "/api/v1/me/access-log");
        assertThat(document.body()).contains("\"scheme\":\"bearer\"");
    }

    @Test
    void describesADocumentAnOpenApiParserReadsWithoutAMessage() {
        SwaggerParseResult parsed = parse();

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void describesNotesWrittenWithTheirKindDateAndText() {
        OpenAPI document = parse().getOpenAPI();
        Schema<?> body = resolve(
                document,
                json(document.getPaths()
                        .get("/api/v1/people/{id}/notes")
                        .getPost()
                        .getRequestBody()
                        .getContent()));

        assertThat(body).isNotNull();
        assertThat(body.getProperties()).containsOnlyKeys("kind", "date", "text");
    }

    /**
     * For every documented operation, the request body and the 200/201 response are described by
     * the records of the handler that serves it: the same property names, down through every record
     * they hold. Two records sharing a simple name once made one operation borrow another's body.
     */
    @Test
    void describesEveryOperationWithTheRecordsThatServeIt() {
        OpenAPI document = parse().getOpenAPI();
        Map<String, HandlerMethod> served = servedOperations();
        List<String> wrong = new ArrayList<>();
        int records = 0;

        for (var path : document.getPaths().entrySet()) {
            for (var method : path.getValue().readOperationsMap().entrySet()) {
                String operation = method.getKey() + " " + path.getKey();
                HandlerMethod handler = served.get(operation);
                if (handler == null) {
                    wrong.add(operation + ": documented, but no handler serves it");
                    continue;
                }
                Operation described = method.getValue();
                Optional<MethodParameter> body = Arrays.stream(handler.getMethodParameters())
                        .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                        .findFirst();
                if (body.isPresent()) {
                    Content content = described.getRequestBody() == null
                            ? null
                            : described.getRequestBody().getContent();
                    records += compare(
                            document,
                            operation + " request",
                            body.get().getGenericParameterType(),
                            json(content),
                            wrong,
                            new HashSet<>());
                }
                ApiResponse ok = Optional.ofNullable(described.getResponses().get("200"))
                        .orElse(described.getResponses().get("201"));
                Type returned = handler.getReturnType().getGenericParameterType();
                if (ok != null) {
                    records += compare(
                            document, operation + " response", returned, json(ok.getContent()), wrong, new HashSet<>());
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(records).as("records compared").isGreaterThan(100);
    }

    /**
     * docs/api/openapi.json, from which the test build generates the Java client that {@code
     * GeneratedClientIntegrationTests} drives, is the document the application serves. When it is
     * not, the served one is written to target/openapi.json to be copied over it.
     */
    @Test
    void keepsDocsApiOpenapiJsonTheDocumentServed() throws IOException {
        Api.Response served = agency.api().get("/v3/api-docs", null);
        ObjectNode live = (ObjectNode) served.json();
        live.remove("servers");
        Path committed = Path.of("docs/api/openapi.json");

        if (!Files.exists(committed)
                || !JSON.readTree(Files.readString(committed)).equals(live)) {
            Path fresh = Path.of("target/openapi.json");
            Files.writeString(fresh, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
            throw new AssertionError(committed + " is not the document served: copy " + fresh + " over it");
        }
    }

    private SwaggerParseResult parse() {
        Api.Response document = agency.api().get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIParser().readContents(document.body(), null, options);
    }

    /** Each operation ({@code "POST /api/v1/people/{id}/notes"}) and the handler method serving it. */
    private Map<String, HandlerMethod> servedOperations() {
        Map<String, HandlerMethod> served = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                handlers.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                // springdoc documents /x/{id:[0-9]+} as /x/{id}
                String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                Collection<RequestMethod> each = methods.isEmpty() ? Arrays.asList(RequestMethod.values()) : methods;
                for (RequestMethod method : each) {
                    served.putIfAbsent(method.name() + " " + path, mapping.getValue());
                }
            }
        }
        return served;
    }

    /**
     * Compares what the Java type sends with what the document says, adding each difference to
     * {@code wrong}; returns how many records it compared.
     */
    private int compare(
            OpenAPI document,
            String where,
            Type java,
            @Nullable Schema<?> documented,
            List<String> wrong,
            Set<String> compared) {
        Class<?> raw = raw(java);
        if (HttpEntity.class.isAssignableFrom(raw) || Optional.class.equals(raw)) {
            return compare(document, where, argument(java), documented, wrong, compared);
        }
        if (Collection.class.isAssignableFrom(raw) || Page.class.equals(raw)) {
            Schema<?> list = resolve(document, documented);
            if (list == null || list.getItems() == null) {
                wrong.add(where + ": " + java.getTypeName() + " is not documented as an array");
                return 0;
            }
            return compare(document, where + "[]", argument(java), list.getItems(), wrong, compared);
        }
        if (!raw.isRecord()) {
            return 0;
        }
        Schema<?> schema = resolve(document, documented);
        String name = documented == null ? null : referenced(documented);
        if (schema == null) {
            wrong.add(where + ": " + raw.getName() + " is not documented");
            return 0;
        }
        if (!compared.add(raw.getName() + " " + name)) {
            return 0;
        }
        Set<String> components = Arrays.stream(raw.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>(
                schema.getProperties() == null
                        ? Set.of()
                        : schema.getProperties().keySet());
        if (!components.equals(properties)) {
            wrong.add(
                    where + ": " + raw.getName() + " has " + components + " but schema " + name + " has " + properties);
            return 1;
        }
        int records = 1;
        for (RecordComponent component : raw.getRecordComponents()) {
            records += compare(
                    document,
                    where + "." + component.getName(),
                    component.getGenericType(),
                    schema.getProperties().get(component.getName()),
                    wrong,
                    compared);
        }
        return records;
    }

    /** The schema a JSON body is described with: application/json if named, else the only one. */
    private static @Nullable Schema<?> json(@Nullable Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType json = content.get("application/json");
        return json != null
                ? json.getSchema()
                : content.values().iterator().next().getSchema();
    }

    /** The component a schema refers to, directly or as the one reference of a oneOf/anyOf/allOf. */
    private static @Nullable Schema<?> resolve(OpenAPI document, @Nullable Schema<?> schema) {
        String name = schema == null ? null : referenced(schema);
        return name == null ? schema : document.getComponents().getSchemas().get(name);
    }

    private static @Nullable String referenced(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return schema.get$ref().substring(SCHEMAS.length());
        }
        return Stream.of(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())
                .filter(members -> members != null)
                .flatMap(List::stream)
                .map(Schema::get$ref)
                .filter(reference -> reference != null)
                .map(reference -> reference.substring(SCHEMAS.length()))
                .findFirst()
                .orElse(null);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return type instanceof Class<?> plain ? plain : Object.class;
    }

    private static Type argument(Type type) {
        return type instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[0]
                : Object.class;
    }
}
