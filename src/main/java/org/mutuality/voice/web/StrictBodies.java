package org.mutuality.voice.web;

import org.mutuality.shared.BadInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the voice API's bodies with the application's strict JSON rules (ADR 0013) and, on top of
 * them, refuses a field the body does not have: a participant's plan is theirs word for word, so a
 * misspelt {@code "whoHelp"} must be a 400 naming it, not a step saved without who helps. The
 * application's mapper ignores unknown fields, which other APIs rely on; this reader is the voice
 * module's alone.
 */
@Component
class StrictBodies {

    private final JsonMapper mapper;

    StrictBodies(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The body as a {@code type}.
     *
     * @throws BadInputException naming an unknown field, or saying the body is not such a JSON object
     */
    <T> T read(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException("voice.unknownField", e.getPropertyName());
        } catch (JacksonException e) {
            throw new BadInputException("voice.unreadableBody");
        }
    }
}
