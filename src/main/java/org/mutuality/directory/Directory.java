package org.mutuality.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.account.Accounts;
import org.mutuality.directory.account.ApiTokens;
import org.mutuality.directory.account.PasswordPolicy;
import org.mutuality.directory.agencies.Agencies;
import org.mutuality.directory.people.People;
import org.mutuality.directory.programs.Programs;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's public API: people, their roles, programs and accounts of one agency. Every
 * method takes the agency it works in; a person or program of another agency is reported as not
 * found. Methods never return null.
 */
@Service
public class Directory {

    private final People people;
    private final Programs programs;
    private final Agencies agencies;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Directory(
            People people,
            Programs programs,
            Agencies agencies,
            Accounts accounts,
            ApiTokens tokens,
            PasswordEncoder passwords,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.people = people;
        this.programs = programs;
        this.agencies = agencies;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The person with this id in the agency, if any. */
    @Transactional(readOnly = true)
    public Optional<Person> person(AgencyId agency, PersonId id) {
        return people.find(agency, id);
    }

    /** The person with this id in the agency; {@link NotFoundException} otherwise. */
    @Transactional(readOnly = true)
    public Person requirePerson(AgencyId agency, PersonId id) {
        return people.find(agency, id).orElseThrow(() -> new NotFoundException("person", id));
    }

    /**
     * The person, if the viewer may see their profile (staff see everyone of the agency; others only
     * themselves); {@link NotFoundException} otherwise, so a hidden person looks the same as a
     * missing one.
     */
    @Transactional(readOnly = true)
    public Person visibleTo(SignedInUser viewer, PersonId id) {
        Person person = requirePerson(viewer.agencyId(), id);
        if (!viewer.mayViewProfileOf(id)) {
            throw NotFoundException.hiding("person", id, id.value());
        }
        return person;
    }

    @Transactional(readOnly = true)
    public PageOf<Person> search(AgencyId agency, PeopleQuery query) {
        return people.search(agency, query, today());
    }

    /** Adds a person to the directory, with no role yet. */
    @Transactional
    public Person register(AgencyId agency, PersonDetails details) {
        return register(agency, details, List.of());
    }

    /**
     * Adds a person to the directory with their first roles, all or nothing: if one role is refused,
     * the person is not added either.
     */
    @Transactional
    public Person register(AgencyId agency, PersonDetails details, List<AssignRole> roles) {
        PersonId id = PersonId.random();
        people.insert(agency, id, details);
        roles.forEach(role -> assignRole(agency, id, role));
        events.publishEvent(new PersonChanged(agency, id));
        return requirePerson(agency, id);
    }

    /**
     * Replaces a person's names, pronouns and contact details.
     *
     * @param expectedVersion the version the editor saw; a later change by someone else refuses the
     *     update with {@link ConflictException} rather than silently overwriting it
     */
    @Transactional
    public Person correct(AgencyId agency, PersonId id, PersonDetails details, int expectedVersion) {
        requirePerson(agency, id);
        if (!people.update(agency, id, details, expectedVersion)) {
            throw new ConflictException("This person was changed by someone else meanwhile; reload and try again.");
        }
        events.publishEvent(new PersonChanged(agency, id));
        return requirePerson(agency, id);
    }

    /**
     * Gives a person a role. The program and team, when given, must be the agency's own, and the team
     * must belong to the program.
     */
    @Transactional
    public PersonRole assignRole(AgencyId agency, PersonId person, AssignRole command) {
        requirePerson(agency, person);
        ProgramId program = command.programId();
        if (program != null && programs.find(agency, program).isEmpty()) {
            throw new NotFoundException("program", program);
        }
        TeamId teamId = command.teamId();
        if (teamId != null) {
            Team team = programs.findTeam(agency, teamId).orElseThrow(() -> new NotFoundException("team", teamId));
            if (program != null && !team.programId().equals(program)) {
                throw new IllegalArgumentException("team " + teamId + " does not belong to program " + program);
            }
            if (program == null) {
                command = new AssignRole(
                        command.role(), team.programId(), teamId, command.startDate(), command.endDate());
            }
        }
        RoleId id = RoleId.random();
        people.insertRole(agency, person, id, command);
        events.publishEvent(new PersonChanged(agency, person));
        return requirePerson(agency, person).roles().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Ends a role on the given day (inclusive). The role is kept as history. */
    @Transactional
    public PersonRole endRole(AgencyId agency, PersonId person, RoleId role, LocalDate endDate) {
        PersonRole current = requirePerson(agency, person).roles().stream()
                .filter(r -> r.id().equals(role))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("role", role));
        if (endDate.isBefore(current.startDate())) {
            throw new IllegalArgumentException(
                    "endDate must not be before the role's start " + current.startDate() + ", was " + endDate);
        }
        if (current.endDate() != null && !current.endDate().isAfter(endDate)) {
            throw new ConflictException("This role already ends on " + current.endDate() + ".");
        }
        people.endRole(agency, person, role, endDate);
        events.publishEvent(new PersonChanged(agency, person));
        return new PersonRole(
                current.id(), current.role(), current.programId(), current.teamId(), current.startDate(), endDate);
    }

    /** Deactivates or reactivates a person. A deactivated person cannot sign in; nothing is deleted. */
    @Transactional
    public Person setActive(AgencyId agency, PersonId id, boolean active) {
        if (!people.setActive(agency, id, active)) {
            throw new NotFoundException("person", id);
        }
        events.publishEvent(new PersonChanged(agency, id));
        return requirePerson(agency, id);
    }

    /**
     * Adds many people with their roles at once, keeping their ids; for importing a whole agency.
     * Teams and programs named in roles are not checked: the importer vouches for them.
     */
    @Transactional
    public void importPeople(AgencyId agency, List<Person> persons) {
        people.insertAll(agency, persons);
        if (!persons.isEmpty()) {
            events.publishEvent(new PersonChanged(agency, persons.get(0).id()));
        }
    }

    /** Every person of the agency, active or not, with all their roles; for in-memory indexes. */
    @Transactional(readOnly = true)
    public List<Person> everyone(AgencyId agency) {
        return people.all(agency);
    }

    /**
     * The active people, in any agency, whose email address is this one (ignoring case); for the
     * public contact form, which proves ownership by sending a link there. Not for display.
     */
    @Transactional(readOnly = true)
    public List<Person> withEmail(String email) {
        return people.withEmail(email == null ? "" : email.strip());
    }

    /** Everyone's display name by id, for pages and answers that name people the reader may see. */
    @Transactional(readOnly = true)
    public java.util.Map<PersonId, String> displayNames(AgencyId agency) {
        java.util.Map<PersonId, String> names = new java.util.HashMap<>();
        for (Person p : people.all(agency)) {
            names.put(p.id(), p.displayName());
        }
        return names;
    }

    /** The active people who hold the role today, for routing notices and work; not for display. */
    @Transactional(readOnly = true)
    public List<PersonId> holding(AgencyId agency, Role role) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return people.all(agency).stream()
                .filter(p -> p.active() && p.activeRoles(today).contains(role))
                .map(Person::id)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Program> programs(AgencyId agency) {
        return programs.all(agency);
    }

    @Transactional
    public Program createProgram(AgencyId agency, String name, @Nullable String description) {
        ProgramId id = programs.insert(agency, name, description);
        return programs.find(agency, id).orElseThrow();
    }

    @Transactional
    public Team createTeam(AgencyId agency, ProgramId program, String name) {
        programs.find(agency, program).orElseThrow(() -> new NotFoundException("program", program));
        TeamId id = programs.insertTeam(agency, program, name);
        return programs.findTeam(agency, id).orElseThrow();
    }

    /** Creates a team with a given id, as an import of a whole agency needs. */
    @Transactional
    public Team createTeam(AgencyId agency, ProgramId program, TeamId id, String name) {
        programs.find(agency, program).orElseThrow(() -> new NotFoundException("program", program));
        programs.insertTeam(agency, program, id, name);
        return programs.findTeam(agency, id).orElseThrow();
    }

    /** The agency's name, for headers and titles. */
    @Transactional(readOnly = true)
    public String agencyName(AgencyId agency) {
        return agencies.find(agency)
                .map(Agencies.AgencyView::name)
                .orElseThrow(() -> new NotFoundException("agency", agency));
    }

    @Transactional(readOnly = true)
    public boolean isDemo(AgencyId agency) {
        return agencies.find(agency).map(Agencies.AgencyView::demo).orElse(false);
    }

    /** The fictional demo agency, if this installation has one. */
    @Transactional(readOnly = true)
    public Optional<AgencyId> demoAgency() {
        return agencies.demo();
    }

    @Transactional(readOnly = true)
    public boolean agencyExists(AgencyId agency) {
        return agencies.find(agency).isPresent();
    }

    /** Creates an agency (tenant) with a given id, as an import of a whole agency needs. */
    @Transactional
    public AgencyId createAgency(AgencyId id, String name, boolean demo) {
        return agencies.insert(id, name, demo);
    }

    /** Creates an agency (tenant). */
    @Transactional
    public AgencyId createAgency(String name, boolean demo) {
        return agencies.insert(name, demo);
    }

    /** The user name of the person's account, if they can sign in. */
    @Transactional(readOnly = true)
    public Optional<String> usernameOf(AgencyId agency, PersonId person) {
        return accounts.usernameOf(agency, person);
    }

    /** Problems with a password as message keys (see {@link PasswordPolicy#problems}). */
    public List<String> passwordProblems(String password, String username) {
        return policy.problems(password, username);
    }

    /**
     * Lets a person sign in with a user name and password.
     *
     * @throws IllegalArgumentException when the user name is malformed or the password breaks the
     *     policy
     * @throws ConflictException when the user name is taken or the person already has an account
     */
    @Transactional
    public AccountId openAccount(AgencyId agency, PersonId person, String username, String password) {
        String name = Usernames.validate(username);
        List<String> problems = policy.problems(password, name);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(PasswordPolicy.describe(problems.get(0)));
        }
        requirePerson(agency, person);
        if (accounts.usernameOf(agency, person).isPresent()) {
            throw new ConflictException("This person can already sign in.");
        }
        if (accounts.findByUsername(name).isPresent()) {
            throw new ConflictException("The user name '" + name + "' is taken.");
        }
        return accounts.insert(agency, person, name, passwords.encode(password));
    }

