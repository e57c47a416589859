package org.mutuality.fidelity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * A short outcome questionnaire: its code, title, items, the answer options every item offers with
 * their values, and its scoring rule (the sum of the values, times {@code factor}). It is asked at
 * intake and then every {@code intervalDays}. A definition refuses what could not be answered or
 * scored (no item, fewer than two options, two options with one value), naming the bad value.
 */
public record Scale(
        String code, Wording title, List<Wording> items, List<Option> options, int factor, int intervalDays) {

    /** The WHO-5's code. */
    public static final String WHO5 = "WHO-5";

    /** The most items a short scale holds. */
    public static final int MOST_ITEMS = 30;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");

    /** One answer an item offers, and the value it adds to the score. */
    public record Option(int value, Wording label) {}

    public Scale {
        if (!CODE.matcher(code).matches()) {
            throw new BadInputException("questionnaire.badCode");
        }
        if (items.isEmpty() || items.size() > MOST_ITEMS) {
            throw new BadInputException("questionnaire.itemCount", MOST_ITEMS);
        }
        if (options.size() < 2 || options.stream().map(Option::value).distinct().count() != options.size()) {
            throw new BadInputException("questionnaire.optionValues");
        }
        if (options.stream().anyMatch(o -> o.value() < 0 || o.value() > 100)) {
            throw new BadInputException("questionnaire.optionRange");
        }
        if (factor < 1 || factor > 100) {
            throw new BadInputException("questionnaire.factor");
        }
        if (intervalDays < 7 || intervalDays > 366) {
            throw new BadInputException("questionnaire.interval");
        }
        items = List.copyOf(items);
        options = List.copyOf(options);
    }

    /**
     * The WHO-5 Well-Being Index's structure: five items, each answered 0 to 5, the sum times 4 (0 to
     * 100), asked every 14 days (its recall period is two weeks). Its wording is left for the agency
     * to paste from the official version (ADR 0037): items and labels are blank here.
     */
    public static Scale who5() {
        List<Wording> items = List.of(Wording.none(), Wording.none(), Wording.none(), Wording.none(), Wording.none());
        List<Option> options = List.of(
                new Option(5, Wording.none()),
                new Option(4, Wording.none()),
                new Option(3, Wording.none()),
                new Option(2, Wording.none()),
                new Option(1, Wording.none()),
                new Option(0, Wording.none()));
        return new Scale(
                WHO5, new Wording("WHO-5 Well-Being Index", "Indice de bien-être WHO-5"), items, options, 4, 14);
    }

    /** Whether this definition keeps the other's structure: the same items, option values and factor. */
    public boolean sameStructureAs(Scale other) {
        return items.size() == other.items.size()
                && factor == other.factor
                && options.stream()
                        .map(Option::value)
                        .toList()
                        .equals(other.options.stream().map(Option::value).toList());
    }

    /** Whether the agency pasted wording for every item. */
    public boolean worded() {
        return items.stream().noneMatch(Wording::blank);
    }

    /** The highest score possible, for a chart's scale. */
    public int highest() {
        return items.size() * options.stream().mapToInt(Option::value).max().orElse(0) * factor;
    }

    /** The item's text in the reader's language, blank when the agency has not pasted it. */
    public String item(int index, Locale locale) {
        return items.get(index).in(locale);
    }

    /**
     * Scores one person's answers, one value per item in order.
     *
     * @throws BadInputException ({@code questionnaire.everyItem}) unless every item has one answer;
     *     ({@code questionnaire.notAnOption}) naming the item whose value no option offers
     */
    public Score score(List<Integer> answers) {
        if (answers.size() != items.size()) {
            throw new BadInputException(
                    "questionnaire.everyItem", Explanation.field("answers"), items.size(), answers.size());
        }
        int raw = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer value = answers.get(i);
            if (value == null || options.stream().noneMatch(o -> o.value() == value)) {
                throw new BadInputException("questionnaire.notAnOption", i + 1);
            }
            raw += value;
        }
        return new Score(raw, raw * factor);
    }
}
