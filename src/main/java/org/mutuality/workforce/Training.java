package org.mutuality.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Role;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * An entry of the agency's training catalogue: one Mutuality ships ({@code shipped}, named in the
 * reader's language) or one the agency added ({@code name}, as typed), the staff roles it is required
 * of, and how often it must be renewed ({@code renewEveryMonths}, null for never).
 *
 * @param version the version it was read at; saving a change checks it
 */
public record Training(
        TrainingId id,
        @Nullable ShippedTraining shipped,
        @Nullable String name,
        Set<Role> requiredFor,
        @Nullable Integer renewEveryMonths,
        Instant createdAt,
        int version) {

    /** The longest renewal period, in months: ten years. */
    public static final int MAX_RENEWAL_MONTHS = 120;

    public Training {
        if (shipped == null && name == null) {
            throw new IllegalStateException("a training is shipped or named, was neither: " + id);
        }
        requiredFor = requiredFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredFor));
    }

    /** A shipped entry with its first settings: required of every staff role. */
    public static Training shipped(ShippedTraining shipped, Instant at) {
        return new Training(TrainingId.random(), shipped, null, Role.staffRoles(), shipped.renewEveryMonths(), at, 0);
    }

    /**
     * An entry of the agency's own.
     *
     * @throws BadInputException when the name is empty or too long, a role is not a staff role, or
     *     the renewal is not between 1 and 120 months
     */
    public static Training define(
            @Nullable String name, Set<Role> requiredFor, @Nullable Integer renewEveryMonths, Instant at) {
        return new Training(
                TrainingId.random(),
                null,
                Text.required("name", name, Text.Limit.NAME),
                checkedRoles(requiredFor),
                checkedRenewal(renewEveryMonths),
                at,
                0);
    }

    /**
     * The same entry with new requirements: the roles it is required of and its renewal.
     *
     * @throws BadInputException as {@link #define} does
     */
    public Training require(Set<Role> roles, @Nullable Integer months) {
        return new Training(id, shipped, name, checkedRoles(roles), checkedRenewal(months), createdAt, version);
    }

    /** Whether someone who holds these roles today must have it. */
    public boolean requiredOf(Set<Role> roles) {
        return roles.stream().anyMatch(requiredFor::contains);
    }

    /** When a training completed on a day expires under this entry's renewal; null when it never does. */
    public @Nullable LocalDate expiryAfter(LocalDate completedOn) {
        return renewEveryMonths == null ? null : completedOn.plusMonths(renewEveryMonths);
    }

    /**
     * Whether this entry asks more of peer staff than of other staff (S13): it is required of a peer
     * role but not of every staff role. The parity report names such an entry.
     */
    public boolean singlesOutPeers() {
        return requiredFor.stream().anyMatch(Role::isPeer) && !requiredFor.containsAll(Role.staffRoles());
    }

    private static Set<Role> checkedRoles(Set<Role> roles) {
        for (Role role : roles) {
            if (!role.isStaff()) {
                throw new BadInputException(
                        "training.staffRolesOnly",
                        Explanation.field("requiredFor"),
                        Explanation.term("role." + role.name(), role.name()));
            }
        }
        return roles;
    }

    private static @Nullable Integer checkedRenewal(@Nullable Integer months) {
        if (months != null && (months < 1 || months > MAX_RENEWAL_MONTHS)) {
            throw new BadInputException(
                    "training.renewalRange", Explanation.field("renewEveryMonths"), MAX_RENEWAL_MONTHS, months);
        }
        return months;
    }
}
