package org.mutuality.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.support.Interaction;
import org.mutuality.support.InteractionId;
import org.mutuality.support.PeerProfile;
import org.mutuality.support.Preferences;
import org.mutuality.support.Referral;
import org.mutuality.support.Suggestion;
import org.mutuality.support.SupportGroup;

/** JSON shapes of the peer support API. */
final class SupportJson {

    private SupportJson() {}

    record PreferencesJson(
            Set<String> languages, @Nullable String gender, Set<String> livedExperience, Set<String> availability) {
        static PreferencesJson of(Preferences p) {
            return new PreferencesJson(p.languages(), p.gender(), names(p.livedExperience()), names(p.availability()));
        }
    }

    record StepJson(
            String step,
            UUID byId,
            String by,
            @Nullable UUID peerId,
            @Nullable String note,
            Instant at,
            @Nullable UUID consultationId) {}

    record ReferralJson(
            UUID id,
            UUID personId,
            String person,
            UUID programId,
            UUID referredById,
            String reason,
            PreferencesJson preferences,
            String status,
            @Nullable UUID chosenPeerId,
            @Nullable UUID assignedPeerId,
            Instant receivedAt,
            Instant updatedAt,
            List<StepJson> steps) {
        static ReferralJson of(Referral r, Function<PersonId, String> names) {
            return new ReferralJson(
                    r.id().value(),
                    r.person().value(),
                    names.apply(r.person()),
                    r.program().value(),
                    r.referredBy().value(),
                    r.reason(),
                    PreferencesJson.of(r.preferences()),
                    r.status().name(),
                    r.chosenPeer() == null ? null : r.chosenPeer().value(),
                    r.assignedPeer() == null ? null : r.assignedPeer().value(),
                    r.receivedAt(),
                    r.updatedAt(),
                    r.steps().stream()
                            .map(s -> new StepJson(
                                    s.step().name(),
                                    s.by().value(),
                                    names.apply(s.by()),
                                    s.peer() == null ? null : s.peer().value(),
                                    s.note(),
                                    s.at(),
                                    s.consultation()))
                            .toList());
        }
    }

    record SuggestionJson(
            UUID peerId,
            String name,
            @Nullable String pronouns,
            int score,
            List<Suggestion.Match> matches,
            int participants,
            int capacity,
            String conflictDecision,
            List<String> reasons,
            boolean declinedBefore,
            Set<String> languages,
            Set<String> livedExperience,
            Set<String> availability) {
        static SuggestionJson of(Suggestion s) {
            return new SuggestionJson(
                    s.peer().value(),
                    s.name(),
                    s.pronouns(),
                    s.score(),
                    s.matches(),
                    s.load(),
                    s.capacity(),
                    s.decision().name(),
                    s.reasons(),
                    s.declinedBefore(),
                    s.profile().languages(),
                    names(s.profile().livedExperience()),
                    names(s.profile().availability()));
        }
    }

    record SuggestionsJson(List<SuggestionJson> suggestions, int excludedForConflict, int full) {}

    record InteractionJson(
            UUID id,
            UUID participantId,
            UUID peerId,
            String kind,
            LocalDate occurredOn,
            int durationMinutes,
            @Nullable String place,
            Set<String> topics,
            boolean livedExperienceShared,
            @Nullable String note,
            @Nullable LocalDateTime nextMeeting,
            @Nullable UUID amends,
            Instant createdAt,
            List<InteractionJson> earlierVersions) {
        static InteractionJson of(Interaction i, Map<InteractionId, List<Interaction>> history) {
            return new InteractionJson(
                    i.id().value(),
                    i.participant().value(),
                    i.peer().value(),
                    i.kind().name(),
                    i.occurredOn(),
                    i.durationMinutes(),
                    i.place(),
                    names(i.topics()),
                    i.livedExperienceShared(),
                    i.note(),
                    i.nextMeeting(),
                    i.amends() == null ? null : i.amends().value(),
                    i.createdAt(),
                    history.getOrDefault(i.id(), List.of()).stream()
                            .map(e -> of(e, Map.of()))
                            .toList());
        }
    }

    record ProfileJson(
            Set<String> languages,
            @Nullable String gender,
            Set<String> livedExperience,
            Set<String> availability,
            int capacity,
            boolean accepting) {
        static ProfileJson of(PeerProfile p) {
            return new ProfileJson(
                    p.languages(),
                    p.gender(),
                    names(p.livedExperience()),
                    names(p.availability()),
                    p.capacity(),
                    p.accepting());
        }
    }

    record GroupJson(
            UUID id,
            UUID programId,
            String name,
            @Nullable String description,
            @Nullable String meetsOn,
            @Nullable String startsAt,
            @Nullable String place,
            UUID leaderId,
            String leader) {
        static GroupJson of(SupportGroup g, Function<PersonId, String> names) {
            return new GroupJson(
                    g.id().value(),
                    g.program().value(),
                    g.name(),
                    g.description(),
                    g.schedule().day() == null ? null : g.schedule().day().name(),
                    g.schedule().startsAt() == null
                            ? null
                            : g.schedule().startsAt().toString(),
                    g.schedule().place(),
                    g.leader().value(),
                    names.apply(g.leader()));
        }
    }

    record MemberJson(
            UUID personId,
            String name,
            LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            String conflictDecision,
            @Nullable UUID consultationId) {}

    record SessionJson(
            UUID id, LocalDate heldOn, @Nullable String startsAt, int durationMinutes, Map<UUID, Boolean> attendance) {
        static SessionJson of(SupportGroup.Session s) {
            Map<UUID, Boolean> a = new java.util.LinkedHashMap<>();
            s.attendance().forEach((k, v) -> a.put(k.value(), v));
            return new SessionJson(
                    s.id().value(),
                    s.heldOn(),
                    s.startsAt() == null ? null : s.startsAt().toString(),
                    s.durationMinutes(),
                    a);
        }
    }

    /**
     * A group as its leader and coordinators read it; {@code leaderConsultationId} names the
     * consultation its leader was given it on, if any.
     */
    record RosterJson(
            GroupJson group,
            @Nullable UUID leaderConsultationId,
            List<MemberJson> members,
            int withheld,
            List<SessionJson> sessions) {}

    /** People's names as the agency's directory has them; "?" for anyone it does not know. */
    static Function<PersonId, String> names(Directory directory, SignedInUser user) {
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        return id -> names.getOrDefault(id, "?");
    }

    static <E extends Enum<E>> Set<String> names(Set<E> values) {
        return values.stream()
                .map(Enum::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
