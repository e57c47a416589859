package org.mutuality.directory.programs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Team;
import org.mutuality.directory.TeamId;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The programs of each agency and their teams. Every statement is scoped by agency. */
@Repository
public class Programs {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Programs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ProgramId insert(AgencyId agency, String name, @Nullable String description) {
        ProgramId id = ProgramId.random();
        jdbc.sql("""
                        insert into program (id, agency_id, name, description, created_at)
                        values (:id, :agency, :name, :description, :now)
                        """)
                .param("id", id.value())
                .param("agency", agency.value())
                .param("name", name)
                .param("description", description)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return id;
    }

    public TeamId insertTeam(AgencyId agency, ProgramId program, TeamId id, String name) {
        jdbc.sql("insert into team (id, agency_id, program_id, name) values (:id, :agency, :program, :name)")
                .param("id", id.value())
                .param("agency", agency.value())
                .param("program", program.value())
                .param("name", name)
                .update();
        return id;
    }

    public List<Program> all(AgencyId agency) {
        Map<UUID, List<Team>> teams = new HashMap<>();
        jdbc.sql("select id, program_id, name from team where agency_id = :agency order by name")
                .param("agency", agency.value())
                .query((rs, n) -> {
                    UUID program = rs.getObject("program_id", UUID.class);
                    Team team = new Team(
                            new TeamId(rs.getObject("id", UUID.class)), new ProgramId(program), rs.getString("name"));
                    teams.computeIfAbsent(program, k -> new ArrayList<>()).add(team);
                    return team;
                })
                .list();
        return jdbc.sql("select id, name, description from program where agency_id = :agency order by name")
                .param("agency", agency.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Program(
                            new ProgramId(id),
                            rs.getString("name"),
                            rs.getString("description"),
                            teams.getOrDefault(id, List.of()));
                })
                .list();
    }

    public Optional<Program> find(AgencyId agency, ProgramId id) {
        return all(agency).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Team> findTeam(AgencyId agency, TeamId id) {
        return jdbc.sql("select id, program_id, name from team where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query((rs, n) ->
                        new Team(id, new ProgramId(rs.getObject("program_id", UUID.class)), rs.getString("name")))
                .optional();
    }
}
