package org.mutuality.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Clearances;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.research.store.ResearchStore;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research studies (S9), the research module's public API. The rules, in a privacy lead's words:
 *
 * <ol>
 *   <li>researchers, managers and the privacy lead propose studies; the principal investigator and
 *       the co-researchers are people of the agency, whatever else they are here (a participant, a
 *       peer worker); everyone in the agency sees which studies exist;
 *   <li>the study's team (principal investigator and co-researchers) opens and closes recruitment,
 *       which is possible only between the ethics approval date and the study's end;
 *   <li>a participant sees the studies that recruit on their own page and says, alone, whether they
 *       are interested; their answer changes nothing in their support;
 *   <li>a staff member points a participant to a study only when the conflict check ({@code RECRUIT})
 *       allows it, with no warning to acknowledge and no consultation to override it: whoever has a
 *       say in the person's support, care or work never recruits them, and a peer worker never
 *       recruits the participants they support, whatever the agency's policy says;
 *   <li>a person consents for themselves, item by item, with their typed name; a team member records
 *       a consent signed on paper with the paper's date; the team never consents to its own study;
 *   <li>the person, or a team member on their word, withdraws items at any time, at once; the history
 *       is kept;
 *   <li>a consent is read by the person and by the study's team only, through the access guard
 *       ({@code RESEARCH_RECORDS}, purpose {@code RESEARCH}); every read and every change is audited;
 *       to anyone else a consent does not exist (404).
 * </ol>
 *
 * Methods never return null.
 */
@Service
public class Studies {

    /** How many studies or consents a page shows unless the reader asks for another number. */
    public static final int PAGE = 30;

    static final Set<Role> PROPOSERS = Set.of(Role.RESEARCHER, Role.MANAGER, Role.PRIVACY_LEAD);

    private static final String KIND = RecordKind.RESEARCH_RECORDS.name();

    private final ResearchStore store;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final RelationshipRegister relationships;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;
    private final Clearances clearances;

    Studies(
            ResearchStore store,
            Directory directory,
            ConflictCheck conflicts,
            RelationshipRegister relationships,
            AccessGuard guard,
            AuditLog audit,
            Clock clock,
            MessageSource messages,
            Clearances clearances) {
        this.messages = messages;
        this.clearances = clearances;
        this.store = store;
        this.directory = directory;
        this.conflicts = conflicts;
        this.relationships = relationships;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** A study with the caller's part in it: their consents (newest first), interest, and whether they run it. */
    public record View(
            Study study,
            List<StudyConsent> myConsents,
            @Nullable Boolean interested,
            boolean team,
            boolean invited) {

        public View {
            myConsents = List.copyOf(myConsents);
        }

        /** The caller's consent in force, if any. */
        public Optional<StudyConsent> activeConsent() {
            return myConsents.stream().filter(StudyConsent::active).findFirst();
        }
    }

    /** What pointing a participant to a study came to: done, or refused with the check's answer. */
    public sealed interface Recruitment permits Recruitment.Invited, Recruitment.Refused {

        /** The participant will see that someone suggested the study; they answer alone. */
        record Invited(StudyId study, PersonId participant) implements Recruitment {}

        /** Refused: the decision, its reasons and who may do it instead. */
        record Refused(ConflictDecision decision) implements Recruitment {}
    }

    /** Whether the person may propose studies: researchers, managers and the privacy lead. */
    public boolean mayPropose(SignedInUser user) {
        return PROPOSERS.stream().anyMatch(user::has);
    }

    /**
     * Proposes a study, planned until its team opens recruitment.
     *
     * @throws ForbiddenException unless the caller is a researcher, a manager or the privacy lead
     * @throws BadInputException when a detail is missing or wrong, or a researcher named is not a
     *     person of the agency
     */
    @Transactional
    public Study propose(SignedInUser by, Study.Details details) {
        if (!mayPropose(by)) {
            throw new ForbiddenException("study.proposersOnly");
        }
        Study study = Study.propose(details, by.personId(), clock.instant());
        for (PersonId person : study.team()) {
            if (directory.person(by.agencyId(), person).isEmpty()) {
                throw new BadInputException("study.researcherUnknown", person);
            }
        }
        store.insert(by.agencyId(), study);
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(null, "STUDY", study.id().toString())
                .noting("study proposed"));
        return study;
    }

