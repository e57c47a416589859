package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.support.Availability;
import org.mutuality.support.Caseloads;
import org.mutuality.support.Interaction;
import org.mutuality.support.InteractionId;
import org.mutuality.support.InteractionKind;
import org.mutuality.support.Interactions;
import org.mutuality.support.LanguageHelper;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.PeerProfile;
import org.mutuality.support.PeerProfiles;
import org.mutuality.support.PeerRole;
import org.mutuality.support.Phrase;
import org.mutuality.support.RecordInteraction;
import org.mutuality.support.Topic;
import org.mutuality.support.web.SupportJson.InteractionJson;
import org.mutuality.support.web.SupportJson.ProfileJson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interactions, the peer worker's profile and day, team caseloads, the respectful-language helper
 * and the description of the peer role, under {@code /api/v1}.
 */
@RestController
class SupportApi {

    private final Interactions interactions;
    private final PeerProfiles profiles;
    private final Caseloads caseloads;
    private final LanguageHelper language;
    private final PeerRole peerRole;

    SupportApi(
            Interactions interactions,
            PeerProfiles profiles,
            Caseloads caseloads,
            LanguageHelper language,
            PeerRole peerRole) {
        this.interactions = interactions;
        this.profiles = profiles;
        this.caseloads = caseloads;
        this.language = language;
        this.peerRole = peerRole;
    }

    /** The participant's interactions as the caller may see them; 403 (audited) otherwise. */
    @GetMapping("/api/v1/people/{id}/interactions")
    InteractionsJson read(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        Interactions.Record record = interactions.read(user, new PersonId(id));
        return new InteractionsJson(
                record.basis().name(),
                record.current().stream()
                        .map(i -> InteractionJson.of(i, record.history()))
                        .toList());
    }

