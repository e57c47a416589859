package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one email rule: loose on purpose, refused naming the field and never the value. */
class EmailTests {

    @Test
    void trimsAnAddressAndLeavesNoneAsNull() {
        assertThat(Email.optional("email", "  ana@example.org ")).isEqualTo("ana@example.org");
        assertThat(Email.optional("email", "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@example", "ana @example.org", "@example.org", "a@b@example.org"})
    void refusesWhatIsNoAddress(String value) {
        assertThatThrownBy(() -> Email.optional("email", value))
                .isInstanceOf(BadInputException.class)
                .hasMessage("email must look like name@example.org");
    }

    @Test
    void refusesAnAddressOverTheLengthMailServersAccept() {
        assertThatThrownBy(() -> Email.required("email", "a".repeat(250) + "@example.org"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("email must be at most 254 characters, was 262");
    }

    @Test
    void refusesAMissingAddressWhenOneIsRequired() {
        assertThatThrownBy(() -> Email.required("email", null)).isInstanceOf(BadInputException.class);
    }

    @Test
    void hashesATokenAsSha256AndMakesSecretsThatDiffer() {
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.newSecret()).hasSize(43).isNotEqualTo(Tokens.newSecret());
    }
}
