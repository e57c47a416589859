package org.mutuality.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.test.Fuzzed;

/**
 * Peer support's forms and bodies give numbers, dates and times as text ({@link Forms}). Whatever is
 * typed, each field reads as its value (nothing when left blank), and what it read reads again as
 * itself; anything else is refused with {@link BadInputException} naming the field, never another
 * exception. Seeds: values as people type them, and numbers, dates and times just out of range.
 */
class FormFieldsFuzzTests {

    @FuzzTest
    void readsWhatWasTypedOrRefusesIt(byte[] input) {
        String typed = Fuzzed.text(input);
        readsAgainAsItself(typed, value -> Forms.integer(value, "minutes"));
        readsAgainAsItself(typed, value -> Forms.date(value, "occurredOn"));
        readsAgainAsItself(typed, value -> Forms.dateTime(value, "nextMeeting"));
        readsAgainAsItself(typed, value -> Forms.time(value, "startsAt"));
        try {
            assertThat(Forms.schedule(typed, typed, typed)).isNotNull();
        } catch (BadInputException refused) {
            namesTheField(refused);
        }
    }

    private static void readsAgainAsItself(String typed, Function<@Nullable String, @Nullable Object> field) {
        Object read;
        try {
            read = field.apply(typed);
        } catch (BadInputException refused) {
            namesTheField(refused);
            return;
        }
        if (read == null) {
            assertThat(typed).isBlank();
            return;
        }
        assertThat(field.apply(read.toString())).isEqualTo(read);
    }

    private static void namesTheField(BadInputException refused) {
        assertThat(refused.explanation().arguments()).as("names the field").isNotEmpty();
    }
}