    @PostMapping("/api/v1/people/{id}/interactions")
    ResponseEntity<InteractionJson> record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody InteractionBody body) {
        Interaction i = interactions.record(user, new PersonId(id), body.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/interactions"))
                .body(InteractionJson.of(i, java.util.Map.of()));
    }

    /** Corrects an interaction: a new entry that replaces it in lists; the original stays. */
    @PostMapping("/api/v1/interactions/{id}/amend")
    ResponseEntity<InteractionJson> amend(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody InteractionBody body) {
        Interaction i = interactions.amend(user, new InteractionId(id), body.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/people/" + i.participant() + "/interactions"))
                .body(InteractionJson.of(i, java.util.Map.of()));
    }

    @GetMapping("/api/v1/me/peer-profile")
    ProfileJson profile(@AuthenticationPrincipal SignedInUser user) {
        return ProfileJson.of(profiles.mine(user));
    }

    @PutMapping("/api/v1/me/peer-profile")
    ProfileJson saveProfile(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody ProfileBody body) {
        PeerProfile profile = new PeerProfile(
                user.personId(),
                Text.languages("languages", body.languages()),
                body.gender(),
                Text.choices("livedExperience", body.livedExperience(), LivedExperience.class),
                Text.choices("availability", body.availability(), Availability.class),
                body.capacity(),
                body.accepting());
        return ProfileJson.of(profiles.save(user, profile));
    }

    /** The signed-in peer worker's day: participants, today's meetings and groups, referrals waiting. */
    @GetMapping("/api/v1/me/day")
    DayJson day(@AuthenticationPrincipal SignedInUser user) {
        Caseloads.MyDay day = caseloads.myDay(user);
        return new DayJson(
                day.participants().stream().map(ParticipantJson::of).toList(),
                day.meetingsToday().stream().map(ParticipantJson::of).toList(),
                day.groupsToday().stream().map(GroupTodayJson::of).toList(),
                day.referralsWaitingForMe().stream().map(r -> r.id().value()).toList(),
                day.referralsToCoordinate(),
                day.minutesThisMonth(),
                day.capacity());
    }

    /** Caseloads across the team for the last 30 days, for coordinators; counts and hours only. */
    @GetMapping("/api/v1/caseloads")
    List<CaseloadJson> caseloads(@AuthenticationPrincipal SignedInUser user) {
        return caseloads.team(user).stream().map(CaseloadJson::of).toList();
    }

    /** Phrases in the text that label or devalue, with suggestions. It never refuses anything. */
    @PostMapping("/api/v1/language/check")
    List<LanguageHelper.Hint> check(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CheckBody body) {
        return language.check(user.agencyId(), body.text(), body.lang());
    }

    @GetMapping("/api/v1/language/phrases")
    List<Phrase> phrases(@AuthenticationPrincipal SignedInUser user) {
        return language.phrases(user.agencyId());
    }

    /** Replaces the agency's whole list. */
    @PutMapping("/api/v1/language/phrases")
    List<Phrase> replace(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody List<@NotNull PhraseBody> body) {
        return language.replace(
                user,
                body.stream()
                        .map(p -> new Phrase(UUID.randomUUID(), p.lang(), p.phrase(), p.suggestion(), p.why()))
                        .toList());
    }

    /** What a peer worker does, in plain words, in English ({@code en}) or French ({@code fr}). */
    @GetMapping("/api/v1/peer-role")
    RoleJson role(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "en") String lang) {
        return new RoleJson(lang, peerRole.text(user.agencyId(), lang), peerRole.customised(user.agencyId(), lang));
    }

    @PutMapping("/api/v1/peer-role")
    RoleJson saveRole(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody RoleBody body) {
        return new RoleJson(body.lang(), peerRole.save(user, body.lang(), body.text()), true);
    }

    record InteractionsJson(String basis, List<InteractionJson> interactions) {}

    record InteractionBody(
            @NotNull String kind,
            @Nullable LocalDate occurredOn,
            @NotNull Integer durationMinutes,
            @Nullable String place,
            @Nullable List<String> topics,
            @Nullable Boolean livedExperienceShared,
            @Nullable String note,
            @Nullable LocalDateTime nextMeeting) {
        RecordInteraction toCommand() {
            return new RecordInteraction(
                    Text.choice("kind", kind, InteractionKind.class),
                    occurredOn,
                    durationMinutes,
                    place,
                    Text.choices("topics", topics, Topic.class),
                    Boolean.TRUE.equals(livedExperienceShared),
                    note,
                    nextMeeting);
        }
    }

    record ProfileBody(
            @Nullable List<String> languages,
            @Nullable String gender,
            @Nullable List<String> livedExperience,
            @Nullable List<String> availability,
            @NotNull Integer capacity,
            @NotNull Boolean accepting) {}

    record ParticipantJson(
            UUID personId,
            String name,
            @Nullable String pronouns,
            @Nullable LocalDate lastContact,
            @Nullable LocalDateTime nextMeeting,
            boolean quiet) {
        static ParticipantJson of(Caseloads.Participant p) {
            return new ParticipantJson(
                    p.person().value(), p.name(), p.pronouns(), p.lastContact(), p.nextMeeting(), p.quiet());
        }
    }

    record CaseloadJson(
            UUID peerId,
            String name,
            boolean volunteer,
            int participants,
            int capacity,
            boolean accepting,
            int interactions30d,
            int minutes30d,
            int groupMinutes30d,
            int groupsLed,
            double hours30d) {
        static CaseloadJson of(Caseloads.Row r) {
            return new CaseloadJson(
                    r.peer().value(),
                    r.name(),
                    r.volunteer(),
                    r.participants(),
                    r.capacity(),
                    r.accepting(),
                    r.interactions30d(),
                    r.minutes30d(),
                    r.groupMinutes30d(),
                    r.groupsLed(),
                    r.hours30d());
        }
    }

    record DayJson(
            List<ParticipantJson> participants,
            List<ParticipantJson> meetingsToday,
            List<GroupTodayJson> groupsToday,
            List<UUID> referralsWaitingForMe,
            int referralsToCoordinate,
            int minutesThisMonth,
            int capacity) {}

    record GroupTodayJson(
            UUID group,
            String name,
            @Nullable LocalTime startsAt,
            @Nullable String place,
            boolean leading) {
        static GroupTodayJson of(Caseloads.GroupToday g) {
            return new GroupTodayJson(g.group().value(), g.name(), g.startsAt(), g.place(), g.leading());
        }
    }

    record CheckBody(@NotNull String text, @Nullable String lang) {}

    record PhraseBody(
            @NotNull String lang,
            @NotNull String phrase,
            @NotNull String suggestion,
            @Nullable String why) {}

    record RoleJson(String lang, String text, boolean customised) {}

    record RoleBody(@NotNull String lang, @NotNull String text) {}
}
