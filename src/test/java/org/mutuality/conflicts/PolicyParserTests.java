package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.conflicts.policy.InvalidPolicy;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.directory.Role;
import org.springframework.context.support.ResourceBundleMessageSource;

class PolicyParserTests {

    @Test
    void readsTheDefaultPolicy() {
        Policy policy = PolicyParser.parse(Policies.defaultText());

        assertThat(policy.rules()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(policy.roleRules()).extracting(r -> r.id()).contains("peers-and-involuntary-care");
        assertThat(policy.eligibleFor(Action.APPROVE_TIMESHEET)).contains(Role.SUPERVISOR, Role.MANAGER);
        assertThat(policy.rules().get(0).explanation().in(java.util.Locale.FRENCH))
                .contains("relation de soins");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "rules: [ {id: a, actions: [SUPERVISE], kinds: [TREATS], decision: MAYBE, explanation: x} ]|1|unknown value 'MAYBE'",
                "rules:\\n  - id: a\\n    actions: [FLY]\\n    kinds: [TREATS]\\n    decision: BLOCK\\n    explanation: x|3|unknown value 'FLY'",
                "rules:\\n  - id: a\\n    actions: [SUPERVISE]\\n    kinds: [COUSIN]\\n    decision: BLOCK\\n    explanation: x|4|unknown value 'COUSIN'",
                "rules:\\n  - id: a\\n    actions: [SUPERVISE]\\n    kinds: [TREATS]\\n    explanation: x|2|'decision' is required",
                "rules:\\n  - id: a\\n    actions: [SUPERVISE]\\n    kinds: [TREATS]\\n    decision: BLOCK\\n    explanation: x\\n    colour: red|7|unknown key 'colour'",
                "rules:\\n  - id: a\\n    actions: [SUPERVISE]\\n    kinds: [TREATS]\\n    decision: BLOCK\\n    explanation: x\\n  - id: a\\n    actions: [SUPERVISE]\\n    kinds: [TREATS]\\n    decision: BLOCK\\n    explanation: y|7|two rules have the id 'a'",
                "rules:\\n  - id: a\\n    actions: [SUPERVISE\\n|4|not valid YAML",
                "policy: {}|1|unknown key 'policy'",
                "\\n|1|the policy is empty",
                "rules: []\\nmayAct:\\n  SUPERVISE: [WIZARD]|3|unknown value 'WIZARD'"
            })
    void refusesAnInvalidPolicyNamingTheLine(String text, int line, String message) {
        String yaml = text.replace("\\n", "\n");

        assertThatThrownBy(() -> PolicyParser.parse(yaml))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidPolicy) e).line()).isEqualTo(line));
    }

    @Test
    void explainsTheProblemInTheReadersLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        String yaml =
                "rules:\n  - id: care\n    actions: [FLY]\n    kinds: [TREATS]\n    decision: BLOCK\n    explanation: x";

        assertThatThrownBy(() -> PolicyParser.parse(yaml))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessageStartingWith("line 3, rule 'care': unknown value 'FLY' (one of [APPROVE_TIMESHEET,")
                .satisfies(e -> assertThat(messages.getMessage((InvalidPolicy) e, Locale.FRENCH))
                        .startsWith("ligne 3, règle « care » : valeur inconnue « FLY » (valeurs possibles :"));
    }

    @Test
    void namesTheRuleWhereTheProblemIs() {
        String yaml =
                "rules:\n  - id: care\n    actions: [SUPERVISE]\n    kinds: []\n    decision: BLOCK\n    explanation: x";

        assertThatThrownBy(() -> PolicyParser.parse(yaml))
                .isInstanceOf(InvalidPolicy.class)
                .satisfies(e -> assertThat(((InvalidPolicy) e).rule()).isEqualTo("care"));
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            yaml.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }
        assertThatThrownBy(() -> PolicyParser.parse(yaml.toString())).isInstanceOf(InvalidPolicy.class);
    }

    /** Found by PolicyParserFuzzTests: a translation left blank was kept, and the rule read as "". */
    @Test
    void refusesATranslationLeftBlank() {
        String yaml = "rules:\n  - id: a\n    actions: [SUPERVISE]\n    kinds: [TREATS]\n    decision: BLOCK\n"
                + "    explanation:\n      en: Care comes first.\n      fr: \"   \"\n";

        assertThatThrownBy(() -> PolicyParser.parse(yaml))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessage("line 8, rule 'a': the text is empty");
        // A policy saved before such a translation was refused still applies; French readers get
        // the English words.
        assertThat(PolicyParser.parseStored(yaml).rules().get(0).explanation().in(java.util.Locale.FRENCH))
                .isEqualTo("Care comes first.");
    }

    /**
     * Found by PolicyParserFuzzTests: YAML also ends a line at a lone carriage return and at U+0085,
     * U+2028 and U+2029, so the line named was past the end of the text in the editor, which ends
     * lines at line feeds only.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lineBreaks")
    void namesTheLineAsTheEditorNumbersIt(String breaks, String yaml, int line) {
        assertThatThrownBy(() -> PolicyParser.parse(yaml))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessageContaining("unknown value 'MAYBE'")
                .satisfies(e -> assertThat(((InvalidPolicy) e).line()).isEqualTo(line));
    }

    static Stream<Arguments> lineBreaks() {
        String rule = "rules:\n  - id: a\n    actions: [SUPERVISE]\n    kinds: [TREATS]\n    explanation: %s\n"
                + "    decision: MAYBE\n";
        return Stream.of(
                arguments("lone carriage returns", String.format(rule, "x").replace("\n", "\r"), 1),
                arguments(
                        "carriage returns and line feeds",
                        String.format(rule, "x").replace("\n", "\r\n"),
                        6),
                arguments("line and paragraph separators", String.format(rule, "\"one\u2028two\u2029three\""), 6),
                arguments("next line", String.format(rule, "\"one\u0085two\""), 6));
    }
}
