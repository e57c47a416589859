package org.mutuality.directory.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.TeamId;
import org.springframework.format.annotation.DateTimeFormat;

/** The fields of the add-a-role form. */
public class RoleForm {

    @NotNull(message = "{role.required}")
    private @Nullable Role role;

    private @Nullable UUID programId;

    private @Nullable UUID teamId;

    @NotNull(message = "{role.startDate.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;

    AssignRole toCommand() {
        return new AssignRole(
                java.util.Objects.requireNonNull(role),
                programId == null ? null : new ProgramId(programId),
                teamId == null ? null : new TeamId(teamId),
                java.util.Objects.requireNonNull(startDate),
                endDate);
    }

    public @Nullable Role getRole() {
        return role;
    }

    public void setRole(@Nullable Role role) {
        this.role = role;
    }

    public @Nullable UUID getProgramId() {
        return programId;
    }

    public void setProgramId(@Nullable UUID programId) {
        this.programId = programId;
    }

    public @Nullable UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(@Nullable UUID teamId) {
        this.teamId = teamId;
    }

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(@Nullable LocalDate startDate) {
        this.startDate = startDate;
    }

    public @Nullable LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(@Nullable LocalDate endDate) {
        this.endDate = endDate;
    }
}
