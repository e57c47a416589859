package org.mutuality.directory.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a new password must meet: 12 to 128 characters, not a common password (nor a common
 * password with digits or symbols added), and not containing the user name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list of common passwords shipped with Mutuality. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message keys of every rule the password breaks; empty when it is acceptable. Keys are
     * {@code password.tooShort}, {@code password.tooLong}, {@code password.common} and
     * {@code password.containsUsername}.
     */
    public List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            problems.add("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String base = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (common.contains(lower)
                || common.contains(base)
                || common.contains(lower.replaceAll("[^\\p{L}\\p{N}]", ""))
                || lower.chars().distinct().count() <= 2) {
            problems.add("password.common");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.containsUsername");
        }
        return problems;
    }
}
