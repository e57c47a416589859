package org.mutuality.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * A participant's consent to one study, item by item ({@link ConsentItem}), on one version of its
 * consent form: signed in Mutuality with the typed name and the day, or recorded by a researcher from
 * paper with the paper's date. A withdrawal takes effect at once and is added to the history; nothing
 * is ever overwritten, so the history says what held on any day.
 *
 * @param signedName the name the person typed, or null for a paper consent
 * @param answers the answer to each item now
 * @param history every answer given and every withdrawal, oldest first
 */
public record StudyConsent(
        ConsentId id,
        StudyId study,
        PersonId person,
        int formVersion,
        Method method,
        @Nullable String signedName,
        LocalDate signedOn,
        PersonId recordedBy,
        Instant recordedAt,
        Map<ConsentItem, Boolean> answers,
        List<Change> history) {

    /** How the consent was given. */
    public enum Method {
        /** Signed in Mutuality by the person: their typed name and the day. */
        SIGNED_ONLINE,
        /** Signed on paper and recorded by a researcher, with the paper's date. */
        PAPER
    }

    /** One answer to one item, given or withdrawn, by whom and when. */
    public record Change(ConsentItem item, boolean yes, PersonId by, Instant at) {}

    /** The consent after a withdrawal, and the answers it changed. */
    public record Withdrawn(StudyConsent consent, List<Change> changes) {}

    public StudyConsent {
        Objects.requireNonNull(id, "id");
        EnumMap<ConsentItem, Boolean> copy = new EnumMap<>(ConsentItem.class);
        copy.putAll(answers);
        if (copy.size() != ConsentItem.values().length) {
            throw new IllegalStateException("a consent answers every item, was " + copy.keySet());
        }
        answers = Map.copyOf(copy);
        history = List.copyOf(history);
    }

    /**
     * A consent given now: every item answered, taking part among the yeses.
     *
     * @param signedName the name typed by the person (online), or null on paper
     * @throws BadInputException when an item is not answered, taking part is not a yes, the typed
     *     name is missing online, or a paper's date is in the future
     */
    public static StudyConsent give(
            StudyId study,
            PersonId person,
            int formVersion,
            Map<ConsentItem, @Nullable Boolean> given,
            Method method,
            @Nullable String signedName,
            LocalDate signedOn,
            PersonId by,
            Instant at,
            LocalDate today) {
        Map<ConsentItem, Boolean> answers = new EnumMap<>(ConsentItem.class);
        for (ConsentItem item : ConsentItem.values()) {
            Boolean yes = given.get(item);
            if (yes == null) {
                throw new BadInputException("study.consent.itemMissing", item.field());
            }
            answers.put(item, yes);
        }
        if (!answers.get(ConsentItem.TAKE_PART)) {
            throw new BadInputException("study.consent.takePartRequired");
        }
        String name = null;
        if (method == Method.SIGNED_ONLINE) {
            name = Text.required("signedName", signedName, 2, Text.Limit.NAME);
        }
        if (signedOn.isAfter(today)) {
            throw new BadInputException("study.consent.dateInFuture", signedOn);
        }
        List<Change> history = new ArrayList<>();
        answers.forEach((item, yes) -> history.add(new Change(item, yes, by, at)));
        return new StudyConsent(
                ConsentId.random(), study, person, formVersion, method, name, signedOn, by, at, answers, history);
    }

    /** Whether the item is consented to now: a yes, and taking part still a yes. */
    public boolean allows(ConsentItem item) {
        return answers.get(ConsentItem.TAKE_PART) && answers.get(item);
    }

    /** Whether the person still takes part. */
    public boolean active() {
        return allows(ConsentItem.TAKE_PART);
    }

    /**
     * Withdraws the items, at once. Withdrawing taking part withdraws every item: nothing flows to a
     * study the person left.
     *
     * @throws BadInputException when no item is named
     * @throws ConflictException when none of the items named is a yes now
     */
    public Withdrawn withdraw(Set<ConsentItem> items, PersonId by, Instant at) {
        if (items.isEmpty()) {
            throw new BadInputException("study.consent.noItems");
        }
        Set<ConsentItem> out = items.contains(ConsentItem.TAKE_PART) ? EnumSet.allOf(ConsentItem.class) : items;
        Map<ConsentItem, Boolean> now = new EnumMap<>(answers);
        List<Change> changes = new ArrayList<>();
        for (ConsentItem item : ConsentItem.values()) {
            if (out.contains(item) && allows(item)) {
                now.put(item, false);
                changes.add(new Change(item, false, by, at));
            }
        }
        if (changes.isEmpty()) {
            throw new ConflictException("study.consent.nothingToWithdraw");
        }
        List<Change> all = new ArrayList<>(history);
        all.addAll(changes);
        return new Withdrawn(
                new StudyConsent(
                        id, study, person, formVersion, method, signedName, signedOn, recordedBy, recordedAt, now, all),
                changes);
    }
}
