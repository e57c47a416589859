package org.mutuality.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.account.Accounts;
import org.mutuality.directory.account.ApiTokens;
import org.mutuality.directory.account.InvitationMailer;
import org.mutuality.directory.account.Invitations;
import org.mutuality.directory.account.PasswordPolicy;
import org.mutuality.directory.account.Sessions;
import org.mutuality.directory.agencies.Agencies;
import org.mutuality.directory.people.People;
import org.mutuality.directory.programs.Programs;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Text;
import org.mutuality.shared.Tokens;
import org.springframework.beans.factory.annotation.Value;
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
    private final Sessions sessions;
    private final AuditLog audit;
    private final Duration tokenMaxLifetime;
    private final Invitations invitations;
    private final InvitationMailer invitationMailer;

    Directory(
            People people,
            Programs programs,
            Agencies agencies,
            Accounts accounts,
            ApiTokens tokens,
            PasswordEncoder passwords,
            Clock clock,
            ApplicationEventPublisher events,
            Sessions sessions,
            AuditLog audit,
            @Value("${mutuality.security.token-max-lifetime:30d}") Duration tokenMaxLifetime,
            Invitations invitations,
            InvitationMailer invitationMailer) {
        this.invitations = invitations;
        this.invitationMailer = invitationMailer;
        this.events = events;
        this.sessions = sessions;
        this.audit = audit;
        this.tokenMaxLifetime = tokenMaxLifetime;
        this.people = people;
        this.programs = programs;
        this.agencies = agencies;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The signed-in person's own record. */
    public Person self(SignedInUser user) {
        return requirePerson(user.agencyId(), user.personId());
    }

    /** The person with this id in the agency, if any. */
    @Transactional(readOnly = true)
    public Optional<Person> person(AgencyId agency, PersonId id) {
        return people.find(agency, id);
    }

    /**
     * The person with this id in the agency; {@link NotFoundException} otherwise. The exception does
     * not spoil the caller's transaction: a module that keeps the audit entry of a refusal
     * ({@code noRollbackFor}) answers a missing person with the same 404 as a hidden one.
     */
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Person requirePerson(AgencyId agency, PersonId id) {
        return people.find(agency, id).orElseThrow(() -> new NotFoundException("notFound.person", id));
    }

    /**
     * The person, if the viewer may see their profile (staff see everyone of the agency; others only
     * themselves); {@link NotFoundException} otherwise, so a hidden person looks the same as a
     * missing one.
     */
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public Person visibleTo(SignedInUser viewer, PersonId id) {
        Person person = requirePerson(viewer.agencyId(), id);
        if (!viewer.mayViewProfileOf(id)) {
            throw NotFoundException.hiding("notFound.person", id, id.value());
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
     * Adds a person with their first roles on behalf of an administrator: privileged roles are only
     * proposed, as by {@link #proposeRole}. All or nothing.
     *
     * @throws ForbiddenException when {@code by} is not an administrator
     */
    @Transactional
    public Person register(SignedInUser by, PersonDetails details, List<AssignRole> roles) {
        requireAdministrator(by);
        PersonId id = PersonId.random();
        people.insert(by.agencyId(), id, details);
        roles.forEach(role -> proposeRole(by, id, role));
        events.publishEvent(new PersonChanged(by.agencyId(), id));
        return requirePerson(by.agencyId(), id);
    }

    /**
     * An administrator gives a person a role. A privileged role ({@link Role#isPrivileged()}) is only
     * proposed: it is held once a second person confirms it ({@link #confirmRole}); nobody proposes one
     * for themselves. Other roles are held at once. The person and every privacy lead are told of a
     * proposal ({@link RoleProposed}).
     *
     * @throws ForbiddenException when {@code by} is not an administrator, or proposes a privileged
     *     role for themselves
     */
    @Transactional
    public PersonRole proposeRole(SignedInUser by, PersonId person, AssignRole command) {
        requireAdministrator(by);
        boolean privileged = command.role().isPrivileged();
        if (privileged && by.isSelf(person)) {
            throw new ForbiddenException("role.notForYourself");
        }
        PersonRole role = insertRole(by.agencyId(), person, command, by.personId(), privileged);
        if (privileged) {
            events.publishEvent(new RoleProposed(by.agencyId(), person, role.id(), role.role(), by.personId()));
        }
        return role;
    }

    /**
     * A second person confirms a proposed privileged role: an administrator or a privacy lead who
     * neither proposed it nor would hold it. The person holds it at once, and they and every privacy
     * lead are told ({@link RoleConfirmed}).
     *
     * @throws NotFoundException when the person or the role is not found
     * @throws ForbiddenException when {@code by} may not confirm it
     * @throws ConflictException when the role is not waiting for confirmation
     */
    @Transactional
    public PersonRole confirmRole(SignedInUser by, PersonId person, RoleId roleId) {
        if (!by.isAdministrator() && !by.isPrivacyLead()) {
            throw new ForbiddenException("role.confirmerOnly");
        }
        PersonRole current = requirePerson(by.agencyId(), person).roles().stream()
                .filter(r -> r.id().equals(roleId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.role", roleId));
        if (!current.awaitingConfirmation()) {
            throw new ConflictException("role.notWaiting");
        }
        String refusal = current.whyNotConfirmableBy(by.personId(), person);
        if (refusal != null) {
            throw new ForbiddenException(refusal);
        }
        if (!people.confirmRole(by.agencyId(), person, roleId, by.personId())) {
            throw new ConflictException("role.notWaiting");
        }
        events.publishEvent(new PersonChanged(by.agencyId(), person));
        events.publishEvent(new RoleConfirmed(by.agencyId(), person, roleId, current.role(), by.personId()));
        return new PersonRole(
                current.id(),
                current.role(),
                current.programId(),
                current.teamId(),
                current.startDate(),
                current.endDate(),
                current.proposedBy(),
                false);
    }

    /**
     * Replaces a person's names, pronouns and contact details, as {@code by} (the person, or an
     * administrator: the caller checks who may). A changed email address is remembered with who
     * changed it, which keeps them from sending the link to choose a password there
     * ({@link #inviteToAccount}), and is announced ({@link EmailChanged}): to the address it replaced,
     * and, when someone else changed it, to the privacy leads.
     *
     * @param expectedVersion the version the editor saw; a later change by someone else refuses the
     *     update with {@link ConflictException} rather than silently overwriting it
     */
    @Transactional
    public Person correct(SignedInUser by, PersonId id, PersonDetails details, int expectedVersion) {
        AgencyId agency = by.agencyId();
        String previous = requirePerson(agency, id).details().email();
        if (!people.update(agency, id, details, expectedVersion)) {
            throw new ConflictException("person.changedMeanwhile");
        }
        if (!sameAddress(previous, details.email())) {
            people.emailChanged(agency, id, by.personId());
            events.publishEvent(new EmailChanged(agency, id, by.personId(), previous));
        }
        events.publishEvent(new PersonChanged(agency, id));
        return requirePerson(agency, id);
    }

    /** Addresses differ in more than letter case (the domain ignores case, and so do mail servers in practice). */
    private static boolean sameAddress(@Nullable String a, @Nullable String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b == null ? "" : b);
    }

    /**
     * Gives a person a role. The program and team, when given, must be the agency's own, and the team
     * must belong to the program.
     */
    @Transactional
    public PersonRole assignRole(AgencyId agency, PersonId person, AssignRole command) {
        return insertRole(agency, person, command, null, false);
    }

    private PersonRole insertRole(
            AgencyId agency,
            PersonId person,
            AssignRole command,
            @Nullable PersonId proposedBy,
            boolean awaitingConfirmation) {
        requirePerson(agency, person);
        ProgramId program = command.programId();
        if (program != null && programs.find(agency, program).isEmpty()) {
            throw new NotFoundException("notFound.program", program);
        }
        TeamId teamId = command.teamId();
        if (teamId != null) {
            Team team =
                    programs.findTeam(agency, teamId).orElseThrow(() -> new NotFoundException("notFound.team", teamId));
            if (program != null && !team.programId().equals(program)) {
                throw new BadInputException("role.teamNotInProgram");
            }
            if (program == null) {
                command = new AssignRole(
                        command.role(), team.programId(), teamId, command.startDate(), command.endDate());
            }
        }
        RoleId id = RoleId.random();
        people.insertRole(agency, person, id, command, proposedBy, awaitingConfirmation);
        events.publishEvent(new PersonChanged(agency, person));
        return requirePerson(agency, person).roles().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Ends a role on the given day: from that day on it is not held, so ending it today takes effect
     * at once. The role is kept as history.
     */
    @Transactional
    public PersonRole endRole(AgencyId agency, PersonId person, RoleId role, LocalDate endDate) {
        PersonRole current = requirePerson(agency, person).roles().stream()
                .filter(r -> r.id().equals(role))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.role", role));
        if (endDate.isBefore(current.startDate())) {
            throw new BadInputException(
                    "role.endsBeforeStart", Explanation.field("endDate"), current.startDate(), endDate);
        }
        if (current.endDate() != null && !current.endDate().isAfter(endDate)) {
            throw new ConflictException("role.alreadyEnds", current.endDate());
        }
        people.endRole(agency, person, role, endDate);
        endEverything(agency, person, "ROLE_ENDED");
        events.publishEvent(new PersonChanged(agency, person));
        return new PersonRole(
                current.id(),
                current.role(),
                current.programId(),
                current.teamId(),
                current.startDate(),
                endDate,
                current.proposedBy(),
                current.awaitingConfirmation());
    }

    /**
     * Deactivates or reactivates a person. A deactivated person cannot sign in, and every browser
     * session and API token they had ends at once; nothing is deleted.
     */
    @Transactional
    public Person setActive(AgencyId agency, PersonId id, boolean active) {
        if (!people.setActive(agency, id, active)) {
            throw new NotFoundException("notFound.person", id);
        }
        if (!active) {
            endEverything(agency, id, "DEACTIVATED");
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

    /** The agency's active peer workers and volunteer peers today ({@link Person#isActivePeerOn}). */
    @Transactional(readOnly = true)
    public List<Person> activePeers(AgencyId agency) {
        LocalDate today = today();
        return people.all(agency).stream().filter(p -> p.isActivePeerOn(today)).toList();
    }

    /** The agency's people by legal name, for seeding the demo agency's records. */
    @Transactional(readOnly = true)
    public DemoCast demoCast(AgencyId agency) {
        return new DemoCast(people.all(agency).stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.details().legalName(), Person::id, (a, b) -> a)));
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

    /**
     * Who coordinates a program today: the active people who hold {@code SUPERVISOR} or {@code
     * MANAGER} in it, or across the whole agency. The one definition, for routing referrals, contact
     * and concerns, and for deciding who may coordinate.
     */
    @Transactional(readOnly = true)
    public List<PersonId> coordinatorsOf(AgencyId agency, ProgramId program) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return people.all(agency).stream()
                .filter(p -> p.active() && coordinatesOn(p, program, today))
                .map(Person::id)
                .toList();
    }

    /**
     * Whether a person coordinates a program today ({@link #coordinatorsOf}); with {@code program}
     * null, whether they coordinate any program.
     */
    @Transactional(readOnly = true)
    public boolean coordinates(AgencyId agency, PersonId person, @Nullable ProgramId program) {
        return person(agency, person)
                .filter(p -> p.active() && coordinatesOn(p, program, java.time.LocalDate.now(clock)))
                .isPresent();
    }

    /**
     * Whether a person coordinates a program that {@code subject} has a role in today, or the whole
     * agency: who may see conflict checks about the subject and who else can act for them.
     */
    @Transactional(readOnly = true)
    public boolean coordinatesProgramOf(AgencyId agency, PersonId person, PersonId subject) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.util.Set<ProgramId> programs = requirePerson(agency, subject).roles().stream()
                .filter(r -> r.activeOn(today) && r.programId() != null)
                .map(PersonRole::programId)
                .collect(java.util.stream.Collectors.toSet());
        return person(agency, person)
                .filter(p -> p.active()
                        && p.roles().stream()
                                .anyMatch(r -> r.activeOn(today)
                                        && (r.role() == Role.SUPERVISOR || r.role() == Role.MANAGER)
                                        && (r.programId() == null || programs.contains(r.programId()))))
                .isPresent();
    }

    private static boolean coordinatesOn(Person p, @Nullable ProgramId program, java.time.LocalDate day) {
        return p.roles().stream()
                .anyMatch(r -> r.activeOn(day)
                        && (r.role() == Role.SUPERVISOR || r.role() == Role.MANAGER)
                        && (r.programId() == null
                                || program == null
                                || r.programId().equals(program)));
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

    /**
     * An administrator adds a program, audited.
     *
     * @throws ForbiddenException unless an administrator asks
     * @throws BadInputException without a name, or with a name over 200 or a description over 2,000
     *     characters
     * @throws ConflictException when the agency already has a program of that name
     */
    @Transactional
    public Program createProgram(SignedInUser by, @Nullable String name, @Nullable String description) {
        requireAdministrator(by);
        String named = Text.required("name", name, Text.Limit.NAME);
        String described = Text.optional("description", description, Text.Limit.MESSAGE);
        if (programs(by.agencyId()).stream().anyMatch(p -> p.name().equalsIgnoreCase(named))) {
            throw new ConflictException("program.duplicate");
        }
        Program program = createProgram(by.agencyId(), named, described);
        audit.record(AuditEvent.by(by, AuditAction.CREATE_PROGRAM, AuditOutcome.DONE)
                .about(null, "PROGRAM", program.id().value().toString())
                .because("DIRECTORY", "ADMINISTRATOR"));
        return program;
    }

    /**
     * An administrator adds a team to a program, audited.
     *
     * @throws ForbiddenException unless an administrator asks
     * @throws NotFoundException when the program is not the agency's
     * @throws BadInputException without a name, or with one over 200 characters
     * @throws ConflictException when the program already has a team of that name
     */
    @Transactional
    public Team createTeam(SignedInUser by, ProgramId program, @Nullable String name) {
        requireAdministrator(by);
        String named = Text.required("name", name, Text.Limit.NAME);
        Program existing = programs.find(by.agencyId(), program)
                .orElseThrow(() -> new NotFoundException("notFound.program", program));
        if (existing.teams().stream().anyMatch(t -> t.name().equalsIgnoreCase(named))) {
            throw new ConflictException("team.duplicate");
        }
        Team team = createTeam(by.agencyId(), program, named);
        audit.record(AuditEvent.by(by, AuditAction.CREATE_TEAM, AuditOutcome.DONE)
                .about(null, "TEAM", team.id().value().toString())
                .because("DIRECTORY", "ADMINISTRATOR"));
        return team;
    }

    @Transactional
    public Team createTeam(AgencyId agency, ProgramId program, String name) {
        return createTeam(agency, program, TeamId.random(), name);
    }

    /** Creates a team with a given id, as an import of a whole agency needs. */
    @Transactional
    public Team createTeam(AgencyId agency, ProgramId program, TeamId id, String name) {
        programs.find(agency, program).orElseThrow(() -> new NotFoundException("notFound.program", program));
        programs.insertTeam(agency, program, id, name);
        return programs.findTeam(agency, id).orElseThrow();
    }

    /** The agency's name, for headers and titles. */
    @Transactional(readOnly = true)
    public String agencyName(AgencyId agency) {
        return agencies.find(agency)
                .map(Agencies.AgencyView::name)
                .orElseThrow(() -> new NotFoundException("notFound.agency", agency));
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
        AgencyId created = agencies.insert(id, name, demo);
        events.publishEvent(new AgencyCreated(created));
        return created;
    }

    /** Creates an agency (tenant). */
    @Transactional
    public AgencyId createAgency(String name, boolean demo) {
        AgencyId created = agencies.insert(name, demo);
        events.publishEvent(new AgencyCreated(created));
        return created;
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
            throw new BadInputException(problems.get(0));
        }
        requirePerson(agency, person);
        if (accounts.usernameOf(agency, person).isPresent()) {
            throw new ConflictException("account.alreadyOpen");
        }
        if (accounts.findByUsername(name).isPresent()) {
            throw new ConflictException("account.usernameTaken", name);
        }
        AccountId account = accounts.insert(agency, person, name, passwords.encode(password));
        events.publishEvent(new AccountOpened(agency, person));
        return account;
    }

    /**
     * An administrator opens an account for someone else: the account has no password anyone knows
     * until its person chooses one through a one-time link emailed to the address the agency has for
     * them ({@link #acceptInvitation}). The administrator never holds a usable password for someone
     * else, so cannot read a person's record as that person; nor does an administrator send the link
     * to an address they changed themselves ({@link #correct}), since whoever chose the address chose
     * who receives the link (ADR 0016). The person and every privacy lead are told ({@link
     * AccountOpened}).
     *
     * @throws ForbiddenException when {@code by} is not an administrator
     * @throws IllegalArgumentException when the user name is malformed or the person has no email
     * @throws ConflictException when {@code by} changed the person's email address themselves (another
     *     administrator sends the link; the refusal is audited), the user name is used by anyone on
     *     the installation (the answer does not say where, and the attempt is audited), the person can
     *     already sign in, or no mail server is configured
     */
    @Transactional(noRollbackFor = ConflictException.class) // refusals are checked before anything is written
    public InvitationSent inviteToAccount(SignedInUser by, PersonId person, String username, Locale locale) {
        requireAdministrator(by);
        String name = Usernames.validate(username);
        Person invited = requirePerson(by.agencyId(), person);
        String email = invited.details().email();
        if (email == null || email.isBlank()) {
            throw new BadInputException("account.emailFirst");
        }
        if (people.emailChangedBy(by.agencyId(), person)
                .filter(by.personId()::equals)
                .isPresent()) {
            // Nobody grants themselves access: whoever chose the address chose who receives the link.
            audit.record(AuditEvent.by(by, AuditAction.OPEN_ACCOUNT, AuditOutcome.DENIED)
                    .about(person.value(), "ACCOUNT", null)
                    .noting("address changed by the inviter"));
            throw new ConflictException("account.addressChangedByYou");
        }
        if (!invitationMailer.available()) {
            throw new ConflictException("account.mailNotSetUp");
        }
        if (accounts.usernameOf(by.agencyId(), person).isPresent()) {
            throw new ConflictException("account.alreadyOpen");
        }
        if (accounts.findByUsername(name).isPresent()) {
            // User names are unique on the whole installation, since signing in names no agency. The
            // answer is the same wherever the name is used and names no agency or person; trying names
            // leaves a trail in this agency's log (ADR 0016).
            audit.record(AuditEvent.by(by, AuditAction.OPEN_ACCOUNT, AuditOutcome.DENIED)
                    .about(person.value(), "ACCOUNT", null)
                    .noting("user name unavailable"));
            throw new ConflictException("account.usernameUnavailable");
        }
        // A password nobody knows, until the person chooses theirs through the link.
        AccountId account = accounts.insert(by.agencyId(), person, name, passwords.encode(Tokens.newSecret()));
        Invitations.Issued issued = invitations.issue(by.agencyId(), account, by.personId());
        invitationMailer.send(email, name, issued.token(), locale);
        events.publishEvent(new AccountOpened(by.agencyId(), person));
        return new InvitationSent(issued.expiresAt());
    }

    /**
     * The person chooses the first password of the account opened for them, through the link they
     * were emailed. The link works once.
     *
     * @throws NotFoundException when the link is unknown, used or expired
     * @throws IllegalArgumentException when the password breaks the policy (the link still works)
     */
    @Transactional
    public void acceptInvitation(String token, String password) {
        AccountId account =
                invitations.find(token).orElseThrow(() -> new NotFoundException("notFound.invitation", "link"));
        Accounts.AccountRow row =
                accounts.findById(account).orElseThrow(() -> new NotFoundException("notFound.invitation", "link"));
        List<String> problems = policy.problems(password, row.username());
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.get(0));
        }
        if (!invitations.use(token)) {
            throw new NotFoundException("notFound.invitation", "link");
        }
        accounts.changePassword(account, passwords.encode(password));
        audit.record(new AuditEvent(
                row.agencyId(),
                row.personId().value(),
                null,
                AuditAction.ACCEPT_INVITATION,
                row.personId().value(),
                "ACCOUNT",
                account.value().toString(),
                null,
                null,
                AuditOutcome.DONE,
                null));
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
     * Changes the signed-in person's password after checking the current one, and ends every other
     * browser session and every API token of theirs.
     *
     * @param keep the browser session the change was made in, which goes on; null ends them all
     * @throws IllegalArgumentException when the current password is wrong or the new one breaks the policy
     */
    @Transactional
    public void changePassword(
            SignedInUser user, String currentPassword, String newPassword, @Nullable BrowserSessionId keep) {
        Accounts.AccountRow account = accounts.findById(user.accountId())
                .orElseThrow(() -> new NotFoundException("notFound.account", user.accountId()));
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new BadInputException("password.currentWrong");
        }
        List<String> problems = policy.problems(newPassword, account.username());
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.get(0));
        }
        accounts.changePassword(user.accountId(), passwords.encode(newPassword));
        audit.record(AuditEvent.by(user, AuditAction.CHANGE_PASSWORD, AuditOutcome.DONE)
                .about(user.actorPersonId(), "ACCOUNT", user.accountId().value().toString()));
        sessions.endEverything(user.agencyId(), user.accountId(), user.personId(), "PASSWORD_CHANGED", user, keep);
    }

    /**
     * Ends every browser session and every API token of the person at once, on every node: each stops
     * working at its next request, and the person must sign in again. Records one audit entry. Use it
     * whenever what the person may do has changed in a way an open session must not outlive (a
     * privileged role granted or confirmed, for example). Deactivation, ending a role and a password
     * change already do it. A person without an account is left as they are.
     */
    @Transactional
    public void endSessionsOf(AgencyId agency, PersonId person) {
        requirePerson(agency, person);
        endEverything(agency, person, "ENDED");
    }

    private void endEverything(AgencyId agency, PersonId person, String reason) {
        accounts.idOf(agency, person)
                .ifPresent(account -> sessions.endEverything(agency, account, person, reason, null, null));
    }

    /** The longest an API token may live ({@code mutuality.security.token-max-lifetime}, 30 days by default). */
    public Duration tokenMaxLifetime() {
        return tokenMaxLifetime;
    }

    /**
     * Issues an API token to the signed-in person, and records it in the audit log.
     *
     * @param endWith a browser session whose sign-out also ends the token, or null
     * @throws IllegalArgumentException when the lifetime is not positive or longer than {@link #tokenMaxLifetime()}
     */
    @Transactional
    public IssuedToken issueToken(
            SignedInUser user, String label, Duration lifetime, @Nullable BrowserSessionId endWith) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(tokenMaxLifetime) > 0) {
            throw new BadInputException("token.lifetime", tokenMaxLifetime, tokenMaxLifetime.toDays(), lifetime);
        }
        IssuedToken issued = tokens.issue(user.agencyId(), user.accountId(), label, lifetime, endWith);
        audit.record(AuditEvent.by(user, AuditAction.ISSUE_TOKEN, AuditOutcome.DONE)
                .about(user.actorPersonId(), "API_TOKEN", issued.id().toString())
                .noting("lifetime " + lifetime + (endWith == null ? "" : "; ends with its browser session")));
        return issued;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokensOf(SignedInUser user) {
        return tokens.of(user.agencyId(), user.accountId());
    }

    /** Revokes one of the person's own tokens, with an audit entry; false if none of theirs is open. */
    @Transactional
    public boolean revokeToken(SignedInUser user, ApiTokenId tokenId) {
        if (!tokens.revoke(user.agencyId(), user.accountId(), tokenId)) {
            return false;
        }
        audit.record(AuditEvent.by(user, AuditAction.REVOKE_TOKEN, AuditOutcome.DONE)
                .about(user.actorPersonId(), "API_TOKEN", tokenId.toString()));
        return true;
    }

    /**
     * The signed-in person's browser sessions and API tokens that still work, newest first, with the
     * current one marked.
     */
    @Transactional(readOnly = true)
    public List<SignedInSession> sessionsOf(
            SignedInUser user, @Nullable BrowserSessionId currentSession, @Nullable ApiTokenId currentToken) {
        return sessions.of(user, currentSession, currentToken);
    }

    /**
     * Ends one of the person's own sessions or tokens, named by the value of its {@link SignInId} (a
     * page or a URL does not say which kind it is); false, ending nothing, if it is not theirs.
     */
    @Transactional
    public boolean endSession(SignedInUser user, UUID id) {
        return sessions.endOne(user, id);
    }

    /** Ends every session and token of the person but the current one; returns how many ended. */
    @Transactional
    public int endOtherSessions(
            SignedInUser user, @Nullable BrowserSessionId currentSession, @Nullable ApiTokenId currentToken) {
        return sessions.endOthers(user, currentSession, currentToken);
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return accounts.anyExist();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireAdministrator(SignedInUser by) {
        if (!by.isAdministrator()) {
            throw new ForbiddenException("directory.administratorsOnly");
        }
    }
}
