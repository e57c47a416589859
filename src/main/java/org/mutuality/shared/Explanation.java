package org.mutuality.shared;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What Mutuality says to a person when it refuses something: a key of {@code messages.properties}
 * and its arguments, so that a page or an API answer reads in the reader's language. The English
 * text is the exception's message, for logs and tests.
 *
 * <p>An argument that is itself a {@link MessageSourceResolvable} (a {@link #field field name} or a
 * state, see {@link #term}) is translated too.
 *
 * @param key a key of both {@code messages.properties} bundles ({@code MessageKeysTests} checks the
 *     keys product code throws)
 * @param arguments values for {@code {0}}, {@code {1}}, ... in the message
 */
public record Explanation(String key, @Nullable Object[] arguments) implements MessageSourceResolvable {

    private static final ResourceBundleMessageSource ENGLISH = englishBundle();

    public Explanation {
        arguments = arguments.clone();
    }

    public static Explanation of(String key, @Nullable Object... arguments) {
        return new Explanation(key, arguments == null ? new Object[0] : arguments);
    }

    /** A field of a form or body by its API name, shown as {@code field.<name>} says, or as the name. */
    public static MessageSourceResolvable field(String name) {
        return new DefaultMessageSourceResolvable(new String[] {"field." + name}, name);
    }

    /** A word of the product (a state, a kind) by its key, shown in the reader's language. */
    public static MessageSourceResolvable term(String key, String english) {
        return new DefaultMessageSourceResolvable(new String[] {key}, english);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    /** The English text: what the message reads as when no bundle has the key. */
    @Override
    public String getDefaultMessage() {
        return english();
    }

    /** The message in English, as the default bundle has it. */
    public String english() {
        String text = ENGLISH.getMessage(key, arguments, null, Locale.ENGLISH);
        return text == null ? key : text;
    }

    /** Whether the English bundle has this key (a text still written in code has none). */
    public boolean keyed() {
        return ENGLISH.getMessage(key, null, null, Locale.ENGLISH) != null;
    }

    @Override
    public String toString() {
        return key + Arrays.toString(arguments);
    }

    private static ResourceBundleMessageSource englishBundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }
}
