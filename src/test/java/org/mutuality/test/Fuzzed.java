package org.mutuality.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;

/**
 * What the fuzz tests ({@code *FuzzTests}, Jazzer) share: a fuzzer's bytes read as the text a client
 * sends, and the contract of every parser of a value a client sends back to us (a page cursor).
 * Seeds are plain files under {@code src/test/resources/<package>/<Class>Inputs/<method>/}: bytes,
 * so that a seed reads as the text it stands for.
 */
public final class Fuzzed {

    private Fuzzed() {}

    /**
     * The bytes as text, decoded the way a server decodes a URL or a body (UTF-8, a malformed byte
     * read as U+FFFD): the parser never sees a lone surrogate, and neither would it in production.
     */
    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Checks a parser of something we wrote into a link and a client sends back: whatever the text,
     * it returns nothing (blank text), a value, or refuses with {@link BadInputException} (any other
     * exception fails the fuzz test); and a value it accepted reads back as itself from the text we
     * would write for it, so a page's link always leads to the next page.
     *
     * @param write the text we put in a link for a value
     */
    public static <T> void readsBackOrRefuses(
            byte[] input, Function<@Nullable String, @Nullable T> parse, Function<T, String> write) {
        String text = text(input);
        T read;
        try {
            read = parse.apply(text);
        } catch (BadInputException refused) {
            return;
        }
        if (read == null) {
            assertThat(text).isBlank();
            return;
        }
        assertThat(parse.apply(write.apply(read))).isEqualTo(read);
    }
}
