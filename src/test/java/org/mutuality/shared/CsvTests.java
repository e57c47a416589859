package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "plain|plain",
                "=SUM(A1)|'=SUM(A1)",
                "+1|'+1",
                "a,b|\"a,b\"",
                "say \"hi\"|\"say \"\"hi\"\"\"",
                "@cmd|'@cmd"
            })
    void quotesCellsAndDefusesFormulas(String value, String expected) {
        assertThat(Csv.cell(value)).isEqualTo(expected);
    }
}
