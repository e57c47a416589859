package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.account.PasswordPolicy;

class PasswordPolicyTests {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @ParameterizedTest
    @CsvSource({
        "short1!, password.tooShort",
        "password1234, password.common",
        "Password1234!, password.common",
        "qwertyuiop123, password.common",
        "123456789012, password.common",
        "aaaaaaaaaaaaaaa, password.common",
        "jordan-lee-secret-7, password.containsUsername"
    })
    void refusesWeakPasswordsWithTheReason(String password, String reason) {
        assertThat(policy.problems(password, "jordan-lee")).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Quiet-river-stones-77", "mutuality-demo", "Trois petits chats!"})
    void acceptsLongUncommonPasswords(String password) {
        assertThat(policy.problems(password, "someone")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 500})
    void refusesOverlongPasswords(int length) {
        assertThat(policy.problems("x1-".repeat(length), "someone")).contains("password.tooLong");
    }
}
