package org.mutuality.practice.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.practice.NavigatorAnswers;
import org.mutuality.practice.NavigatorAnswers.Answer;
import org.mutuality.shared.Text;

/**
 * The navigator's answers as a form or a JSON body sends them: words, read here into {@link
 * NavigatorAnswers}. A missing or unknown answer is refused with its field and the choices.
 */
record NavigatorForm(
        @Nullable String situation,
        @Nullable String objectivity,
        @Nullable String exploitation,
        @Nullable String harm,
        @Nullable String power,
        @Nullable String duration,
        @Nullable String ending,
        @Nullable String beneficiary,
        @Nullable String avoidable,
        @Nullable String consultation,
        @Nullable String documented,
        @Nullable List<String> areas) {

    /** @throws org.mutuality.shared.BadInputException naming the first answer missing or unknown */
    NavigatorAnswers answers() {
        return new NavigatorAnswers(
                situation,
                Text.choice("objectivity", objectivity, Answer.class),
                Text.choice("exploitation", exploitation, Answer.class),
                Text.choice("harm", harm, Answer.class),
                Text.choice("power", power, NavigatorAnswers.Power.class),
                Text.choice("duration", duration, NavigatorAnswers.Duration.class),
                Text.choice("ending", ending, NavigatorAnswers.Ending.class),
                Text.choice("beneficiary", beneficiary, NavigatorAnswers.Beneficiary.class),
                Text.choice("avoidable", avoidable, Answer.class),
                Text.choice("consultation", consultation, Answer.class),
                Text.choice("documented", documented, Answer.class),
                Text.choices("areas", areas, NavigatorAnswers.BoundaryArea.class));
    }
}
