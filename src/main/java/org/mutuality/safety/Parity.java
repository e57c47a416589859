package org.mutuality.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEntry;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.safety.store.ConcernStore;
import org.mutuality.safety.store.IncidentStore;
import org.mutuality.safety.store.PauseStore;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.workforce.CodeOfConduct;
import org.mutuality.workforce.Onboardings;
import org.mutuality.workforce.RoleDescriptions;
import org.mutuality.workforce.TrainingParity;
import org.mutuality.workforce.Trainings;
import org.mutuality.workforce.WorkPlans;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parity report (S13) for the privacy lead: peer staff are trusted like any staff, "without
 * additional oversight that other staff would not receive". For each check, review or monitoring
 * Mutuality has, it says whether the rule is the same for peer staff and other staff, and how often
 * it touched each group (counts only, over the last 90 days where time matters). It also lists the
 * conflict policy's role rules that name peer roles, and says whether any of them is an oversight
 * rule rather than a limit on tasks (S14).
 */
@Service
public class Parity {

    /** Actions that oversee a person: a role rule singling out peer roles for these would be extra oversight. */
    static final Set<Action> OVERSIGHT = EnumSet.of(
            Action.APPROVE_TIMESHEET,
            Action.SUPERVISE,
            Action.REVIEW_PERFORMANCE,
            Action.INVESTIGATE_INCIDENT,
            Action.OPEN_RECORD);

    static final int DAYS = 90;

    private final Directory directory;
    private final BoundaryPlans plans;
    private final ConcernStore concerns;
    private final IncidentStore incidents;
    private final PauseStore pauses;
    private final AuditLog audit;
    private final ConflictCheck conflicts;
    private final CodeOfConduct conduct;
    private final Trainings trainings;
    private final Onboardings onboardings;
    private final RoleDescriptions roleDescriptions;
    private final WorkPlans workPlans;
    private final Clock clock;

    Parity(
            Directory directory,
            BoundaryPlans plans,
            ConcernStore concerns,
            IncidentStore incidents,
            PauseStore pauses,
            AuditLog audit,
            ConflictCheck conflicts,
            CodeOfConduct conduct,
            Trainings trainings,
            Onboardings onboardings,
            RoleDescriptions roleDescriptions,
            WorkPlans workPlans,
            Clock clock) {
        this.directory = directory;
        this.plans = plans;
        this.concerns = concerns;
        this.incidents = incidents;
        this.pauses = pauses;
        this.audit = audit;
        this.conflicts = conflicts;
        this.conduct = conduct;
        this.trainings = trainings;
        this.onboardings = onboardings;
        this.roleDescriptions = roleDescriptions;
        this.workPlans = workPlans;
        this.clock = clock;
    }

    /** The report, and who the two groups are. */
    public record Report(
            int peerStaff,
            int otherStaff,
            List<Row> rows,
            List<ConflictCheck.RoleRuleView> peerRoleRules,
            List<String> extraOversightRules,
            Instant from,
            Instant to,
            List<String> trainingsSinglingOutPeers) {

        public boolean parity() {
            return extraOversightRules.isEmpty() && rows.stream().allMatch(Row::sameRule);
        }
    }

    /**
     * One check, review or monitoring: whether its rule is the same for both groups, and how many
     * times it touched each.
     */
    public record Row(String key, boolean sameRule, int peer, int other) {}