    /**
     * Creates an account without applying the password policy. Only for the fictional demo agency,
     * whose documented password is shared by every demo account.
     */
    @Transactional
    public AccountId openDemoAccount(AgencyId agency, PersonId person, String username, String password) {
        if (!isDemo(agency)) {
            throw new IllegalStateException("demo accounts are only for the demo agency");
        }
        return accounts.insert(agency, person, Usernames.validate(username), passwords.encode(password));
    }

    /**
     * Changes the signed-in person's password after checking the current one.
     *
     * @throws IllegalArgumentException when the current password is wrong or the new one breaks the policy
     */
    @Transactional
    public void changePassword(SignedInUser user, String currentPassword, String newPassword) {
        Accounts.AccountRow account = accounts.findById(user.accountId())
                .orElseThrow(() -> new NotFoundException("account", user.accountId()));
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new IllegalArgumentException("the current password is not right");
        }
        List<String> problems = policy.problems(newPassword, account.username());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(PasswordPolicy.describe(problems.get(0)));
        }
        accounts.changePassword(user.accountId(), passwords.encode(newPassword));
    }

    @Transactional
    public ApiTokens.IssuedToken issueToken(SignedInUser user, String label, Duration lifetime) {
        return tokens.issue(user.agencyId(), user.accountId(), label, lifetime);
    }

    @Transactional(readOnly = true)
    public List<ApiTokens.TokenView> tokensOf(SignedInUser user) {
        return tokens.of(user.agencyId(), user.accountId());
    }

    @Transactional
    public boolean revokeToken(SignedInUser user, java.util.UUID tokenId) {
        return tokens.revoke(user.agencyId(), user.accountId(), tokenId);
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return accounts.anyExist();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
