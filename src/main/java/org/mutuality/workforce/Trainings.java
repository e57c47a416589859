package org.mutuality.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.training.TrainingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training and certification (S19, issue 16). Who may do what (ADR 0024):
 *
 * <ol>
 *   <li>any staff member reads the agency's catalogue; a manager or the privacy lead adds an entry
 *       and sets what each entry is required of and how often it is renewed;
 *   <li>a person's training file (records, certifications, certificates) is read by the person, by
 *       whoever supervises them today ({@code SUPERVISES}), by the agency's managers and by its
 *       privacy lead; nobody else, administrators included, and no break-the-glass grant opens it.
 *       Anyone else is answered as if the person did not exist, and the refusal is audited;
 *   <li>the person records their own trainings and certifications, and a manager records them for
 *       any staff member; a supervisor or the privacy lead reads but does not record;
 *   <li>a certificate is a PDF, PNG or JPEG file of at most 5 MB, known by its content; it is kept in
 *       the database and downloaded only by a reader of rule 2, each download audited;
 *   <li>the compliance report (who is due or overdue, by role and program) is for managers and the
 *       privacy lead; each person in it is a read of their file, audited;
 *   <li>the rules are written for roles, never for a kind of person: the parity report checks that no
 *       entry asks more of peer staff than of other staff ({@link TrainingParity}).
 * </ol>
 *
 * Every read asks the access guard ({@code TRAINING_RECORDS}, vouching for the reader's part) through
 * {@link RecordTrail} and is audited; every write is audited about the person, never with what was
 * written.
 */
@Service
public class Trainings {

    private static final Logger log = LoggerFactory.getLogger(Trainings.class);

    private static final String NO_PERSON = "notFound.person";

    /** What a training file is to the access guard and the audit. */
    private static final RecordKind KIND_OF_RECORD = RecordKind.TRAINING_RECORDS;

    private final TrainingStore store;
    private final RecordTrail trail;
    private final Directory directory;
    private final RelationshipRegister relationships;
    private final AuditLog audit;
    private final TransactionTemplate seeding;
    private final Clock clock;

    Trainings(
            TrainingStore store,
            RecordTrail trail,
            Directory directory,
            RelationshipRegister relationships,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.trail = trail;
        this.directory = directory;
        this.relationships = relationships;
        this.audit = audit;
        this.seeding = new TransactionTemplate(transactions);
        this.seeding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // ---- the catalogue (rule 1)

    /**
     * The agency's catalogue: the shipped entries first, then its own.
     *
     * @throws ForbiddenException for anyone who is not staff
     */
    @Transactional(readOnly = true)
    public List<Training> catalogue(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("training.staffOnly");
        }
        return catalogue(user.agencyId());
    }

    /** Whether the person keeps the catalogue: a manager or the privacy lead. */
    public boolean keepsCatalogue(SignedInUser user) {
        return user.has(Role.MANAGER) || user.isPrivacyLead();
    }

    /**
     * Adds an entry of the agency's own, audited as a change of policy.
     *
     * @throws ForbiddenException unless the person is a manager or the privacy lead
     * @throws BadInputException when the name, a role or the renewal is refused ({@link Training#define})
     */
    @Transactional
    public Training define(
            SignedInUser by, @Nullable String name, Set<Role> requiredFor, @Nullable Integer renewEveryMonths) {
        requireKeeper(by);
        ensureShipped(by.agencyId());
        Training training = Training.define(name, requiredFor, renewEveryMonths, clock.instant());
        store.insert(by.agencyId(), training);
        policyChanged(by, training, "training added");
        return training;
    }

    /**
     * Sets what an entry is required of and how often it is renewed, audited as a change of policy.
     * Records already made keep the expiry they were given.
     *
     * @throws ForbiddenException unless the person is a manager or the privacy lead
     * @throws NotFoundException when the agency has no such entry
     * @throws ConflictException when someone changed it since {@code version}
     */
    @Transactional
    public Training require(
            SignedInUser by, TrainingId id, Set<Role> requiredFor, @Nullable Integer renewEveryMonths, int version) {
        requireKeeper(by);
        Training current = training(by.agencyId(), id);
        if (current.version() != version) {
            throw new ConflictException("training.changedMeanwhile");
        }
        Training changed = current.require(requiredFor, renewEveryMonths);
        store.save(by.agencyId(), changed);
        policyChanged(by, changed, "training requirements changed");
        return store.training(by.agencyId(), id).orElseThrow();
    }

    // ---- a person's file (rules 2 to 4)

    /**
     * The person's file, for a reader of rule 2, audited.
     *
     * @throws NotFoundException when there is no such person in the reader's agency, and for any
     *     other reader, exactly as for a missing person (the refusal audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public TrainingFile fileOf(SignedInUser reader, PersonId person) {
        Person subject = readable(reader, person);
        LocalDate today = today();
        List<Training> catalogue = catalogue(reader.agencyId());
        List<TrainingRecord> records = store.records(reader.agencyId(), person);
        List<Certification> certifications = store.certifications(reader.agencyId(), person);
        return new TrainingFile(
                person,
                subject.displayName(),
                Compliance.of(subject.activeRoles(today), catalogue, records, certifications, today),
                records,
                certifications,
                catalogue.stream().collect(Collectors.toMap(Training::id, Function.identity())),
                mayRecord(reader, subject));
    }

    /**
     * How many of the reader's own required trainings and certifications are missing, expired or
     * expiring soon, for their home screen (a read of their own file, audited as one).
     */
    @Transactional
    public long dueFor(SignedInUser reader) {
        if (!reader.isStaff()) {
            return 0;
        }
        return fileOf(reader, reader.personId()).requirements().stream()
                .filter(r -> r.standing() != Standing.CURRENT)
                .count();
    }

    /**
     * Records a training the person completed, with its certificate when one is given (checked
     * before anything is saved), audited about the person.
     *
     * @throws NotFoundException for a missing person or a reader who may not read their file
     * @throws ForbiddenException when the writer may read the file but not record (rule 3), or the
     *     person is not staff
     * @throws BadInputException when the agency has no such training, the day is after today, or the
     *     certificate is refused
     */
    @Transactional
    public TrainingRecord record(
            SignedInUser by, PersonId person, CompleteTraining done, @Nullable Certificate certificate) {
        Person subject = writable(by, person);
        Training training = store.training(by.agencyId(), done.training())
                .orElseThrow(() -> new BadInputException("training.noSuchTraining", Explanation.field("trainingId")));
        TrainingRecord record = TrainingRecord.record(person, training, done, by.personId(), today(), clock.instant());
        store.insert(by.agencyId(), record);
        trail.written(by, subject.id(), KIND_OF_RECORD, record.id(), "training recorded");
        if (certificate != null) {
            store.attach(by.agencyId(), record.id(), certificate, by.personId(), clock.instant());
            trail.written(by, subject.id(), KIND_OF_RECORD, record.id(), "certificate attached");
            return record.attach(certificate.type());
        }
        return record;
    }

    /**
     * Attaches a certificate to one of the person's training records, replacing the one before,
     * audited.
     *
     * @throws NotFoundException for a missing person or record, or a reader who may not read the
     *     file
     * @throws ForbiddenException when the writer may read the file but not record
     * @throws BadInputException when no certificate is given (asked after who may attach one)
     */
    @Transactional
    public TrainingRecord attach(
            SignedInUser by, PersonId person, TrainingRecordId id, @Nullable Certificate certificate) {
        Person subject = writable(by, person);
        if (certificate == null) {
            throw new BadInputException("text.required", Explanation.field("certificate"));
        }
        TrainingRecord record = store.record(by.agencyId(), person, id)
                .orElseThrow(() -> new NotFoundException("notFound.trainingRecord", id));
        store.attach(by.agencyId(), id, certificate, by.personId(), clock.instant());
        trail.written(by, subject.id(), KIND_OF_RECORD, id, "certificate attached");
        return record.attach(certificate.type());
    }

    /**
     * The certificate of one of the person's training records, for a reader of rule 2; the download
     * is audited.
     *
     * @throws NotFoundException for a missing person, record or certificate, and for any other
     *     reader, exactly as for a missing person (the refusal audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Certificate certificate(SignedInUser reader, PersonId person, TrainingRecordId id) {
        readable(reader, person, id);
        return store.certificate(reader.agencyId(), id)
                .orElseThrow(() -> new NotFoundException("notFound.certificate", id));
    }

    /**
     * Records a certification the person holds, audited about the person.
     *
     * @throws NotFoundException for a missing person or a reader who may not read their file
     * @throws ForbiddenException when the writer may read the file but not record, or the person is
     *     not staff
     * @throws BadInputException when it was issued after today
     */
    @Transactional
    public Certification certify(SignedInUser by, PersonId person, Certify certify) {
        Person subject = writable(by, person);
        Certification c = Certification.record(person, certify, by.personId(), today(), clock.instant());
        store.insert(by.agencyId(), c);
        trail.written(by, subject.id(), KIND_OF_RECORD, c.id(), "certification recorded");
        return c;
    }

    /** Whether the reader may record trainings for the person: the person themselves, or a manager. */
    public boolean mayRecord(SignedInUser by, Person subject) {
        return by.isSelf(subject.id()) || by.has(Role.MANAGER);
    }

    // ---- compliance (rule 5)

    /** Whether the person sees the compliance report: a manager or the privacy lead. */
    public boolean seesCompliance(SignedInUser user) {
        return user.has(Role.MANAGER) || user.isPrivacyLead();
    }

    /**
     * Every active staff member's requirements, filtered to a role and a program they hold today when
     * given, and to what is due (missing, expired or expiring) when {@code dueOnly}; the most urgent
     * first, then by name. Each person shown is a read of their file, audited.
     *
     * @throws ForbiddenException unless the reader is a manager or the privacy lead
     */
    @Transactional
    public List<ComplianceRow> compliance(
            SignedInUser reader, @Nullable Role role, @Nullable ProgramId program, boolean dueOnly) {
        if (!seesCompliance(reader)) {
            throw new ForbiddenException("training.complianceWho");
        }
        AgencyId agency = reader.agencyId();
        LocalDate today = today();
        List<Training> catalogue = catalogue(agency);
        Map<PersonId, List<TrainingRecord>> records =
                store.records(agency).stream().collect(Collectors.groupingBy(TrainingRecord::person));
        Map<PersonId, List<Certification>> certifications =
                store.certifications(agency).stream().collect(Collectors.groupingBy(Certification::person));
        Map<ProgramId, String> programs =
                directory.programs(agency).stream().collect(Collectors.toMap(Program::id, Program::name));
        List<ComplianceRow> rows = new ArrayList<>();
        for (Person p : directory.everyone(agency)) {
            if (!p.active() || !p.isStaffOn(today) || !holds(p, role, program, today)) {
                continue;
            }
            List<Requirement> mine = Compliance.of(
                    p.activeRoles(today),
                    catalogue,
                    records.getOrDefault(p.id(), List.of()),
                    certifications.getOrDefault(p.id(), List.of()),
                    today);
            List<Requirement> shown =
                    mine.stream().filter(r -> !dueOnly || r.standing().due()).toList();
            if (shown.isEmpty()) {
                continue;
            }
            Basis party = party(reader, p, today);
            if (trail.read(reader, p.id(), KIND_OF_RECORD, party, "compliance") == null) {
                continue;
            }
            Set<Role> staffRoles = EnumSet.noneOf(Role.class);
            p.activeRoles(today).stream().filter(Role::isStaff).forEach(staffRoles::add);
            List<String> inPrograms = p.roles().stream()
                    .filter(r -> r.activeOn(today) && r.role().isStaff() && r.programId() != null)
                    .map(r -> programs.getOrDefault(r.programId(), ""))
                    .distinct()
                    .sorted()
                    .toList();
            for (Requirement r : shown) {
                rows.add(new ComplianceRow(p.id(), p.displayName(), staffRoles, inPrograms, r));
            }
        }
        rows.sort(Comparator.comparing((ComplianceRow r) -> r.requirement().standing())
                .thenComparing(ComplianceRow::name));
        return rows;
    }

    // ---- parity (rule 6)

    /**
     * The catalogue entries that single out peer staff, and how many overdue requirements each of
     * these staff members has, for the parity report (which audits its own read).
     */
    @Transactional(readOnly = true)
    public TrainingParity parity(AgencyId agency, Set<PersonId> staff) {
        LocalDate today = today();
        List<Training> catalogue = catalogue(agency);
        Map<PersonId, List<TrainingRecord>> records =
                store.records(agency).stream().collect(Collectors.groupingBy(TrainingRecord::person));
        Map<PersonId, List<Certification>> certifications =
                store.certifications(agency).stream().collect(Collectors.groupingBy(Certification::person));
        Map<PersonId, Integer> overdue = new HashMap<>();
        for (Person p : directory.everyone(agency)) {
            if (!staff.contains(p.id())) {
                continue;
            }
            int n = (int) Compliance.of(
                            p.activeRoles(today),
                            catalogue,
                            records.getOrDefault(p.id(), List.of()),
                            certifications.getOrDefault(p.id(), List.of()),
                            today)
                    .stream()
                    .filter(r -> r.standing().overdue())
                    .count();
            overdue.put(p.id(), n);
        }
        return new TrainingParity(
                catalogue.stream().filter(Training::singlesOutPeers).toList(), overdue);
    }

    // ---- helpers

    /** The catalogue, with the shipped entries added the first time an agency's is read. */
    private List<Training> catalogue(AgencyId agency) {
        ensureShipped(agency);
        return store.catalogue(agency);
    }

    /**
     * Adds the shipped entries to the agency's catalogue once, in a transaction of its own: two
     * requests that both find them missing race on the unique (agency, entry) key, and the loser's
     * failure must not roll back the request that asked.
     */
    private void ensureShipped(AgencyId agency) {
        if (store.hasShipped(agency)) {
            return;
        }
        try {
            seeding.executeWithoutResult(status -> {
                for (ShippedTraining s : ShippedTraining.values()) {
                    store.insert(agency, Training.shipped(s, clock.instant()));
                }
            });
        } catch (DataIntegrityViolationException e) {
            log.debug("Another request added the shipped trainings of agency {} first", agency);
        }
    }

    private Training training(AgencyId agency, TrainingId id) {
        ensureShipped(agency);
        return store.training(agency, id).orElseThrow(() -> new NotFoundException("notFound.training", id));
    }

    private void requireKeeper(SignedInUser by) {
        if (!keepsCatalogue(by)) {
            throw new ForbiddenException("training.whoKeepsCatalogue");
        }
    }

    private void policyChanged(SignedInUser by, Training training, String what) {
        audit.record(AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE)
                .about(null, "TRAINING_CATALOGUE", training.id().toString())
                .noting(what));
    }

    /** The person, if the reader may read their file (rule 2); the refusal audited and hidden otherwise. */
    private Person readable(SignedInUser reader, PersonId person) {
        return readable(reader, person, "training file");
    }

    private Person readable(SignedInUser reader, PersonId person, Object record) {
        Person subject = directory
                .person(reader.agencyId(), person)
                .orElseThrow(() -> new NotFoundException(NO_PERSON, person.value()));
        if (reader.isSelf(person)) {
            trail.read(reader, person, KIND_OF_RECORD, null, record);
            return subject;
        }
        Basis party = party(reader, subject, today());
        if (party == null) {
            trail.refused(reader, person, KIND_OF_RECORD, record);
            throw NotFoundException.hiding(NO_PERSON, person.value(), person.value());
        }
        if (trail.read(reader, person, KIND_OF_RECORD, party, record) == null) {
            throw NotFoundException.hiding(NO_PERSON, person.value(), person.value());
        }
        return subject;
    }

    /**
     * The person, if the writer may record for them (rule 3). A writer who may not even read the file
     * is answered as for a missing person (the web layer audits the refusal).
     */
    private Person writable(SignedInUser by, PersonId person) {
        Person subject = directory
                .person(by.agencyId(), person)
                .orElseThrow(() -> new NotFoundException(NO_PERSON, person.value()));
        if (!by.isSelf(person) && party(by, subject, today()) == null) {
            throw NotFoundException.hiding(NO_PERSON, person.value(), person.value());
        }
        if (!mayRecord(by, subject)) {
            throw new ForbiddenException("training.whoRecords").about(person.value());
        }
        if (!subject.isStaffOn(today())) {
            throw new ForbiddenException("training.staffOnly").about(person.value());
        }
        return subject;
    }

    /**
     * The part the reader has in someone's file (rule 2), or null: their supervisor today, a manager,
     * the privacy lead. Only a person who is or was staff has a file others may read.
     */
    private @Nullable Basis party(SignedInUser reader, Person subject, LocalDate today) {
        if (subject.roles().stream().map(PersonRole::role).noneMatch(Role::isStaff)) {
            return null;
        }
        if (supervises(reader, subject.id(), today)) {
            return Basis.SUPERVISOR;
        }
        if (reader.has(Role.MANAGER)) {
            return Basis.MANAGER;
        }
        return reader.isPrivacyLead() ? Basis.PRIVACY_LEAD : null;
    }

    private boolean supervises(SignedInUser reader, PersonId subject, LocalDate today) {
        for (Relationship r : relationships.currentOf(reader.agencyId(), subject)) {
            if (r.kind() == RelationshipKind.SUPERVISES
                    && r.activeOn(today)
                    && r.personA().equals(reader.personId())
                    && r.personB().equals(subject)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Person p, @Nullable Role role, @Nullable ProgramId program, LocalDate today) {
        return p.roles().stream()
                .anyMatch(r -> r.activeOn(today)
                        && r.role().isStaff()
                        && (role == null || r.role() == role)
                        && (program == null || program.equals(r.programId())));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
