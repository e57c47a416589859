package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Role;

/** English and French stay in step, and every message a template asks for exists. */
class MessagesTests {

    private final Properties english = load("/messages.properties");
    private final Properties french = load("/messages_fr.properties");

    @Test
    void keepsEnglishAndFrenchInStep() {
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        english.stringPropertyNames()
                .forEach(key -> assertThat(french.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void definesEveryMessageTheTemplatesUse() throws IOException {
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(english.stringPropertyNames()).containsAll(used);
        for (Role role : Role.values()) {
            assertThat(english.stringPropertyNames()).contains("role." + role.name());
        }
    }

    @Test
    void saysParticipantNeverClient() {
        Stream.concat(english.values().stream(), french.values().stream())
                .map(String::valueOf)
                .forEach(text ->
                        assertThat(text.toLowerCase()).doesNotContain("client").doesNotContain("patient"));
    }

    private static Properties load(String resource) {
        try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
