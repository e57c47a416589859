package org.mutuality.conflicts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.ConflictException;

/**
 * The answer to a conflict check: the strictest decision of every rule that matched, every reason,
 * and people who could take the action instead, best first. Reasons never reveal a relationship the
 * caller may not see: such a reason says only that a declared relationship asks for someone else.
 */
public record ConflictDecision(
        Decision decision,
        List<Reason> reasons,
        List<Alternative> alternatives,
        @Nullable About about) {

    public ConflictDecision {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
    }

    /** An answer not tied to one action, actor and subject (several answers put together, a test's). */
    public ConflictDecision(Decision decision, List<Reason> reasons, List<Alternative> alternatives) {
        this(decision, reasons, alternatives, null);
    }

    /**
     * What was asked: the action, who would take it and whom it is about, so that a person asked to
     * acknowledge may consult a colleague about exactly that instead.
     */
    public record About(Action action, PersonId actor, PersonId subject) {

        public About {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(subject, "subject");
        }
    }

    public boolean allowed() {
        return decision != Decision.BLOCK;
    }

    /**
     * The strictest of several answers (a group's members, both directions of a pairing), with every
     * reason. It is about one action, actor and subject ({@link #about()}) only when a single pairing
     * asks for anything (or all the answers are about the same one): a consultation clears one
     * pairing, so when several ask, only an acknowledgement can clear them together.
     */
    public static ConflictDecision strictest(List<ConflictDecision> decisions) {
        Decision worst = Decision.ALLOW;
        List<Reason> reasons = new ArrayList<>();
        List<Alternative> alternatives = List.of();
        for (ConflictDecision d : decisions) {
            d.reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
            if (d.decision().compareTo(worst) > 0) {
                worst = d.decision();
                alternatives = d.alternatives();
            }
        }
        return new ConflictDecision(worst, reasons, alternatives, onlyPairingAsking(decisions));
    }

    /** The one pairing the answers that ask for anything are about, if there is exactly one. */
    private static @Nullable About onlyPairingAsking(List<ConflictDecision> decisions) {
        List<ConflictDecision> asking =
                decisions.stream().filter(d -> d.decision() != Decision.ALLOW).toList();
        List<@Nullable About> pairings = (asking.isEmpty() ? decisions : asking)
                .stream().map(ConflictDecision::about).distinct().toList();
        return pairings.size() == 1 ? pairings.get(0) : null;
    }

    /**
     * The same answer without the people who could act instead (when they differ from one pairing to
     * the next, a refusal names nobody).
     */
    public ConflictDecision withoutAlternatives() {
        return new ConflictDecision(decision, reasons, List.of(), about);
    }

    /** The explanations of every reason that does not simply allow, each once. */
    public List<String> concerns() {
        return reasons.stream()
                .filter(r -> r.decision() != Decision.ALLOW)
                .map(Reason::explanation)
                .distinct()
                .toList();
    }

    /**
     * What the answer means for the person about to act: nothing when it allows; when it warns or asks
     * for consultation, nothing once they have acknowledged the reasons; otherwise a refusal.
     *
     * @param acknowledged the person has read the reasons and goes ahead ({@code acknowledge: true})
     * @throws ConflictException when it blocks: the reasons, and who could act instead when any
     * @throws AcknowledgementNeeded when it warns or asks for consultation and was not acknowledged
     */
    public void requireCleared(boolean acknowledged) {
        requireCleared(GoAhead.acknowledged(acknowledged));
    }

    /**
     * What the answer means for the person about to act, given what they bring: nothing when it
     * allows; when it warns or asks for consultation, an acknowledgement or a consultation used for
     * this very action ({@link Clearances#resolve}); when it blocks, a refusal whatever they bring.
     *
     * @throws ConflictException when it blocks: the reasons, and who could act instead when any
     * @throws AcknowledgementNeeded when it warns or asks for consultation and nothing clears it
     */
    public void requireCleared(GoAhead goAhead) {
        Objects.requireNonNull(goAhead, "goAhead");
        requireNotBlocked();
        if (decision != Decision.ALLOW && !goAhead.clears()) {
            throw new AcknowledgementNeeded(decision, concerns(), about);
        }
    }

    /**
     * As {@link #requireCleared(boolean)}, the person about to act having consulted instead of only
     * acknowledging: a consultation answered "go ahead with safeguards" about this very action
     * ({@link ConsultationClearance#use}) clears a warning or a call for consultation, never a block.
     *
     * @throws ConflictException when it blocks
     */
    public void requireCleared(ConsultationClearance.Cleared consultation) {
        requireCleared(new GoAhead.Consulted(consultation));
    }

    private void requireNotBlocked() {
        if (decision == Decision.BLOCK) {
            List<String> others = alternatives.stream().map(Alternative::name).toList();
            throw others.isEmpty()
                    ? new ConflictException("conflict.blocked", String.join(" ", concerns()))
                    : new ConflictException(
                            "conflict.blockedWithOthers", String.join(" ", concerns()), String.join(", ", others));
        }
    }

    /**
     * The same decision as a bystander may see it: someone who is neither of the two people nor the
     * privacy lead, reading a stored record of it (see {@link Reason#forBystanders}).
     */
    public ConflictDecision forBystanders(Locale locale) {
        return new ConflictDecision(
                decision,
                reasons.stream().map(r -> r.forBystanders(locale)).distinct().toList(),
                alternatives,
                about);
    }

    /**
     * Why a rule matched.
     *
     * @param rule the policy rule's id, or {@code declared-relationship} when hidden from the caller
     * @param relationship the kind of relationship behind it, or null for role rules and hidden ones
     * @param via for a relationship through someone close, that person's name when the caller may see it
     * @param confidential whether the reason rests on a relationship only its parties, its declarer and
     *     the privacy lead may see (so a record kept for others must not show it)
     */
    public record Reason(
            String rule,
            Decision decision,
            @Nullable String relationship,
            String explanation,
            List<String> safeguards,
            @Nullable String via,
            boolean confidential) {

        static final String HIDDEN_RULE = "declared-relationship";

        /** The generic words, per decision, so that they never say more or less than the decision. */
        private static final Map<Decision, Map<String, String>> HIDDEN = Map.of(
                Decision.BLOCK,
                Map.of(
                        "en", "A declared relationship means someone else should take this action.",
                        "fr", "Une relation déclarée fait qu’une autre personne devrait se charger de cette action."),
                Decision.CONSULT,
                Map.of(
                        "en", "A declared relationship means this needs a consultation with a colleague first.",
                        "fr", "Une relation déclarée demande d’abord une consultation avec une ou un collègue."),
                Decision.WARN,
                Map.of(
                        "en", "A declared relationship asks for care: talk it through before going ahead.",
                        "fr", "Une relation déclarée demande de la prudence : parlez-en avant d’aller de l’avant."),
                Decision.ALLOW,
                Map.of(
                        "en", "A declared relationship is on record.",
                        "fr", "Une relation déclarée est enregistrée."));

        public Reason {
            safeguards = List.copyOf(safeguards);
        }

        /** A reason that rests on no confidential relationship (a role rule). */
        public Reason(
                String rule,
                Decision decision,
                @Nullable String relationship,
                String explanation,
                List<String> safeguards,
                @Nullable String via) {
            this(rule, decision, relationship, explanation, safeguards, via, false);
        }

        /**
         * The generic reason shown instead of one resting on a relationship the reader may not see: it
         * says that a declared relationship asks for someone else, never which, nor between whom.
         */
        public static Reason hidden(Decision decision, Locale locale) {
            Map<String, String> words = HIDDEN.get(decision);
            String text = words.getOrDefault(locale.getLanguage(), words.get("en"));
            return new Reason(HIDDEN_RULE, decision, null, text, List.of(), null, true);
        }

        /** This reason, or the generic one when it is confidential. */
        public Reason forBystanders(Locale locale) {
            return confidential ? hidden(decision, locale) : this;
        }
    }

    /** A person who holds a role that may take the action and has no conflict with the subject. */
    public record Alternative(PersonId personId, String name, boolean sameTeam, int load) {}
}