    /** A page of the agency's studies, newest first: which studies exist tells nothing of anyone. */
    @Transactional(readOnly = true)
    public Page<Study> page(SignedInUser user, @Nullable StudyCursor after, int limit) {
        return Page.of(
                store.page(user.agencyId(), after, Page.fetchSize(limit)),
                limit,
                s -> new StudyCursor(s.createdAt(), s.id().value()).cursor());
    }

    /**
     * One study with the caller's part in it.
     *
     * @throws NotFoundException when it is not a study of the caller's agency
     */
    @Transactional(readOnly = true)
    public View view(SignedInUser user, StudyId id) {
        return viewOf(user, find(user, id));
    }

    /**
     * The studies the person is in and those that recruit today, newest first, each with their part
     * in it. The person's own consents are their own record: reading them is audited.
     */
    @Transactional
    public Page<View> mine(SignedInUser user, @Nullable StudyCursor after, int limit) {
        Page<Study> studies = Page.of(
                store.forPerson(user.agencyId(), user.personId(), today(), after, Page.fetchSize(limit)),
                limit,
                s -> new StudyCursor(s.createdAt(), s.id().value()).cursor());
        List<View> views = new ArrayList<>();
        for (Study s : studies.items()) {
            View v = viewOf(user, s);
            v.myConsents().forEach(c -> read(user, c, Basis.SELF));
            views.add(v);
        }
        return new Page<>(views, studies.next());
    }

    /**
     * Opens recruitment, by the study's team.
     *
     * @throws ForbiddenException unless the caller runs the study
     * @throws ConflictException unless it is planned and today is within its approval
     */
    @Transactional
    public Study open(SignedInUser user, StudyId id) {
        Study s = requireTeam(user, find(user, id));
        return save(user, s, s.openRecruitment(today()), "recruitment opened");
    }

    /**
     * Closes recruitment, by the study's team.
     *
     * @throws ForbiddenException unless the caller runs the study
     * @throws ConflictException unless it recruits
     */
    @Transactional
    public Study close(SignedInUser user, StudyId id) {
        Study s = requireTeam(user, find(user, id));
        return save(user, s, s.closeRecruitment(), "recruitment closed");
    }

