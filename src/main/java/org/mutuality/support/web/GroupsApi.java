package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.mutuality.support.GroupCursor;
import org.mutuality.support.GroupId;
import org.mutuality.support.Groups;
import org.mutuality.support.SupportGroup;
import org.mutuality.support.web.SupportJson.GroupJson;
import org.mutuality.support.web.SupportJson.MemberJson;
import org.mutuality.support.web.SupportJson.RosterJson;
import org.mutuality.support.web.SupportJson.SessionJson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Groups, members (conflict-checked), leaders and attendance under {@code /api/v1/groups}. */
@RestController
class GroupsApi {

    private final Groups groups;
    private final Directory directory;

    GroupsApi(Groups groups, Directory directory) {
        this.groups = groups;
        this.directory = directory;
    }

    /**
     * A page of the groups the caller leads, coordinates or belongs to (30 unless {@code limit} says
     * otherwise, at most 200), newest first; the next page's address is in the {@code Link} header.
     */
    @GetMapping("/api/v1/groups")
    ResponseEntity<List<GroupJson>> list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Groups.PAGE);
        Page<SupportGroup> page = groups.visibleTo(user, GroupCursor.parse(after), size);
        Function<PersonId, String> names = SupportJson.names(directory, user);
        return NextPage.ok(page, g -> GroupJson.of(g, names), UriComponentsBuilder.fromPath("/api/v1/groups"), size);
    }

    @PostMapping("/api/v1/groups")
    ResponseEntity<GroupJson> create(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody GroupBody body) {
        SupportGroup g = groups.create(
                user,
                new ProgramId(body.programId()),
                body.name(),
                body.description(),
                Forms.schedule(body.meetsOn(), body.startsAt(), body.place()),
                new PersonId(body.leaderId()));
        return ResponseEntity.created(URI.create("/api/v1/groups/" + g.id()))
                .body(GroupJson.of(g, SupportJson.names(directory, user)));
    }

    /** The group with its members and sessions, for its leader and the program's coordinators. */
    @GetMapping("/api/v1/groups/{id}")
    RosterJson roster(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        SupportGroup.Roster roster = groups.roster(user, new GroupId(id));
        Function<PersonId, String> names = SupportJson.names(directory, user);
        return new RosterJson(
                GroupJson.of(roster.group(), names),
                roster.group().leaderConsultation(),
                roster.members().stream()
                        .map(m -> new MemberJson(
                                m.person().value(),
                                names.apply(m.person()),
                                m.joinedOn(),
                                m.leftOn(),
                                m.decision().name(),
                                m.consultation()))
                        .toList(),
                roster.withheld(),
                roster.sessions().stream().map(SessionJson::of).toList());
    }

    /** Adds a member after the conflict check; the answer says what the check found. */
    @PostMapping("/api/v1/groups/{id}/members")
    ResponseEntity<AddedJson> add(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody MemberBody body) {
        ConflictDecision decision = groups.addMember(
                user,
                new GroupId(id),
                new PersonId(body.personId()),
                Boolean.TRUE.equals(body.acknowledge()),
                body.consultationId());
        return ResponseEntity.status(201)
                .body(new AddedJson(
                        body.personId(),
                        decision.decision().name(),
                        decision.reasons().stream()
                                .map(ConflictDecision.Reason::explanation)
                                .distinct()
                                .toList()));
    }

    /** A member added, with what the conflict check said about the leader and them. */
    record AddedJson(UUID personId, String decision, List<String> reasons) {}

    @PostMapping("/api/v1/groups/{id}/members/{personId}/leave")
    ResponseEntity<Void> leave(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID personId) {
        groups.removeMember(user, new GroupId(id), new PersonId(personId));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/groups/{id}/leader")
    GroupJson leader(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody LeaderBody body) {
        return GroupJson.of(
                groups.changeLeader(
                        user,
                        new GroupId(id),
                        new PersonId(body.leaderId()),
                        Boolean.TRUE.equals(body.acknowledge()),
                        body.consultationId()),
                SupportJson.names(directory, user));
    }

    /** Records a session and who came (the ids of members present; the other members were absent). */
    @PostMapping("/api/v1/groups/{id}/sessions")
    ResponseEntity<SessionJson> session(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody SessionBody body) {
        SupportGroup.Session s = groups.recordSession(
                user,
                new GroupId(id),
                body.heldOn(),
                Forms.time(body.startsAt(), "startsAt"),
                body.durationMinutes(),
                (body.present() == null ? List.<UUID>of() : body.present())
                        .stream().map(PersonId::new).collect(Collectors.toSet()));
        return ResponseEntity.status(201).body(SessionJson.of(s));
    }

    record GroupBody(
            @NotNull UUID programId,
            @NotNull String name,
            @Nullable String description,
            @Nullable String meetsOn,
            @Nullable String startsAt,
            @Nullable String place,
            @NotNull UUID leaderId) {}

    record MemberBody(
            @NotNull UUID personId,
            @Nullable Boolean acknowledge,
            @Nullable UUID consultationId) {}

    record LeaderBody(
            @NotNull UUID leaderId,
            @Nullable Boolean acknowledge,
            @Nullable UUID consultationId) {}

    record SessionBody(
            @NotNull LocalDate heldOn,
            @Nullable String startsAt,
            @NotNull Integer durationMinutes,
            @Nullable List<UUID> present) {}
}
