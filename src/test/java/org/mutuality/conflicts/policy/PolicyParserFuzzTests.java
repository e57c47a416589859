package org.mutuality.conflicts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mutuality.test.Fuzzed;

/**
 * An agency's administrator writes the conflict policy in a form or sends it to the API, and {@link
 * PolicyParser} reads it without Spring. Whatever the text, it is read as a policy whose every rule
 * says why in words, or refused as {@link InvalidPolicy} naming a line the editor shows; never
 * another exception. Seeds: the default policy, its rule shapes, and YAML that has broken parsers
 * (aliases, tags, deep nesting, odd line breaks).
 */
class PolicyParserFuzzTests {

    @FuzzTest
    void readsAPolicyOrNamesTheLineThatIsWrong(byte[] input) {
        String text = Fuzzed.text(input);
        Policy policy;
        try {
            policy = PolicyParser.parse(text);
        } catch (InvalidPolicy refused) {
            // the editor highlights this line: it must be one of the text's lines as the editor counts them
            assertThat(refused.line()).isBetween(1, editorLines(text));
            return;
        }
        assertThat(wordsOf(policy)).allSatisfy(PolicyParserFuzzTests::readsInEveryLanguage);
    }

    /** Lines as the policy editor and {@link PolicyDiff} number them: a line ends at a line feed. */
    private static int editorLines(String text) {
        return text.replace("\r\n", "\n").split("\n", -1).length;
    }

    /** Every text a person is shown when a rule applies: its explanation and its safeguards. */
    private static List<Text> wordsOf(Policy policy) {
        Stream<Text> rules = policy.rules().stream()
                .flatMap(r -> Stream.concat(Stream.of(r.explanation()), r.safeguards().stream()));
        Stream<Text> roleRules = policy.roleRules().stream()
                .flatMap(r -> Stream.concat(Stream.of(r.explanation()), r.safeguards().stream()));
        return Stream.concat(rules, roleRules).toList();
    }

    private static void readsInEveryLanguage(Text words) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN)) {
            assertThat(words.in(locale)).as("a rule's words in %s", locale).isNotBlank();
        }
    }
}
