package org.mutuality.practice;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Role;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * How often an agency wants supervision, and the ratio it watches. Rules, in a privacy lead's words:
 *
 * <ol>
 *   <li>supervision is due every {@code everyWeeks(role)} weeks after the pair's last session held
 *       (or, before their first, after the day the supervision began); by default every 2 weeks for
 *       peer workers and volunteer peers, every 4 weeks for every other role;
 *   <li>a person holding several staff roles is due at the shortest of their roles' intervals; a
 *       person with no staff role today, at the longest default (4 weeks);
 *   <li>supervision is overdue from the day after it was due;
 *   <li>a supervisor with more supervisees than the ratio (by default 8) is flagged on the list of
 *       supervisors; nothing is refused because of it.
 * </ol>
 *
 * The defaults and their sources are in ADR 0019. A pure value: no I/O.
 *
 * @param everyWeeks weeks between sessions for each staff role; a role missing takes its default
 * @param ratio the most supervisees one supervisor should have
 */
public record SupervisionSchedule(Map<Role, Integer> everyWeeks, int ratio) {

    public static final int PEER_WEEKS = 2;
    public static final int OTHER_WEEKS = 4;
    public static final int DEFAULT_RATIO = 8;
    public static final int MAX_WEEKS = 26;
    public static final int MAX_RATIO = 50;

    public SupervisionSchedule {
        EnumMap<Role, Integer> weeks = new EnumMap<>(Role.class);
        for (Role role : Role.staffRoles()) {
            weeks.put(role, defaultWeeks(role));
        }
        for (Map.Entry<Role, Integer> e : everyWeeks.entrySet()) {
            if (!e.getKey().isStaff()) {
                throw new BadInputException("supervision.settingsStaffOnly", Explanation.field("everyWeeks"));
            }
            int w = e.getValue() == null ? 0 : e.getValue();
            if (w < 1 || w > MAX_WEEKS) {
                throw new BadInputException(
                        "supervision.weeksRange", Explanation.field("everyWeeks"), 1, MAX_WEEKS, String.valueOf(w));
            }
            weeks.put(e.getKey(), w);
        }
        if (ratio < 1 || ratio > MAX_RATIO) {
            throw new BadInputException("supervision.ratioRange", Explanation.field("ratio"), 1, MAX_RATIO, ratio);
        }
        everyWeeks = Map.copyOf(weeks);
    }

    /** The defaults: every 2 weeks for peer roles, 4 for others, a ratio of 1 to 8. */
    public static SupervisionSchedule defaults() {
        return new SupervisionSchedule(Map.of(), DEFAULT_RATIO);
    }

    static int defaultWeeks(Role role) {
        return role.isPeer() ? PEER_WEEKS : OTHER_WEEKS;
    }

    /** Weeks between sessions for someone holding these roles today (rule 2). */
    public int weeksFor(Collection<Role> roles) {
        return roles.stream()
                .filter(Role::isStaff)
                .mapToInt(r -> everyWeeks.getOrDefault(r, defaultWeeks(r)))
                .min()
                .orElse(OTHER_WEEKS);
    }

    /**
     * The day supervision is next due (rule 1).
     *
     * @param lastHeld the pair's last session held, or null before their first
     * @param began when the supervision began (the relationship's start), or null when unknown
     * @param today used when neither is known
     */
    public LocalDate dueOn(
            @Nullable LocalDate lastHeld, @Nullable LocalDate began, Collection<Role> roles, LocalDate today) {
        LocalDate from = lastHeld != null ? lastHeld : began != null ? began : today;
        return from.plusWeeks(weeksFor(roles));
    }

    /** Whether supervision due on that day is overdue today (rule 3). */
    public static boolean overdue(LocalDate dueOn, LocalDate today) {
        return dueOn.isBefore(today);
    }

    /** Whether a supervisor with this many supervisees is over the ratio (rule 4). */
    public boolean overRatio(int supervisees) {
        return supervisees > ratio;
    }
}