    /**
     * The person says, for themselves, whether they are interested in a study that recruits. It
     * changes nothing but the answer the study team sees.
     *
     * @throws ConflictException when the study does not recruit today
     */
    @Transactional
    public View answer(SignedInUser user, StudyId id, boolean interested) {
        Study s = find(user, id);
        s.requireRecruiting(today());
        store.interest(user.agencyId(), s.id(), user.personId(), interested, clock.instant());
        audit.record(AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DONE)
                .about(user.personId().value(), KIND, s.id().toString())
                .noting(interested ? "interested in a study" : "not interested in a study"));
        return viewOf(user, s);
    }

    /**
     * A staff member points a participant to a study that recruits, after the conflict check
     * ({@code RECRUIT}): anything but ALLOW is refused with the answer, never overridden; a peer
     * worker who supports the participant is refused whatever the policy says.
     *
     * @throws ForbiddenException unless the caller is staff
     * @throws NotFoundException when the participant is not a person of the agency
     * @throws ConflictException when the study does not recruit today
     */
    @Transactional
    public Recruitment recruit(SignedInUser by, StudyId id, PersonId participant) {
        Study s = find(by, id);
        if (!by.isStaff()) {
            throw new ForbiddenException("study.staffRecruits");
        }
        directory.requirePerson(by.agencyId(), participant);
        if (by.isSelf(participant)) {
            throw new BadInputException("study.recruitSelf");
        }
        s.requireRecruiting(today());
        ConflictDecision decision = conflicts.check(by, Action.RECRUIT, by.personId(), participant);
        boolean supports = supports(by, participant);
        if (decision.decision() != Decision.ALLOW || supports) {
            audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DENIED)
                    .about(participant.value(), KIND, s.id().toString())
                    .noting("recruitment refused: " + decision.decision().name()));
            return new Recruitment.Refused(supports ? withPeerRule(decision) : decision);
        }
        store.invite(by.agencyId(), s.id(), participant, by.personId(), clock.instant());
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(participant.value(), KIND, s.id().toString())
                .noting("pointed to a study"));
        return new Recruitment.Invited(s.id(), participant);
    }

    /** What assigning an interviewer came to: assigned, or refused with the check's answer. */
    public sealed interface Interviewing permits Interviewing.Assigned, Interviewing.Refused {

        /** The interviewer is assigned. */
        record Assigned(Interview interview) implements Interviewing {}

        /**
         * Refused: the check blocks, or calls for consultation and none was brought. The alternatives
         * are the co-researchers without a conflict with the participant, first, then anyone else the
         * check offers.
         */
        record Refused(ConflictDecision decision) implements Interviewing {}
    }

    /** What an interviewer assignment says, for {@link #assignInterviewer}. */
    public record AssignInterviewer(
            PersonId participant,
            PersonId interviewer,
            @Nullable UUID consultation,
            @Nullable String management,
            boolean participantTold) {}

    /**
     * Assigns an interviewer of the study's team to a participant who consents to take part, after
     * the {@code INTERVIEW} check between them: ALLOW and WARN go ahead; BLOCK is refused with the
     * co-researchers without a conflict; CONSULT is refused the same way unless the team brings a
     * consultation about exactly this interviewer and participant answered "go ahead with safeguards"
     * (asked with {@code POST /api/v1/consultations}, action {@code INTERVIEW}), with how the conflict
     * is managed and that the participant was told, which the assignment keeps.
     *
     * @throws ForbiddenException unless the caller runs the study
     * @throws BadInputException when the interviewer is not of the team, or a consultation comes
     *     without how the conflict is managed or without the participant told
     * @throws ConflictException when the participant does not take part now
     */
    @Transactional
    public Interviewing assignInterviewer(SignedInUser by, StudyId id, AssignInterviewer command) {
        Study s = requireTeam(by, find(by, id));
        directory.requirePerson(by.agencyId(), command.participant());
        if (!s.isTeam(command.interviewer())) {
            throw new BadInputException("study.interview.notTeam");
        }
        if (store.consentsOf(by.agencyId(), s.id(), command.participant()).stream()
                .noneMatch(StudyConsent::active)) {
            throw new ConflictException("study.interview.noConsent");
        }
        ConflictDecision decision = conflicts.check(by, Action.INTERVIEW, command.interviewer(), command.participant());
        if (decision.decision() == Decision.BLOCK
                || (decision.decision() == Decision.CONSULT && command.consultation() == null)) {
            return new Interviewing.Refused(new ConflictDecision(
                    decision.decision(),
                    decision.reasons(),
                    coResearchersFirst(by, s, command, decision),
                    decision.about()));
        }
        String management = null;
        UUID interviewId = UUID.randomUUID();
        UUID consulted = null;
        if (decision.decision() == Decision.CONSULT) {
            management = org.mutuality.shared.Text.required(
                    "management", command.management(), 10, org.mutuality.shared.Text.Limit.NOTE);
            if (!command.participantTold()) {
                throw new BadInputException("study.interview.tellParticipant");
            }
            GoAhead goAhead = clearances.resolve(
                    by,
                    false,
                    command.consultation(),
                    decision,
                    new ConsultationClearance.Used(ConsultationClearance.Used.Kind.INTERVIEW, interviewId));
            decision.requireCleared(goAhead);
            consulted =
                    goAhead instanceof GoAhead.Consulted c ? c.consultation().consultation() : null;
        }
        Interview interview = new Interview(
                interviewId,
                s.id(),
                command.participant(),
                command.interviewer(),
                by.personId(),
                clock.instant(),
                decision.decision(),
                consulted,
                management,
                command.participantTold());
        store.insert(by.agencyId(), interview);
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(command.participant().value(), KIND, interviewId.toString())
                .noting("interviewer assigned: " + decision.decision().name()
                        + (consulted == null ? "" : ", consultation used for INTERVIEW " + consulted)));
        return new Interviewing.Assigned(interview);
    }

    /**
     * The members of the team for whom the caller may see no conflict (the hand-over view: a
     * relationship hidden from the caller counts for nothing here, so the list reveals none, and the
     * member is checked in full when assigned), then the check's offers from outside the team.
     */
    private List<ConflictDecision.Alternative> coResearchersFirst(
            SignedInUser by, Study s, AssignInterviewer command, ConflictDecision decision) {
        Map<PersonId, String> names = directory.displayNames(by.agencyId());
        List<ConflictDecision.Alternative> alternatives = new ArrayList<>();
        for (PersonId member : s.team()) {
            if (member.equals(command.interviewer()) || member.equals(command.participant())) {
                continue;
            }
            if (conflicts
                            .checkHandOver(by, Action.INTERVIEW, member, command.participant())
                            .decision()
                    == Decision.ALLOW) {
                alternatives.add(new ConflictDecision.Alternative(member, names.getOrDefault(member, ""), true, 0));
            }
        }
        for (ConflictDecision.Alternative a : decision.alternatives()) {
            // A member of the team not offered above has a conflict the caller may see.
            if (!s.isTeam(a.personId())
                    && alternatives.stream().noneMatch(x -> x.personId().equals(a.personId()))) {
                alternatives.add(a);
            }
        }
        return alternatives;
    }

    /** What a consent says, for {@link #consent}. */
    public record GiveConsent(
            @Nullable PersonId participant,
            Map<ConsentItem, @Nullable Boolean> answers,
            @Nullable String signedName,
            @Nullable LocalDate paperDate) {}

    /**
     * A consent: the caller's own, signed with their typed name today; or, by a member of the study's
     * team, a consent signed on paper by a participant, with the paper's date.
     *
     * @throws ForbiddenException when a team member consents to their own study, or someone not of
     *     the team records a paper consent
     * @throws NotFoundException when the participant is not a person of the agency
     * @throws ConflictException when the study does not recruit, or the person consents already
     * @throws BadInputException when an item is not answered, taking part is not a yes, the name or the
     *     paper's date is missing
     */
    @Transactional
    public StudyConsent consent(SignedInUser by, StudyId id, GiveConsent command) {
        Study s = find(by, id);
        PersonId person = command.participant() == null ? by.personId() : command.participant();
        boolean own = by.isSelf(person);
        StudyConsent.Method method;
        LocalDate signedOn;
        if (own) {
            if (s.isTeam(person)) {
                throw new ForbiddenException("study.teamDoesNotTakePart");
            }
            if (command.paperDate() != null) {
                throw new BadInputException("study.consent.paperByTeam");
            }
            method = StudyConsent.Method.SIGNED_ONLINE;
            signedOn = today();
        } else {
            directory.requirePerson(by.agencyId(), person);
            if (!s.isTeam(by.personId())) {
                throw new ForbiddenException("study.teamOnly");
            }
            if (s.isTeam(person)) {
                throw new ForbiddenException("study.teamDoesNotTakePart");
            }
            if (command.paperDate() == null) {
                throw new BadInputException("study.consent.paperDateRequired");
            }
            if (!s.approvedOn(command.paperDate())) {
                throw new BadInputException("study.consent.paperOutsideApproval", s.approvedOn(), s.endsOn());
            }
            if (command.signedName() == null || command.signedName().isBlank()) {
                throw new BadInputException("study.consent.paperNameRequired");
            }
            requireAskedFreely(by, s, person);
            method = StudyConsent.Method.PAPER;
            signedOn = command.paperDate();
        }
        s.requireRecruiting(today());
        if (store.consentsOf(by.agencyId(), s.id(), person).stream().anyMatch(StudyConsent::active)) {
            throw new ConflictException("study.consent.already");
        }
        StudyConsent consent = StudyConsent.give(
                s.id(),
                person,
                s.consentFormVersion(),
                command.answers(),
                method,
                command.signedName(),
                signedOn,
                by.personId(),
                clock.instant(),
                today());
        store.insert(by.agencyId(), consent);
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(person.value(), KIND, consent.id().toString())
                .noting(method == StudyConsent.Method.PAPER ? "paper consent recorded" : "consent given"));
        return consent;
    }

    /**
     * Withdraws items of a consent, at once, by the person or by a member of the study's team on
     * their word. Withdrawing taking part withdraws every item.
     *
     * @throws NotFoundException when the consent is not the caller's nor of a study they run (audited)
     * @throws ConflictException when none of the items is a yes now
     * @throws BadInputException when no item is named
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public StudyConsent withdraw(SignedInUser by, StudyId id, ConsentId consentId, Set<ConsentItem> items) {
        Study s = find(by, id);
        StudyConsent c = readable(by, s, consentId);
        StudyConsent.Withdrawn withdrawn = c.withdraw(items, by.personId(), clock.instant());
        store.append(by.agencyId(), c.id(), c.history().size(), withdrawn.changes());
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(c.person().value(), KIND, c.id().toString())
                .noting("consent withdrawn: "
                        + withdrawn.changes().stream()
                                .map(ch -> ch.item().field())
                                .toList()));
        return withdrawn.consent();
    }

    /**
     * One consent, for the person or the study's team.
     *
     * @throws NotFoundException for anyone else (audited), or an unknown id
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public StudyConsent consent(SignedInUser user, StudyId id, ConsentId consentId) {
        return readable(user, find(user, id), consentId);
    }

    /** The text of the consent form a consent was given on. */
    @Transactional(readOnly = true)
    public String formOf(SignedInUser user, StudyConsent consent) {
        return store.consentForm(user.agencyId(), consent.study(), consent.formVersion())
                .orElse("");
    }

    /**
     * A page of the study's consents, newest first, for its team; each one is an audited read.
     *
     * @throws ForbiddenException unless the caller runs the study (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Page<StudyConsent> consents(SignedInUser user, StudyId id, @Nullable StudyCursor after, int limit) {
        Study s = find(user, id);
        if (!s.isTeam(user.personId())) {
            audit.record(AuditEvent.by(user, AuditAction.READ, AuditOutcome.DENIED)
                    .about(null, KIND, s.id().toString())
                    .because(Purpose.RESEARCH, null));
            throw new ForbiddenException("study.teamOnly");
        }
        Page<StudyConsent> page = Page.of(
                store.consents(user.agencyId(), s.id(), after, Page.fetchSize(limit)),
                limit,
                c -> new StudyCursor(c.recordedAt(), c.id().value()).cursor());
        List<StudyConsent> shown = new ArrayList<>();
        for (StudyConsent c : page.items()) {
            if (read(user, c, Basis.STUDY_TEAM)) {
                shown.add(c);
            }
        }
        return new Page<>(shown, page.next());
    }

    /** The consent, read through the guard by the person or the team; a 404 to anyone else. */
    private StudyConsent readable(SignedInUser user, Study s, ConsentId consentId) {
        StudyConsent c = store.consent(user.agencyId(), s.id(), consentId)
                .orElseThrow(() -> new NotFoundException("notFound.consent", consentId));
        Basis party = user.isSelf(c.person()) ? Basis.SELF : s.isTeam(user.personId()) ? Basis.STUDY_TEAM : null;
        if (party == null || !read(user, c, party)) {
            if (party == null) {
                audit.record(AuditEvent.by(user, AuditAction.READ, AuditOutcome.DENIED)
                        .about(c.person().value(), KIND, c.id().toString())
                        .because(Purpose.RESEARCH, null));
            }
            throw NotFoundException.hiding(
                    "notFound.consent", consentId, c.person().value());
        }
        return c;
    }

    /** Asks the guard and audits the read; whether it was allowed. */
    private boolean read(SignedInUser user, StudyConsent c, Basis party) {
        AccessDecision decision = guard.decide(user, c.person(), RecordKind.RESEARCH_RECORDS, Purpose.RESEARCH, party);
        Basis basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
        audit.recordRead(
                AuditEvent.by(user, AuditAction.READ, basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                        .about(c.person().value(), KIND, c.id().toString())
                        .because(Purpose.RESEARCH, basis));
        return basis != null;
    }

    /**
     * A paper consent recorded by the team counts only where the person came to the study freely:
     * they said they were interested, or were pointed to it by someone without power over them; and
     * the one recording it has none either (the {@code RECRUIT} check, and a peer worker never for
     * whom they support). Otherwise a team member could enrol anyone by typing a paper's date.
     *
     * @throws ConflictException when the person neither said they were interested nor was invited,
     *     or the recorder has power over them (audited)
     */
    private void requireAskedFreely(SignedInUser by, Study s, PersonId person) {
        boolean cameFreely = store.interest(by.agencyId(), s.id(), person).orElse(false)
                || store.invited(by.agencyId(), s.id(), person);
        ConflictDecision decision = conflicts.check(by, Action.RECRUIT, by.personId(), person);
        if (!cameFreely || decision.decision() != Decision.ALLOW || supports(by, person)) {
            audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DENIED)
                    .about(person.value(), KIND, s.id().toString())
                    .noting("paper consent refused"));
            throw new ConflictException("study.consent.paperNotFree");
        }
    }

    /** The answer with the module's own rule first: a peer worker never recruits whom they support. */
    private ConflictDecision withPeerRule(ConflictDecision decision) {
        List<ConflictDecision.Reason> reasons = new ArrayList<>();
        reasons.add(new ConflictDecision.Reason(
                "peer-never-recruits",
                Decision.BLOCK,
                RelationshipKind.SUPPORTS.name(),
                messages.getMessage("study.recruit.peerSupports", null, LocaleContextHolder.getLocale()),
                List.of(),
                null,
                false));
        reasons.addAll(decision.reasons());
        return new ConflictDecision(Decision.BLOCK, reasons, decision.alternatives(), decision.about());
    }

    private boolean supports(SignedInUser by, PersonId participant) {
        LocalDate today = today();
        return relationships.currentOf(by.agencyId(), participant).stream()
                .anyMatch(r -> r.kind() == RelationshipKind.SUPPORTS
                        && r.activeOn(today)
                        && (r.personA().equals(by.personId()) || r.personB().equals(by.personId())));
    }

    private View viewOf(SignedInUser user, Study s) {
        return new View(
                s,
                store.consentsOf(user.agencyId(), s.id(), user.personId()),
                store.interest(user.agencyId(), s.id(), user.personId()).orElse(null),
                s.isTeam(user.personId()),
                store.invited(user.agencyId(), s.id(), user.personId()));
    }

    private Study save(SignedInUser user, Study before, Study after, String what) {
        store.save(user.agencyId(), before, after, clock.instant());
        audit.record(AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DONE)
                .about(null, "STUDY", after.id().toString())
                .noting(what));
        return find(user, after.id());
    }

    private Study requireTeam(SignedInUser user, Study s) {
        if (!s.isTeam(user.personId())) {
            throw new ForbiddenException("study.teamOnly");
        }
        return s;
    }

    private Study find(SignedInUser user, StudyId id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.study", id));
    }

    /** Today, on the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
