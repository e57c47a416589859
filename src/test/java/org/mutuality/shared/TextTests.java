package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTests {

    @ParameterizedTest(name = "U+{0} in text: refused {1}, in a name: refused {2}")
    @CsvSource({
        "0000, true, true",
        "0009, false, true",
        "000A, false, true",
        "000D, false, true",
        "001B, true, true",
        "007F, true, true",
        "0085, true, true",
        "200E, false, false",
        "200F, false, false",
        "202A, true, true",
        "202E, true, true",
        "2066, true, true",
        "2069, true, true",
        "00E9, false, false",
        "2028, false, true"
    })
    void refusesControlAndTextDirectionCharacters(String hex, boolean inText, boolean inName) {
        String value = "Ana" + (char) Integer.parseInt(hex, 16) + "Morgan";

        assertThat(Text.firstRefused(value) >= 0).isEqualTo(inText);
        assertThat(Text.firstRefusedInLine(value) >= 0).isEqualTo(inName);
    }

    @Test
    void namesTheFieldAndCodePointButNotTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Text.checkedLine("legalName", "secret \u202Egnp.exe"))
                .withMessageContaining("legalName")
                .withMessageContaining("U+202E")
                .withMessageNotContaining("secret");
    }

    enum Colour {
        RED,
        DEEP_BLUE
    }

    @Test
    void aChoiceIsANameInAnyCase() {
        assertThat(Text.choice("colour", " deep_blue ", Colour.class)).isEqualTo(Colour.DEEP_BLUE);
        assertThat(Text.choices("colours", java.util.Arrays.asList("red", null, " ", "RED"), Colour.class))
                .containsExactly(Colour.RED);
        assertThat(Text.choices("colours", null, Colour.class)).isEmpty();
    }

    @Test
    void aWrongChoiceNamesTheFieldAndTheChoicesButNotTheValue() {
        assertThatThrownBy(() -> Text.choice("colour", "my secret", Colour.class))
                .isInstanceOf(BadInputException.class)
                .hasMessage("colour must be one of [RED, DEEP_BLUE]")
                .hasMessageNotContaining("secret");
    }

    @Test
    void languagesAreIsoCodesSeparatedByCommasOrBlanks() {
        assertThat(Text.languages("languages", java.util.List.of("EN, fr", " es  qu", "")))
                .containsExactly("en", "fr", "es", "qu");
        assertThatThrownBy(() -> Text.languages("languages", java.util.List.of("en, français")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("languages must be ISO 639 language codes such as en, fr or es");
        assertThatThrownBy(() -> Text.languages("languages", java.util.List.of("aa ab ac ad ae af ag ah ai aj ak")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("languages: at most 10 languages, was 11");
    }
}
