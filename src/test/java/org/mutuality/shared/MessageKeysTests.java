package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Refusals speak the reader's language (issue 14): product code throws {@link BadInputException},
 * {@link ConflictException} and {@link ForbiddenException} with a key of both bundles, never an
 * English sentence or an {@link IllegalArgumentException}, and no page or API class hands an
 * exception's English message to the reader.
 */
class MessageKeysTests {

    /** Modules whose refusals are still English sentences. This list only shrinks. */
    static final Set<String> STILL_IN_ENGLISH = Set.of();

    private static final Path MAIN = Path.of("src/main/java/org/mutuality");
    private static final Pattern EXPLAINED = Pattern.compile(
            "(new (?:BadInput|Conflict|Forbidden|NotFound)Exception|NotFoundException\\.hiding)\\(\\s*\"([^\"]*)\"");
    private static final Pattern ILLEGAL_ARGUMENT = Pattern.compile("new IllegalArgumentException\\(");
    private static final Pattern ENGLISH_TO_READER = Pattern.compile("\\.getMessage\\(\\)|\"problemText\"");

    private final Properties english = load("/messages.properties");
    private final Properties french = load("/messages_fr.properties");

    @Test
    void refusalsAreKeysOfBothBundles() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher m = EXPLAINED.matcher(source);
            while (m.find()) {
                String key = m.group(2);
                boolean keyed = english.containsKey(key) && french.containsKey(key);
                if (!keyed && !stillInEnglish(file)) {
                    problems.add(where(file, source, m.start()) + " throws \"" + key + "\", not a key of both bundles");
                }
            }
            Matcher iae = ILLEGAL_ARGUMENT.matcher(source);
            while (iae.find()) {
                if (!stillInEnglish(file)) {
                    problems.add(where(file, source, iae.start()) + " throws IllegalArgumentException; throw"
                            + " BadInputException with a key");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noPageOrApiShowsAnExceptionsEnglishMessage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!file.toString().contains("/web/") || stillInEnglish(file)) {
                continue;
            }
            String source = Files.readString(file);
            Matcher m = ENGLISH_TO_READER.matcher(source);
            while (m.find()) {
                problems.add(where(file, source, m.start()) + " shows " + m.group() + "; use shared.web.Pages");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void listsOnlyModulesThatStillNeedIt() throws IOException {
        for (String module : STILL_IN_ENGLISH) {
            boolean english = false;
            for (Path file : javaFiles()) {
                if (MAIN.relativize(file).getName(0).toString().equals(module)) {
                    String source = Files.readString(file);
                    Matcher m = EXPLAINED.matcher(source);
                    while (m.find()) {
                        english |= !this.english.containsKey(m.group(2));
                    }
                    english |= ILLEGAL_ARGUMENT.matcher(source).find()
                            || (file.toString().contains("/web/")
                                    && ENGLISH_TO_READER.matcher(source).find());
                }
            }
            assertThat(english)
                    .as(module + " throws only keys now: remove it from STILL_IN_ENGLISH")
                    .isTrue();
        }
    }

    /**
     * The privacy lead's audit log reads each stored code in words: every kind of record, purpose
     * and basis a module writes as a literal into an audit event has words in both languages.
     */
    @Test
    void everyCodeAnAuditEventRecordsHasWordsInBothLanguages() throws IOException {
        Pattern about = Pattern.compile("\\.about\\(([^;]*?)\\)\\s*[.;)]", Pattern.DOTALL);
        Pattern because = Pattern.compile("\\.because\\(\\s*\"([A-Z_]+)\"\\s*,\\s*(?:\"([A-Z_]+)\"(?!\\s*\\+))?");
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]+)\"");
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher a = about.matcher(source);
            while (a.find()) {
                Matcher l = literal.matcher(a.group(1));
                while (l.find()) {
                    requireWords("audit.kind." + l.group(1), missing);
                }
            }
            Matcher b = because.matcher(source);
            while (b.find()) {
                requireWords("audit.purpose." + b.group(1), missing);
                if (b.group(2) != null) {
                    requireWords("audit.basis." + b.group(2), missing);
                }
            }
        }
        // Timesheets write the approver's basis with the decision: "APPROVER_" + ALLOW, WARN, ...
        for (String decision : List.of("ALLOW", "WARN", "CONSULT", "BLOCK")) {
            requireWords("audit.basis.APPROVER_" + decision, missing);
        }
        for (String family : List.of("audit.kind", "audit.purpose", "audit.basis", "audit.outcome")) {
            requireWords(family + ".other", missing);
        }
        assertThat(missing).isEmpty();
    }

    private void requireWords(String key, List<String> missing) {
        if (!english.containsKey(key) || !french.containsKey(key)) {
            missing.add(key);
        }
    }

    private static boolean stillInEnglish(Path file) {
        // Pages and ApiProblems are where messages are resolved: they read getMessage() of what the
        // platform throws, to keep it from the reader.
        if (file.endsWith("shared/web/Pages.java") || file.endsWith("shared/web/ApiProblems.java")) {
            return true;
        }
        return STILL_IN_ENGLISH.contains(MAIN.relativize(file).getName(0).toString());
    }

    private static String where(Path file, String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return MAIN.relativize(file) + ":" + line;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageKeysTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
