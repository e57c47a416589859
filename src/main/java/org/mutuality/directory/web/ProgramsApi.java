package org.mutuality.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.Team;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency's programs and teams under {@code /api/v1/programs}. */
@RestController
@RequestMapping("/api/v1/programs")
class ProgramsApi {

    private final Directory directory;

    ProgramsApi(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<ProgramJson> list(@AuthenticationPrincipal SignedInUser user) {
        return directory.programs(user.agencyId()).stream().map(ProgramJson::of).toList();
    }

    @PostMapping
    ResponseEntity<ProgramJson> create(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody ProgramBody body) {
        Program program = directory.createProgram(user, body.name(), body.description());
        return ResponseEntity.created(URI.create("/api/v1/programs/" + program.id()))
                .body(ProgramJson.of(program));
    }

    @PostMapping("/{id}/teams")
    ResponseEntity<TeamJson> createTeam(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody TeamBody body) {
        Team team = directory.createTeam(user, new ProgramId(id), body.name());
        return ResponseEntity.created(URI.create("/api/v1/programs/" + id)).body(TeamJson.of(team));
    }

    record ProgramBody(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) @Nullable String description) {}

    record TeamBody(@NotBlank @Size(max = 200) String name) {}

    record ProgramJson(UUID id, String name, @Nullable String description, List<TeamJson> teams) {
        static ProgramJson of(Program program) {
            return new ProgramJson(
                    program.id().value(),
                    program.name(),
                    program.description(),
                    program.teams().stream().map(TeamJson::of).toList());
        }
    }

    record TeamJson(UUID id, UUID programId, String name) {
        static TeamJson of(Team team) {
            return new TeamJson(team.id().value(), team.programId().value(), team.name());
        }
    }
}