    /**
     * Builds the report for the privacy lead; the read of the staff's audit trails is itself audited.
     *
     * @throws ForbiddenException unless the caller is a privacy lead
     */
    @Transactional
    public Report report(SignedInUser privacyLead) {
        if (!privacyLead.isPrivacyLead()) {
            throw new ForbiddenException("parity.privacyLeadOnly");
        }
        LocalDate today = LocalDate.now(clock);
        Instant to = clock.instant();
        Instant from = to.minus(DAYS, ChronoUnit.DAYS);
        Map<Boolean, Set<PersonId>> groups = directory.everyone(privacyLead.agencyId()).stream()
                .filter(p -> p.active() && p.isStaffOn(today))
                .collect(Collectors.partitioningBy(
                        p -> p.activeRoles(today).stream().anyMatch(Role::isPeer),
                        Collectors.mapping(Person::id, Collectors.toSet())));
        Set<PersonId> peer = groups.get(true);
        Set<PersonId> other = groups.get(false);
        List<Row> rows = new ArrayList<>();
        BoundaryPlans.Usage usage = plans.usage(privacyLead.agencyId());
        rows.add(count("BOUNDARY_PLANS", peer, other, p -> usage.withPlan().contains(p) ? 1 : 0));
        rows.add(count(
                "REFLECTION_INVITATIONS", peer, other, p -> usage.invitations().getOrDefault(p, 0)));
        rows.add(count(
                "SUPERVISOR_TOLD_BY_CHOICE",
                peer,
                other,
                p -> usage.toldSupervisor().getOrDefault(p, 0)));
        Map<PersonId, Long> concernsAbout = concerns.all(privacyLead.agencyId(), false).stream()
                .filter(c -> c.about() != null && c.createdAt().isAfter(from))
                .collect(Collectors.groupingBy(Concern::about, Collectors.counting()));
        rows.add(count("CONCERNS_ABOUT", peer, other, p -> concernsAbout.getOrDefault(p, 0L)));
        Map<PersonId, Long> involved = incidents.list(privacyLead.agencyId(), null).stream()
                .filter(i -> i.createdAt().isAfter(from))
                .flatMap(i -> i.involved().stream())
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        rows.add(count("INCIDENTS_INVOLVING", peer, other, p -> involved.getOrDefault(p, 0L)));
        Map<PersonId, Long> paused = pauses.all(privacyLead.agencyId()).stream()
                .filter(rp -> !rp.pausedOn().isBefore(today.minusDays(DAYS)))
                .collect(Collectors.groupingBy(RolePause::person, Collectors.counting()));
        rows.add(count("ROLE_PAUSES", peer, other, p -> paused.getOrDefault(p, 0L)));
        // Every staff member attests the code of conduct, and is held at sign-in until they do.
        Map<PersonId, Integer> attested = conduct.attestationsSince(privacyLead.agencyId(), from);
        rows.add(count("CODE_OF_CONDUCT_ATTESTATIONS", peer, other, p -> attested.getOrDefault(p, 0)));
        Map<PersonId, int[]> reads = new java.util.HashMap<>();
        Set<PersonId> staff = new HashSet<>(peer);
        staff.addAll(other);
        for (PersonId p : staff) {
            int[] n = new int[3];
            for (AuditEntry e : audit.search(privacyLead.agencyId(), null, p.value(), "READ", from, to, 10_000)) {
                if (e.actorId() == null || e.actorId().equals(p.value())) {
                    continue;
                }
                if ("DENIED".equals(e.outcome())) {
                    n[1]++;
                } else if ("BREAK_GLASS".equals(e.basis())) {
                    n[2]++;
                } else {
                    n[0]++;
                }
            }
            reads.put(p, n);
        }
        // Questions and returns on their hours (workforce), as the audit log has them: safety cannot
        // depend on workforce, which depends on support, which depends on safety.
        Map<PersonId, Integer> questioned = new java.util.HashMap<>();
        for (PersonId p : staff) {
            int n = 0;
            for (AuditEntry e : audit.search(privacyLead.agencyId(), null, p.value(), "WRITE", from, to, 10_000)) {
                if ("TIMESHEET".equals(e.recordKind())
                        && "DONE".equals(e.outcome())
                        && ("QUESTIONED".equals(e.detail()) || "RETURNED".equals(e.detail()))) {
                    n++;
                }
            }
            questioned.put(p, n);
        }
        rows.add(count("HOURS_QUESTIONED", peer, other, questioned::get));
        rows.add(count("RECORD_READS_BY_OTHERS", peer, other, p -> reads.get(p)[0]));
        rows.add(count("REFUSED_READS_BY_OTHERS", peer, other, p -> reads.get(p)[1]));
        rows.add(count("BREAK_GLASS_ON_THEM", peer, other, p -> reads.get(p)[2]));
        TrainingParity training = trainings.parity(privacyLead.agencyId(), staff);
        rows.add(count(
                "TRAINING_OVERDUE",
                training.sameRule(),
                peer,
                other,
                p -> training.overdue().getOrDefault(p, 0)));
        // One onboarding template for every staff member: steps later than planned, peer or not.
        Map<PersonId, Integer> lateOnboarding = onboardings.lateSteps(privacyLead.agencyId(), staff);
        rows.add(count("ONBOARDING_STEPS_LATE", peer, other, lateOnboarding::get));
        // Every staff role has a description each holder confirms, and a yearly work plan reviewed twice.
        Map<PersonId, Integer> unread = roleDescriptions.unread(privacyLead.agencyId(), staff);
        rows.add(count("ROLE_DESCRIPTIONS_UNREAD", peer, other, unread::get));
        Map<PersonId, Integer> reviewed = workPlans.reviewPartsSigned(privacyLead.agencyId(), staff);
        rows.add(count("WORK_PLAN_REVIEW_PARTS_SIGNED", peer, other, reviewed::get));
        List<ConflictCheck.RoleRuleView> peerRules = conflicts.roleRules(privacyLead.agencyId()).stream()
                .filter(r -> r.actorRoles().stream().anyMatch(Role::isPeer))
                .toList();
        List<String> extra = peerRules.stream()
                .filter(r -> r.actions().stream().anyMatch(OVERSIGHT::contains))
                .map(ConflictCheck.RoleRuleView::id)
                .toList();
        audit.recordRead(AuditEvent.by(privacyLead, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(null, "PARITY_REPORT", null)
                .because("PRIVACY_OVERSIGHT", "PRIVACY_LEAD")
                .noting(staff.size() + " staff"));
        List<String> singlingOut = training.singlingOutPeers().stream()
                .map(t -> t.shipped() != null ? t.shipped().name() : String.valueOf(t.name()))
                .toList();
        return new Report(peer.size(), other.size(), rows, peerRules, extra, from, to, singlingOut);
    }

    /**
     * Every row's rule is the same for both groups by construction: each mechanism is written for
     * staff, never for a role. The flag is kept so a future rule that differs must say so here.
     */
    private static Row count(
            String key, Set<PersonId> peer, Set<PersonId> other, Function<PersonId, ? extends Number> of) {
        return count(key, true, peer, other, of);
    }

    /**
     * A row whose rule is data an agency may set (the training catalogue): {@code sameRule} says
     * whether the data as it stands applies alike to both groups.
     */
    private static Row count(
            String key,
            boolean sameRule,
            Set<PersonId> peer,
            Set<PersonId> other,
            Function<PersonId, ? extends Number> of) {
        return new Row(
                key,
                sameRule,
                peer.stream().mapToInt(p -> of.apply(p).intValue()).sum(),
                other.stream().mapToInt(p -> of.apply(p).intValue()).sum());
    }
}
