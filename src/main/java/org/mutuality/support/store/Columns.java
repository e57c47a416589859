package org.mutuality.support.store;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets stored as comma-separated names in one column. */
final class Columns {

    private Columns() {}

    static <E extends Enum<E>> String join(Set<E> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> split(Class<E> type, String stored) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (stored != null && !stored.isBlank()) {
            for (String s : stored.split(",")) {
                set.add(Enum.valueOf(type, s));
            }
        }
        return set;
    }

    static Set<String> languages(String stored) {
        return stored == null || stored.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(stored.split(",")));
    }
}
