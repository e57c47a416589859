package org.mutuality.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Phone numbers in crisis resources become numbers to dial; other numbers stay text. */
class CrisisLinesTests {

    @Test
    void makesEachPhoneNumberAPartToDial() {
        List<List<CrisisLines.Part>> lines = CrisisLines.of("If you are in danger, call 911 now.\n"
                + "Suicide Crisis Helpline: call or text 9-8-8, any time.\n"
                + "Kids Help Phone (up to age 29): call 1-800-668-6868 or text CONNECT to 686868.");

        assertThat(lines).hasSize(3);
        assertThat(dialled(lines.get(0))).containsExactly("911");
        assertThat(dialled(lines.get(1))).containsExactly("988");
        assertThat(dialled(lines.get(2))).containsExactly("18006686868", "686868");
        assertThat(String.join(
                        "", lines.get(2).stream().map(CrisisLines.Part::text).toList()))
                .isEqualTo("Kids Help Phone (up to age 29): call 1-800-668-6868 or text CONNECT to 686868.");
    }

    @Test
    void opensMessagesForANumberToTextAndTheDiallerForOneToCall() {
        List<List<CrisisLines.Part>> lines =
                CrisisLines.of("Kids Help Phone: call 1-800-668-6868 or text CONNECT to 686868.\n"
                        + "Ligne d'aide : appelez ou textez le 9-8-8.\n"
                        + "Jeunesse, J'écoute : textez PARLER au 686868.");

        assertThat(lines.get(0).stream().filter(p -> p.tel() != null).map(CrisisLines.Part::sms))
                .containsExactly(false, true);
        assertThat(lines.get(1).stream().filter(p -> p.tel() != null).map(CrisisLines.Part::sms))
                .containsExactly(false);
        assertThat(lines.get(2).stream().filter(p -> p.tel() != null).map(CrisisLines.Part::sms))
                .containsExactly(true);
    }

    @Test
    void leavesYearsStreetNumbersAndTimesAsText() {
        List<List<CrisisLines.Part>> lines = CrisisLines.of("Since 2019, at 4500 Main Street, open 9:00 to 17:00.");

        assertThat(dialled(lines.get(0))).isEmpty();
    }

    @Test
    void readsNothingFromNothing() {
        assertThat(CrisisLines.of(null)).isEmpty();
        assertThat(CrisisLines.of("\n \n")).isEmpty();
    }

    private static List<String> dialled(List<CrisisLines.Part> line) {
        return line.stream().map(CrisisLines.Part::tel).filter(t -> t != null).toList();
    }
}
