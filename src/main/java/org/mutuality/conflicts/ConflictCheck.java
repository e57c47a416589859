package org.mutuality.conflicts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.engine.AgencyScan;
import org.mutuality.conflicts.engine.ConflictEngine;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.graph.Graphs;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.Visibility;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conflicts module's public API. Every action one person takes over another asks {@link
 * #check} first. Checks read the agency's in-memory graph and its current policy; once the graph is
 * built, the only database reads are the two people that tell whether the caller coordinates the
 * subject, when alternatives are chosen or a hand-over is checked. Methods never return null.
 */
@Service
public class ConflictCheck {

    /** How many alternatives a check offers at most. */
    public static final int ALTERNATIVES = 5;

    private final Graphs graphs;
    private final Policies policies;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Directory directory;
    private final Clock clock;
    private final MessageSource messages;
    private final Map<AgencyId, Policy> parsed = new ConcurrentHashMap<>();

    ConflictCheck(
            Graphs graphs,
            Policies policies,
            ApplicationEventPublisher events,
            AuditLog audit,
            Directory directory,
            Clock clock,
            MessageSource messages) {
        this.graphs = graphs;
        this.policies = policies;
        this.events = events;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * A check someone asks for (the API's {@code POST /api/v1/conflicts/check}), who may not be one
     * of the two people. Even a BLOCK whose reason is masked tells a bystander that something lies
     * between the two, so:
     *
     * <ol>
     *   <li>the actor or the subject may ask about a pairing that includes them: the actor gets the
     *       answer that lets them act or stops them; the subject, who does not act, the answer on
     *       their own view ({@link #checkHandOver}), so asking never reveals a relationship of the
     *       actor's that is hidden from them;
     *   <li>about two others, the privacy lead may ask, and so may whoever coordinates the subject's
     *       program: a manager or supervisor of a program the subject has a role in, or of the whole
     *       agency (as the support module decides who coordinates a referral);
     *   <li>anyone else is refused, and the refusal is audited.
     * </ol>
     *
     * Every check about two others is itself an audited read about the subject. Reasons are masked
     * and alternatives chosen as {@link #check} does: a relationship the caller may not see shows
     * only as {@code declared-relationship} with a generic explanation.
     *
     * @throws NotFoundException when the actor or the subject is not in the caller's agency
     * @throws ForbiddenException when the caller may not ask about these two (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public ConflictDecision ask(SignedInUser caller, Action action, PersonId actor, PersonId subject) {
        if (caller.isSelf(actor)) {
            return check(caller, action, actor, subject);
        }
        if (caller.isSelf(subject)) {
            // The subject does not act: they learn the answer on what they may see, never the one
            // that counts a relationship hidden from them (which trial and error would uncover).
            return checkHandOver(caller, action, actor, subject);
        }
        requireBoth(graphs.of(caller.agencyId()), actor, subject);
        String basis = caller.has(Role.PRIVACY_LEAD)
                ? "PRIVACY_LEAD"
                : coordinatesProgramOf(caller, subject) ? "COORDINATOR" : null;
        audit.recordRead(
                AuditEvent.by(caller, AuditAction.READ, basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                        .about(subject.value(), "CONFLICT_CHECK", actor.value().toString())
                        .because("COORDINATION", basis)
                        .noting(action.name()));
        if (basis == null) {
            throw new ForbiddenException("conflict.askAboutOthers");
        }
        return check(caller, action, actor, subject);
    }

    /** Whether the caller manages or supervises a program the subject has a role in today, or the whole agency. */
    private boolean coordinatesProgramOf(SignedInUser caller, PersonId subject) {
        return (caller.has(Role.SUPERVISOR) || caller.has(Role.MANAGER))
                && directory.coordinatesProgramOf(caller.agencyId(), caller.personId(), subject);
    }

    /**
     * What the agency's policy says about {@code actor} taking {@code action} over {@code subject},
     * explained in words the caller may see, with alternatives when the answer is not ALLOW. The
     * decision counts every relationship, seen or not: this is the answer that lets the actor act or
     * stops them. The alternatives are chosen on the caller's view ({@link #viewOf}), so who is
     * missing from them tells nothing of a relationship the caller may not see; someone offered may
     * still be stopped by their own check when they act.
     *
     * @throws NotFoundException when the actor or the subject is not in the caller's agency
     */
    public ConflictDecision check(SignedInUser caller, Action action, PersonId actor, PersonId subject) {
        AgencyGraph graph = graphs.of(caller.agencyId());
        requireBoth(graph, actor, subject);
        Policy policy = policyOf(caller.agencyId());
        ConflictEngine.Evaluation evaluation = ConflictEngine.evaluate(graph, policy, action, actor, subject);
        return decision(
                caller,
                graph,
                new ConflictDecision.About(action, actor, subject),
                evaluation,
                evaluation.decision() == Decision.ALLOW
                        ? List.of()
                        : ConflictEngine.alternatives(
                                viewOf(caller, graph, subject), policy, action, actor, subject, ALTERNATIVES));
    }

    /**
     * What the caller may know of the policy's answer when they give the action to someone else,
     * {@code to} (handing hours over to another approver): decided, with its reasons and
     * alternatives, on the caller's view ({@link #viewOf}) alone. A conflict resting on a relationship
     * the caller may not see does not count, so the answer is the same whether or not it exists.
     *
     * <p>Never the answer that lets {@code to} act: the person handed to is checked with {@link
     * #check} when they act, and is stopped then by a conflict that counts here for nothing. Callers
     * use this only where such a later check exists.
     *
     * @throws NotFoundException when {@code to} or the subject is not in the caller's agency
     */
    public ConflictDecision checkHandOver(SignedInUser caller, Action action, PersonId to, PersonId subject) {
        AgencyGraph graph = graphs.of(caller.agencyId());
        requireBoth(graph, to, subject);
        Policy policy = policyOf(caller.agencyId());
        AgencyGraph view = viewOf(caller, graph, subject);
        ConflictEngine.Evaluation evaluation = ConflictEngine.evaluate(view, policy, action, to, subject);
        return decision(
                caller,
                view,
                new ConflictDecision.About(action, to, subject),
                evaluation,
                evaluation.decision() == Decision.ALLOW
                        ? List.of()
                        : ConflictEngine.alternatives(view, policy, action, to, subject, ALTERNATIVES));
    }

    /**
     * Colleagues the caller could consult about an action over these people ({@code CONSULT_ON}):
     * active people holding a role the policy lets consult, none of the people themselves, for whom
     * the policy allows {@code CONSULT_ON} over every one of them; the lightest load first, at most
     * {@link #ALTERNATIVES}. Chosen on the caller's view, as alternatives are ({@link #viewOf}, for
     * the last person given), so who is missing tells nothing of a relationship the caller may not
     * see; the one chosen is checked again with {@link #check} over each person.
     *
     * @param over the people the consultation is about: the person who asks, then the actor and the
     *     subject of the action
     * @throws NotFoundException when one of them is not in the caller's agency
     */
    public List<ConflictDecision.Alternative> consultants(SignedInUser caller, List<PersonId> over) {
        AgencyGraph graph = graphs.of(caller.agencyId());
        over.forEach(p -> requireBoth(graph, p, p));
        PersonId last = over.get(over.size() - 1);
        Policy policy = policyOf(caller.agencyId());
        AgencyGraph view = viewOf(caller, graph, last);
        return ConflictEngine.alternatives(view, policy, Action.CONSULT_ON, over.get(0), last, graph.size()).stream()
                .filter(c -> over.stream()
                        .allMatch(p -> !p.equals(c.node().id())
                                && ConflictEngine.evaluate(
                                                        view,
                                                        policy,
                                                        Action.CONSULT_ON,
                                                        c.node().id(),
                                                        p)
                                                .decision()
                                        == Decision.ALLOW))
                .limit(ALTERNATIVES)
                .map(c ->
                        new ConflictDecision.Alternative(c.node().id(), c.node().name(), c.sameTeam(), c.load()))
                .toList();
    }

    /**
     * The agency as the caller may see it when choosing who else could act over the subject: the
     * privacy lead, and whoever coordinates the subject's program (who may {@link #ask} about any
     * pairing of that person), see every relationship; anyone else sees those {@link
     * Relationship#visibleTo} lets them see, and alternatives are ranked for them by the load every
     * member of staff may know of ({@link AgencyGraph#seenThrough}).
     */
    private AgencyGraph viewOf(SignedInUser caller, AgencyGraph graph, PersonId subject) {
        if (caller.has(Role.PRIVACY_LEAD) || coordinatesProgramOf(caller, subject)) {
            return graph;
        }
        return graph.seenThrough(r -> r.visibleTo(caller));
    }

    private static String nameOf(AgencyGraph graph, PersonId person) {
        AgencyGraph.Node node = graph.node(person);
        return node == null ? "" : node.name();
    }

    private static void requireBoth(AgencyGraph graph, PersonId actor, PersonId subject) {
        if (graph.node(actor) == null) {
            throw new NotFoundException("notFound.person", actor);
        }
        if (graph.node(subject) == null) {
            throw new NotFoundException("notFound.person", subject);
        }
    }

    private ConflictDecision decision(
            SignedInUser caller,
            AgencyGraph graph,
            ConflictDecision.About about,
            ConflictEngine.Evaluation evaluation,
            List<ConflictEngine.Candidate> candidates) {
        PersonId actor = about.actor();
        Locale locale = LocaleContextHolder.getLocale();
        List<ConflictDecision.Reason> reasons = evaluation.matches().stream()
                .map(m -> reason(m, caller, graph, actor, locale))
                .distinct()
                .toList();
        List<ConflictDecision.Alternative> alternatives = candidates.stream()
                .map(c ->
                        new ConflictDecision.Alternative(c.node().id(), c.node().name(), c.sameTeam(), c.load()))
                .toList();
        return new ConflictDecision(evaluation.decision(), reasons, alternatives, about);
    }

    /**
     * A match in the caller's words. Through someone close, the explanation starts with the path
     * ("Through someone close: Chris and Robin are partners, and Robin supervises Marc."), so the
     * reader knows whom the rule is about; the names show only because the caller may see every
     * relationship of the path (otherwise the whole reason is masked).
     */
    private ConflictDecision.Reason reason(
            ConflictEngine.Match match, SignedInUser caller, AgencyGraph graph, PersonId actor, Locale locale) {
        Relationship relationship = match.relationship();
        // Through someone close, the closeness counts too: naming the person would reveal it.
        if (match.restsOn().stream().anyMatch(r -> !r.visibleTo(caller))) {
            return ConflictDecision.Reason.hidden(match.decision(), locale);
        }
        @Nullable String via = null;
        if (match.via() != null) {
            AgencyGraph.Node node = graph.node(match.via());
            via = node == null ? null : node.name();
        }
        String explanation = match.explanation().in(locale);
        Optional<Explanation> path = match.path(actor, id -> nameOf(graph, id));
        if (path.isPresent()) {
            explanation = messages.getMessage(path.get(), locale) + " " + explanation;
        }
        return new ConflictDecision.Reason(
                match.rule(),
                match.decision(),
                relationship == null ? null : relationship.kind().name(),
                explanation,
                match.safeguards().stream().map(t -> t.in(locale)).toList(),
                via,
                match.restsOn().stream().anyMatch(r -> r.visibility() != Visibility.STAFF));
    }

    /**
     * Scans the whole agency for pairings that can act and have a conflict, ranked by risk and
     * grouped. Only for the privacy lead, who may see every relationship.
     *
     * @throws ForbiddenException unless the caller is the agency's privacy lead
     */
    public ScanReport scan(SignedInUser caller) {
        if (!caller.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("conflict.scanForPrivacyLead");
        }
        AgencyGraph graph = graphs.of(caller.agencyId());
        Policy policy = policyOf(caller.agencyId());
        Locale locale = LocaleContextHolder.getLocale();
        List<AgencyScan.Finding> findings = AgencyScan.scan(graph, policy);
        audit.recordRead(AuditEvent.by(caller, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(null, "CONFLICT_SCAN", null)
                .because("OVERSIGHT", "PRIVACY_LEAD")
                .noting(findings.size() + " pairings"));
        Map<String, List<AgencyScan.Finding>> byGroup = new java.util.LinkedHashMap<>();
        for (AgencyScan.Finding f : findings) {
            ConflictEngine.Match first = leading(f);
            String key = f.evaluation().decision() + "|" + first.rule() + "|"
                    + (first.relationship() == null ? "" : first.relationship().kind());
            byGroup.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(f);
        }
        List<ScanReport.Group> groups = byGroup.values().stream()
                .map(list -> {
                    ConflictEngine.Match first = leading(list.get(0));
                    // The group's heading is the rule's own words: the path of one finding is not the group's.
                    ConflictDecision.Reason reason =
                            reason(first, caller, graph, list.get(0).pairing().personA(), locale);
                    return new ScanReport.Group(
                            list.get(0).evaluation().decision(),
                            reason.rule(),
                            reason.relationship(),
                            reason.rule().equals(ConflictDecision.Reason.HIDDEN_RULE)
                                    ? reason.explanation()
                                    : first.explanation().in(locale),
                            list.get(0).score(),
                            list.stream()
                                    .map(f -> finding(f, caller, graph, locale))
                                    .toList());
                })
                .sorted(java.util.Comparator.comparingInt(ScanReport.Group::highestScore)
                        .reversed())
                .toList();
        return new ScanReport(graph.day(), findings.size(), groups);
    }

    private static ConflictEngine.Match leading(AgencyScan.Finding f) {
        return f.evaluation().matches().stream()
                .filter(m -> m.decision() == f.evaluation().decision())
                .findFirst()
                .orElseThrow();
    }

    private ScanReport.Finding finding(AgencyScan.Finding f, SignedInUser caller, AgencyGraph graph, Locale locale) {
        AgencyGraph.Node actor = graph.node(f.pairing().personA());
        AgencyGraph.Node subject = graph.node(f.pairing().personB());
        return new ScanReport.Finding(
                f.pairing().personA(),
                actor == null ? "" : actor.name(),
                f.pairing().personB(),
                subject == null ? "" : subject.name(),
                f.pairing().kind().name(),
                f.action(),
                f.evaluation().decision(),
                f.evaluation().matches().stream()
                        .map(m -> reason(m, caller, graph, f.pairing().personA(), locale)
                                .explanation())
                        .distinct()
                        .toList(),
                f.power().name(),
                f.duration().name(),
                f.termination().name(),
                f.score());
    }

    /** A role rule of the agency's policy: actors holding these roles get this decision for these actions. */
    public record RoleRuleView(
            String id, Set<Action> actions, Set<Role> actorRoles, Decision decision, String explanation) {}

    /** The role rules of the policy in force, explained in the caller's language. */
    public List<RoleRuleView> roleRules(AgencyId agency) {
        Locale locale = LocaleContextHolder.getLocale();
        return policyOf(agency).roleRules().stream()
                .map(r -> new RoleRuleView(
                        r.id(),
                        r.actions(),
                        r.actorRoles(),
                        r.decision(),
                        r.explanation().in(locale)))
                .toList();
    }

    /** The roles that may take the action under the agency's policy. */
    public java.util.Set<Role> eligibleRoles(AgencyId agency, Action action) {
        return policyOf(agency).eligibleFor(action);
    }

    /** The policy in force for the agency. */
    @Transactional(readOnly = true)
    public PolicyVersion policy(AgencyId agency) {
        return policies.current(agency);
    }

    /** Every version of the agency's policy, newest first; the last is the default policy. */
    @Transactional(readOnly = true)
    public List<PolicyVersion> policyHistory(AgencyId agency) {
        return policies.history(agency);
    }

    @Transactional(readOnly = true)
    public Optional<PolicyVersion> policyVersion(AgencyId agency, int version) {
        return policies.version(agency, version);
    }

    /**
     * Puts a new version of the policy in force. The text is checked first; if it is invalid,
     * nothing changes and the old policy stays in force.
     *
     * @throws ForbiddenException unless the person is the agency's privacy lead
     * @throws org.mutuality.conflicts.policy.InvalidPolicy with the line and rule of the first problem
     * @throws BadInputException when the reason is missing or over 1,000 characters
     */
    @Transactional
    public PolicyVersion changePolicy(SignedInUser by, String text, @Nullable String reason) {
        if (!by.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("policy.privacyLeadChanges");
        }
        String why = Text.required("reason", reason, Text.Limit.NOTE);
        Policy policy = PolicyParser.parse(text);
        PolicyVersion version = policies.append(by.agencyId(), text, why, by.personId());
        audit.record(AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE)
                .about(null, "CONFLICT_POLICY", Integer.toString(version.version())));
        parsed.put(by.agencyId(), policy);
        events.publishEvent(new PolicyChanged(by.agencyId(), version.version(), by.personId()));
        return version;
    }

    /**
     * What a new policy text would change among today's pairings, before anyone puts it in force.
     * Only for the privacy lead, who may see every pairing (as in the scan); audited as a read, in
     * the same transaction (which is therefore not read-only: PostgreSQL refuses the audit entry in
     * one).
     *
     * @throws ForbiddenException unless the caller is the agency's privacy lead
     * @throws org.mutuality.conflicts.policy.InvalidPolicy with the line and rule of the first problem
     */
    @Transactional
    public PolicyPreview previewPolicy(SignedInUser caller, String text) {
        if (!caller.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("policy.privacyLeadChanges");
        }
        Policy proposed = PolicyParser.parse(text);
        PolicyVersion current = policies.current(caller.agencyId());
        AgencyGraph graph = graphs.of(caller.agencyId());
        AgencyScan.Comparison comparison = AgencyScan.compare(graph, policyOf(caller.agencyId()), proposed);
        audit.recordRead(AuditEvent.by(caller, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(null, "CONFLICT_POLICY_PREVIEW", Integer.toString(current.version()))
                .because("OVERSIGHT", "PRIVACY_LEAD")
                .noting(comparison.changes().size() + " of " + comparison.pairings() + " pairings change"));
        return new PolicyPreview(
                current.version(),
                comparison.pairings(),
                comparison.changes().stream()
                        .map(c -> new PolicyPreview.Change(
                                c.pairing().personA(),
                                nameIn(graph, c.pairing().personA()),
                                c.pairing().personB(),
                                nameIn(graph, c.pairing().personB()),
                                c.action(),
                                c.before(),
                                c.after()))
                        .toList());
    }

    /**
     * Puts an earlier version's text back in force as a new version (nothing is ever rewritten).
     *
     * @throws NotFoundException when the agency has no such version
     * @throws ForbiddenException unless the person is the agency's privacy lead
     */
    @Transactional
    public PolicyVersion restorePolicy(SignedInUser by, int version, @Nullable String reason) {
        if (!by.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("policy.privacyLeadChanges");
        }
        PolicyVersion earlier = policies.version(by.agencyId(), version)
                .orElseThrow(() -> new NotFoundException("notFound.policyVersion", version));
        return changePolicy(by, earlier.text(), reason);
    }

    private static String nameIn(AgencyGraph graph, PersonId person) {
        AgencyGraph.Node node = graph.node(person);
        return node == null ? "" : node.name();
    }

    private Policy policyOf(AgencyId agency) {
        return parsed.computeIfAbsent(
                agency, a -> PolicyParser.parseStored(policies.current(a).text()));
    }
}
