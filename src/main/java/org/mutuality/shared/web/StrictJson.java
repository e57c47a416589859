package org.mutuality.shared.web;

import com.fasterxml.jackson.annotation.Nulls;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.mutuality.shared.Text;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as written: no value is coerced into another type, so a mistake in a script is a
 * 400 naming the field instead of a silently different record (ADR 0013). Refused: numbers or
 * text as booleans ({@code "accept":12345}), fractions as whole numbers ({@code 3.7} minutes),
 * numbers as dates or text, text as numbers, an empty string for a date, id, number, boolean or
 * code, null inside a list, and in any text the characters {@link Text} refuses. Limits: a string
 * of at most 100,000 characters and 200 levels of nesting.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** Longer than any text the API takes (the longest, the language check, takes 10,000). */
    static final int MAX_STRING_LENGTH = 100_000;

    /** The deepest body the API takes has 3 levels; Jackson's default of 500 only costs stack. */
    static final int MAX_NESTING_DEPTH = 200;

    @Bean
    JsonFactoryBuilderCustomizer jsonLimits() {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
    }

    @Bean
    JsonMapperBuilderCustomizer strictJsonMapper() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, fail())
                                .setCoercion(CoercionInputShape.Float, fail())
                                .setCoercion(CoercionInputShape.Boolean, fail()))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, fail())
                                .setCoercion(CoercionInputShape.Float, fail())
                                .setCoercion(CoercionInputShape.String, fail())
                                .setCoercion(CoercionInputShape.EmptyString, fail()))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.Float, fail())
                                .setCoercion(CoercionInputShape.String, fail())
                                .setCoercion(CoercionInputShape.EmptyString, fail()))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, fail())
                                .setCoercion(CoercionInputShape.EmptyString, fail()))
                .withCoercionConfig(
                        LogicalType.DateTime,
                        c -> c.setCoercion(CoercionInputShape.Integer, fail())
                                .setCoercion(CoercionInputShape.Float, fail())
                                .setCoercion(CoercionInputShape.EmptyString, fail()))
                .withCoercionConfig(
                        LogicalType.Enum,
                        c -> c.setCoercion(CoercionInputShape.Integer, fail())
                                .setCoercion(CoercionInputShape.EmptyString, fail()))
                .withCoercionConfig(
                        LogicalType.OtherScalar,
                        c -> c.setCoercion(CoercionInputShape.Integer, fail())
                                .setCoercion(CoercionInputShape.EmptyString, fail()))
                .withCoercionConfig(LogicalType.POJO, c -> c.setCoercion(CoercionInputShape.EmptyString, fail()))
                .changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
                .addModule(new SimpleModule("mutuality-text")
                        .addDeserializer(String.class, new CheckedText())
                        .addDeserializer(LocalDate.class, new StrictDate()));
    }

    private static CoercionAction fail() {
        return CoercionAction.Fail;
    }

    /**
     * A date is a date as written, {@code 2025-03-14}: a date and time ({@code 2025-03-14T10:00}) is
     * refused rather than cut to its day.
     */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a date", text, LocalDate.class);
            }
        }
    }

    /** Every JSON string goes through {@link Text}: one check for every field of every body. */
    static final class CheckedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            int refused = Text.firstRefused(value);
            if (refused >= 0) {
                throw InvalidFormatException.from(
                        p,
                        "contains " + Text.codePoint(refused)
                                + ", an invisible control or text-direction character; remove it",
                        "",
                        String.class);
            }
            return value;
        }
    }
}
