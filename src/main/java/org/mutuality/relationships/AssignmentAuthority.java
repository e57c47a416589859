package org.mutuality.relationships;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;

/**
 * Who may record a relationship, as one rule a privacy lead can read:
 *
 * <ol>
 *   <li>An <b>assignment</b> (care, support, supervision, approving time, research interviews; see
 *       {@link RelationshipKind#isAssignment()}) is made by someone who is <b>neither of the two
 *       people</b> and who has authority over the program where person A does that work:
 *       <ul>
 *         <li>care ({@code TREATS}): a manager of the clinician's program (or of the whole agency), or
 *             a clinician lead — someone who is both a clinician and a supervisor in that program;
 *         <li>every other assignment: a manager or a supervisor of that program, or a manager of the
 *             whole agency.
 *       </ul>
 *       Person A must hold, today, the role that does the work in that program: a clinician treats, a
 *       peer worker or volunteer peer supports, a researcher interviews; any staff role may supervise
 *       or approve time. Person B must hold a role, today, in a program over which the recorder has the
 *       same authority (an agency-wide manager has it over every program): a clinic lead cannot make a
 *       clinician the supervisor of a peer worker, nor a peer supervisor assign support to a clinic
 *       patient. Administrators and privacy leads hold no such authority by their title.
 *   <li>A <b>personal</b> relationship (friend, family, neighbour, no-contact…) is declared by one of
 *       the two people, or recorded by the privacy lead. These only ever restrict: no record opens
 *       because of them.
 * </ol>
 *
 * A pure function over the people's roles on a day; no I/O.
 */
final class AssignmentAuthority {

    private AssignmentAuthority() {}

    /**
     * Why {@code recorder} may not record a relationship of this kind between {@code a} and {@code b}
     * on {@code today}, as a key of {@code messages.properties} the recorder may read; empty when
     * they may.
     */
    static Optional<String> refusal(Person recorder, RelationshipKind kind, Person a, Person b, LocalDate today) {
        Objects.requireNonNull(kind, "kind");
        boolean party = recorder.id().equals(a.id()) || recorder.id().equals(b.id());
        if (!kind.isAssignment()) {
            if (party || recorder.activeRoles(today).contains(Role.PRIVACY_LEAD)) {
                return Optional.empty();
            }
            return Optional.of("relationship.personalByParties");
        }
        if (party) {
            return Optional.of("relationship.nobodyAssignsThemselves");
        }
        boolean overA = false;
        for (PersonRole work : a.roles()) {
            if (work.activeOn(today)
                    && doesTheWork(kind, work.role())
                    && hasAuthority(recorder, kind, work.programId(), today)) {
                overA = true;
                break;
            }
        }
        if (!overA) {
            return Optional.of(
                    kind == RelationshipKind.TREATS ? "relationship.careAssignedBy" : "relationship.assignedBy");
        }
        for (PersonRole held : b.roles()) {
            if (held.activeOn(today) && hasAuthority(recorder, kind, held.programId(), today)) {
                return Optional.empty();
            }
        }
        return Optional.of("relationship.assignWithinYourPrograms");
    }

    /** The roles that do the work an assignment of this kind gives. */
    static Set<Role> workRoles(RelationshipKind kind) {
        return switch (kind) {
            case TREATS -> EnumSet.of(Role.CLINICIAN);
            case SUPPORTS -> EnumSet.of(Role.PEER_WORKER, Role.VOLUNTEER_PEER);
            case INTERVIEWS -> EnumSet.of(Role.RESEARCHER);
            case SUPERVISES, APPROVES_TIME -> Role.staffRoles();
            default -> EnumSet.noneOf(Role.class);
        };
    }

    private static boolean doesTheWork(RelationshipKind kind, Role role) {
        return workRoles(kind).contains(role);
    }

    private static boolean hasAuthority(
            Person recorder, RelationshipKind kind, @Nullable ProgramId program, LocalDate today) {
        boolean clinician = false;
        boolean supervisor = false;
        for (PersonRole held : recorder.roles()) {
            if (!held.activeOn(today)) {
                continue;
            }
            boolean agencyWide = held.programId() == null;
            boolean sameProgram = program != null && program.equals(held.programId());
            if (held.role() == Role.MANAGER && (agencyWide || sameProgram)) {
                return true;
            }
            if (sameProgram && held.role() == Role.SUPERVISOR) {
                supervisor = true;
            }
            if (sameProgram && held.role() == Role.CLINICIAN) {
                clinician = true;
            }
        }
        return kind == RelationshipKind.TREATS ? clinician && supervisor : supervisor;
    }
}
