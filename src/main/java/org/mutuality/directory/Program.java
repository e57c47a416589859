package org.mutuality.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A program the agency runs (for example a peer drop-in), with its teams. */
public record Program(ProgramId id, String name, @Nullable String description, List<Team> teams) {

    public Program {
        teams = List.copyOf(teams);
    }
}
