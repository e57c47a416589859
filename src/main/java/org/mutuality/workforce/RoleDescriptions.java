package org.mutuality.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.plans.RoleDescriptionStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each staff role does and does not do, and who read it. The rules, in order:
 *
 * <ol>
 *   <li>every staff role has a description; until the agency revises it, the one Mutuality ships is
 *       version 1;
 *   <li>anyone of the agency reads the current version and the earlier ones: a description is about a
 *       role, not about a person;
 *   <li>a manager or the privacy lead revises it: each revision is a new version, the old ones kept;
 *   <li>a staff member confirms they received and read the version in force of each staff role they
 *       hold today; until they have, their home screen shows it. A new version is in force for
 *       everyone holding the role, who then confirm it too;
 *   <li>whether a role may take part in an involuntary intervention is not the description's to say:
 *       the conflict policy decides it ({@link #takesPartInInvoluntaryInterventions}), and the page
 *       shows the policy's answer beside the text (the parity rule, S14).
 * </ol>
 */
@Service
public class RoleDescriptions {

    private final RoleDescriptionStore store;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final AuditLog audit;
    private final Clock clock;

    RoleDescriptions(
            RoleDescriptionStore store, Directory directory, ConflictCheck conflicts, AuditLog audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.conflicts = conflicts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A staff role the person holds today, its description in force, and the version they read last. */
    public record Held(
            Role role,
            RoleDescription current,
            @Nullable Integer readVersion,
            @Nullable Instant readAt) {
        /** Whether the person confirmed the version in force. */
        public boolean read() {
            return readVersion != null && readVersion == current.version();
        }
    }

    /** The staff roles, in the order the pages list them. */
    public static Set<Role> roles() {
        return EnumSet.copyOf(Role.staffRoles());
    }

    /**
     * The description in force for the role in this agency. Never null.
     *
     * @throws NotFoundException ({@code notFound.roleDescription}) for a role that is not a staff role
     */
    @Transactional(readOnly = true)
    public RoleDescription current(AgencyId agency, Role role) {
        requireStaffRole(role);
        return store.latest(agency, role).orElseGet(() -> RoleDescription.shipped(role, Instant.EPOCH));
    }

    /** Every version of the role's description, newest first, version 1 included. Never null. */
    @Transactional(readOnly = true)
    public List<RoleDescription> history(AgencyId agency, Role role) {
        requireStaffRole(role);
        List<RoleDescription> all = new ArrayList<>(store.history(agency, role));
        if (all.stream().noneMatch(d -> d.version() == 1)) {
            all.add(RoleDescription.shipped(role, Instant.EPOCH));
        }
        return all;
    }

    /** Whether the agency's conflict policy lets this role take part in an involuntary intervention. */
    public boolean takesPartInInvoluntaryInterventions(AgencyId agency, Role role) {
        return conflicts.eligibleRoles(agency, Action.INVOLUNTARY_INTERVENTION).contains(role);
    }

    /** Whether the person may revise role descriptions: a manager or the privacy lead. */
    public boolean mayRevise(SignedInUser user) {
        return user.has(Role.MANAGER) || user.isPrivacyLead();
    }

    /**
     * Writes a new version of the role's description.
     *
     * @throws ForbiddenException ({@code roleDescription.whoRevises}) unless the writer is a manager
     *     or the privacy lead
     * @throws org.mutuality.shared.BadInputException when a text is blank, too long or holds a
     *     refused character
     * @throws ConflictException when nothing changed, or another version was written meanwhile
     */
    @Transactional
    public RoleDescription revise(
            SignedInUser by, Role role, @Nullable String english, @Nullable String french, @Nullable String reason) {
        requireStaffRole(role);
        if (!mayRevise(by)) {
            throw new ForbiddenException("roleDescription.whoRevises");
        }
        RoleDescription now = keptInForce(by.agencyId(), role);
        RoleDescription next = now.revise(english, french, reason, by.personId(), clock.instant());
        if (!store.insert(by.agencyId(), next)) {
            throw new ConflictException("roleDescription.changedMeanwhile");
        }
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(null, "ROLE_DESCRIPTION", role.name() + "/" + next.version())
                .noting("role description revised"));
        return next;
    }

    /** The staff roles the person holds today, each with the version in force and their last reading. */
    @Transactional(readOnly = true)
    public List<Held> held(SignedInUser user) {
        return held(user.agencyId(), user.personId());
    }

    /**
     * For the parity report: how many descriptions in force of the roles each person holds they have
     * not yet confirmed reading. Counts only.
     */
    @Transactional(readOnly = true)
    public Map<PersonId, Integer> unread(AgencyId agency, Collection<PersonId> people) {
        Map<PersonId, Integer> unread = new HashMap<>();
        for (PersonId person : people) {
            unread.put(person, (int)
                    held(agency, person).stream().filter(h -> !h.read()).count());
        }
        return unread;
    }

    private List<Held> held(AgencyId agency, PersonId person) {
        LocalDate today = LocalDate.now(clock);
        Set<Role> roles = directory.requirePerson(agency, person).activeRoles(today);
        List<RoleDescriptionStore.Reading> readings = store.readings(agency, person);
        List<Held> held = new ArrayList<>();
        for (Role role : roles()) {
            if (roles.contains(role)) {
                RoleDescription current = current(agency, role);
                RoleDescriptionStore.Reading last = readings.stream()
                        .filter(r -> r.role() == role)
                        .max(java.util.Comparator.comparingInt(RoleDescriptionStore.Reading::version))
                        .orElse(null);
                held.add(new Held(
                        role, current, last == null ? null : last.version(), last == null ? null : last.readAt()));
            }
        }
        return held;
    }

    /** The held roles whose description in force the person has not yet confirmed. Never null. */
    @Transactional(readOnly = true)
    public List<Held> toRead(SignedInUser user) {
        return held(user).stream().filter(h -> !h.read()).toList();
    }

    /**
     * Records that the person received and read this version of the description of a role they hold;
     * confirming again changes nothing.
     *
     * @throws ConflictException when the person does not hold the role today ({@code
     *     roleDescription.notHeld}) or the version is not the one in force ({@code
     *     roleDescription.notInForce}, with the version in force)
     */
    @Transactional
    public Held confirmRead(SignedInUser user, Role role, int version) {
        requireStaffRole(role);
        Held held = held(user).stream()
                .filter(h -> h.role() == role)
                .findFirst()
                .orElseThrow(() -> new ConflictException("roleDescription.notHeld"));
        if (held.current().version() != version) {
            throw new ConflictException(
                    "roleDescription.notInForce", held.current().version());
        }
        keptInForce(user.agencyId(), role);
        Instant now = clock.instant();
        if (store.read(user.agencyId(), new RoleDescriptionStore.Reading(user.personId(), role, version, now))) {
            audit.record(AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DONE)
                    .about(user.personId().value(), "ROLE_DESCRIPTION", role.name() + "/" + version)
                    .noting("role description read"));
            return new Held(role, held.current(), version, now);
        }
        return held;
    }

    /**
     * The version in force, stored: the shipped text is stored as version 1 the first time someone
     * reads it on record or revises it, so that what a person read stays exactly as they read it.
     */
    private RoleDescription keptInForce(AgencyId agency, Role role) {
        return store.latest(agency, role).orElseGet(() -> {
            RoleDescription shipped = RoleDescription.shipped(role, clock.instant());
            store.insert(agency, shipped);
            return shipped;
        });
    }

    private static void requireStaffRole(Role role) {
        if (!role.isStaff()) {
            throw new NotFoundException("notFound.roleDescription", role.name());
        }
    }
}
