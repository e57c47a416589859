package org.mutuality.workforce;

import java.util.List;
import java.util.Set;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;

/**
 * One line of the compliance report: a staff member, the staff roles and programs they hold today,
 * and one requirement of their file with where it stands.
 */
public record ComplianceRow(
        PersonId person, String name, Set<Role> roles, List<String> programs, Requirement requirement) {

    public ComplianceRow {
        roles = Set.copyOf(roles);
        programs = List.copyOf(programs);
    }
}
