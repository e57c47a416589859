package org.mutuality.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditLog;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.InvitationSent;
import org.mutuality.directory.PageOf;
import org.mutuality.directory.PeopleQuery;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.TeamId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory's people under {@code /api/v1/people}. */
@RestController
@RequestMapping("/api/v1/people")
class PeopleApi {

    private final Directory directory;
    private final Clock clock;
    private final AuditLog audit;

    PeopleApi(Directory directory, Clock clock, AuditLog audit) {
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping
    PageJson<PersonJson> search(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (!user.isStaff()) {
            throw new ForbiddenException("directory.staffOnlySearch");
        }
        Role wanted = role == null || role.isBlank() ? null : Role.parse(role);
        PageOf<Person> found = directory.search(
                user.agencyId(), PeopleQuery.forViewer(user, query, wanted, includeInactive, page, size));
        return new PageJson<>(
                found.items().stream().map(p -> PersonJson.of(p, user, today())).toList(),
                found.total(),
                found.page(),
                found.size());
    }

    @PostMapping
    ResponseEntity<PersonJson> create(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PersonBody body) {
        requireAdministrator(user);
        LocalDate today = LocalDate.now(clock);
        List<AssignRole> roles = body.roles() == null
                ? List.of()
                : body.roles().stream().map(r -> r.toCommand(today)).toList();
        Person person = directory.register(user, body.toDetails(), roles);
        audit.record(ProfileAudit.write(user, person.id(), "created"));
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id()))
                .body(PersonJson.of(person, user, today()));
    }

    @GetMapping("/{id}")
    PersonJson read(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        Person person = visible(user, new PersonId(id));
        audit.recordRead(ProfileAudit.read(user, person.id()));
        return PersonJson.of(person, user, today());
    }

    @PutMapping("/{id}")
    PersonJson update(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody PersonBody body) {
        PersonId personId = new PersonId(id);
        Person current = visible(user, personId);
        if (!user.mayEditProfileOf(personId)) {
            throw new ForbiddenException("directory.administratorsOnlyForProfile");
        }
        int version = body.version() == null ? current.version() : body.version();
        Person corrected = directory.correct(user, personId, body.toDetails(), version);
        audit.record(ProfileAudit.write(user, personId, ProfileAudit.corrected(current, corrected)));
        return PersonJson.of(corrected, user, today());
    }

    @GetMapping("/{id}/roles")
    List<PersonJson.RoleJson> roles(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return visible(user, new PersonId(id)).rolesVisibleTo(user, today()).stream()
                .map(PersonJson.RoleJson::of)
                .toList();
    }

    @PostMapping("/{id}/roles")
    ResponseEntity<PersonJson.RoleJson> addRole(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody RoleBody body) {
        PersonId personId = new PersonId(id);
        visible(user, personId);
        requireAdministrator(user);
        PersonRole role = directory.proposeRole(user, personId, body.toCommand(LocalDate.now(clock)));
        audit.record(ProfileAudit.write(
                user, personId, role.awaitingConfirmation() ? "role " + role.role() + " proposed" : "role added"));
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/roles/" + role.id()))
                .body(PersonJson.RoleJson.of(role));
    }

    /** A second person confirms a proposed privileged role (see {@link Directory#confirmRole}). */
    @PostMapping("/{id}/roles/{roleId}/confirm")
    PersonJson.RoleJson confirmRole(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID roleId) {
        PersonId personId = new PersonId(id);
        visible(user, personId);
        try {
            PersonRole role = directory.confirmRole(user, personId, new RoleId(roleId));
            audit.record(ProfileAudit.write(user, personId, "role " + role.role() + " confirmed"));
            return PersonJson.RoleJson.of(role);
        } catch (ForbiddenException e) {
            audit.record(ProfileAudit.denied(user, personId, "role confirmation refused"));
            throw e;
        }
    }

    @PostMapping("/{id}/roles/{roleId}/end")
    PersonJson.RoleJson endRole(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID roleId,
            @RequestBody(required = false) @Nullable EndRoleBody body) {
        PersonId personId = new PersonId(id);
        visible(user, personId);
        requireAdministrator(user);
        LocalDate end = body == null || body.endDate() == null ? LocalDate.now(clock) : body.endDate();
        PersonRole ended = directory.endRole(user.agencyId(), personId, new RoleId(roleId), end);
        audit.record(ProfileAudit.roleEnded(user, personId, ended));
        return PersonJson.RoleJson.of(ended);
    }

    /**
     * Opens an account for the person: the link to choose their own password is emailed to the
     * address the agency has for them ({@link Directory#inviteToAccount}). An administrator never sets
     * someone else's password, so a body with {@code password} is refused.
     */
    @PostMapping("/{id}/account")
    ResponseEntity<AccountJson> openAccount(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody AccountBody body,
            java.util.Locale locale) {
        PersonId personId = new PersonId(id);
        visible(user, personId);
        requireAdministrator(user);
        if (body.password() != null) {
            throw new BadInputException("account.passwordNotGiven");
        }
        InvitationSent issued = directory.inviteToAccount(user, personId, body.username(), locale);
        audit.record(ProfileAudit.accountOpened(user, personId));
        return ResponseEntity.status(201)
                .body(new AccountJson(
                        directory.usernameOf(user.agencyId(), personId).orElseThrow(), issued.expiresAt()));
    }

    @PostMapping("/{id}/deactivate")
    PersonJson deactivate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return setActive(user, id, false);
    }

    @PostMapping("/{id}/reactivate")
    PersonJson reactivate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return setActive(user, id, true);
    }

    private PersonJson setActive(SignedInUser user, UUID id, boolean active) {
        PersonId personId = new PersonId(id);
        visible(user, personId);
        requireAdministrator(user);
        if (user.isSelf(personId) && !active) {
            throw new BadInputException("account.notYourself");
        }
        Person changed = directory.setActive(user.agencyId(), personId, active);
        audit.record(ProfileAudit.activeSet(user, personId, active));
        return PersonJson.of(changed, user, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The person, if the caller may see them; people of other agencies and hidden people are 404. */
    private Person visible(SignedInUser user, PersonId id) {
        return directory.visibleTo(user, id);
    }

    static void requireAdministrator(SignedInUser user) {
        if (!user.isAdministrator()) {
            throw new ForbiddenException("directory.administratorsOnly");
        }
    }

    record PageJson<T>(List<T> items, long total, int page, int size) {}

    record PersonBody(
            @NotBlank @Size(max = 200) String legalName,
            @Size(max = 200) @Nullable String preferredName,
            @Size(max = 60) @Nullable String pronouns,
            @Size(max = 254) @Nullable String email,
            @Size(max = 40) @Nullable String phone,
            @Nullable Integer version,
            @Nullable @Valid List<RoleBody> roles) {

        PersonDetails toDetails() {
            return new PersonDetails(legalName, preferredName, pronouns, email, phone);
        }
    }

    record RoleBody(
            @NotNull Role role,
            @Nullable UUID programId,
            @Nullable UUID teamId,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate) {

        AssignRole toCommand(LocalDate today) {
            return new AssignRole(
                    role,
                    programId == null ? null : new ProgramId(programId),
                    teamId == null ? null : new TeamId(teamId),
                    startDate == null ? today : startDate,
                    endDate);
        }
    }

    record EndRoleBody(@Nullable LocalDate endDate) {}

    record AccountBody(
            @NotBlank @Size(max = 60) String username,
            @Size(max = 128) @Nullable String password) {

        @Override
        public String toString() {
            return "AccountBody[hidden]";
        }
    }

    /** The account's user name, and until when the emailed link to choose a password works. */
    record AccountJson(String username, java.time.Instant invitationExpiresAt) {}
}
