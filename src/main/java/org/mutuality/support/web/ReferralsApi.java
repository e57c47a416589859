package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Page;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.NextPage;
import org.mutuality.support.Availability;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.Preferences;
import org.mutuality.support.Referral;
import org.mutuality.support.ReferralCursor;
import org.mutuality.support.ReferralId;
import org.mutuality.support.Referrals;
import org.mutuality.support.Suggestion;
import org.mutuality.support.web.SupportJson.ReferralJson;
import org.mutuality.support.web.SupportJson.SuggestionJson;
import org.mutuality.support.web.SupportJson.SuggestionsJson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Referrals, suggestions and the participant's choice under {@code /api/v1/referrals}. */
@RestController
class ReferralsApi {

    private final Referrals referrals;
    private final Directory directory;

    ReferralsApi(Referrals referrals, Directory directory) {
        this.referrals = referrals;
        this.directory = directory;
    }

    /**
     * A page of the referrals the caller coordinates or is a party to (30 unless {@code limit} says
     * otherwise, at most 200), newest first; open ones unless {@code all=true}. The next page's
     * address is in the {@code Link} header.
     */
    @GetMapping("/api/v1/referrals")
    ResponseEntity<List<ReferralJson>> list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Referrals.PAGE);
        Page<Referral> page = referrals.list(user, all, ReferralCursor.parse(after), size);
        Function<PersonId, String> names = SupportJson.names(directory, user);
        UriComponentsBuilder at = UriComponentsBuilder.fromPath("/api/v1/referrals");
        if (all) {
            at = at.queryParam("all", true);
        }
        return NextPage.ok(page, r -> ReferralJson.of(r, names), at, size);
    }

    @PostMapping("/api/v1/referrals")
    ResponseEntity<ReferralJson> refer(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody ReferBody body) {
        Referral r = referrals.refer(
                user,
                new PersonId(body.personId()),
                new ProgramId(body.programId()),
                body.reason(),
                preferences(body.languages(), body.gender(), body.livedExperience(), body.availability()));
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + r.id()))
                .body(ReferralJson.of(r, SupportJson.names(directory, user)));
    }

    @GetMapping("/api/v1/referrals/{id}")
    ReferralJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ReferralJson.of(referrals.view(user, new ReferralId(id)), SupportJson.names(directory, user));
    }

    /** Peer workers for this referral, best match first; for the program's coordinators. */
    @GetMapping("/api/v1/referrals/{id}/suggestions")
    SuggestionsJson suggestions(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        Suggestion.Result result = referrals.suggest(user, new ReferralId(id));
        return new SuggestionsJson(
                result.suggestions().stream().map(SuggestionJson::of).toList(),
                result.excludedForConflict(),
                result.full());
    }

    @PostMapping("/api/v1/referrals/{id}/offer")
    ReferralJson offer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable NoteBody body) {
        return ReferralJson.of(
                referrals.offer(user, new ReferralId(id), body == null ? null : body.note()),
                SupportJson.names(directory, user));
    }

    /**
     * The peer worker the person chose; {@code acknowledge} confirms a warning was read, or {@code
     * consultationId} names a consultation about this pairing answered "go ahead with safeguards".
     */
    @PostMapping("/api/v1/referrals/{id}/choice")
    ReferralJson choose(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ChoiceBody body) {
        return ReferralJson.of(
                referrals.choose(
                        user,
                        new ReferralId(id),
                        new PersonId(body.peerId()),
                        Boolean.TRUE.equals(body.acknowledge()),
                        body.consultationId()),
                SupportJson.names(directory, user));
    }

    /** The chosen peer worker accepts or declines. */
    @PostMapping("/api/v1/referrals/{id}/answer")
    ReferralJson answer(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody AnswerBody body) {
        return ReferralJson.of(
                referrals.answer(user, new ReferralId(id), body.accept(), body.note()),
                SupportJson.names(directory, user));
    }

    /** The person said no to peer support. */
    @PostMapping("/api/v1/referrals/{id}/declined")
    ReferralJson declined(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable NoteBody body) {
        return ReferralJson.of(
                referrals.personDeclined(user, new ReferralId(id), body == null ? null : body.note()),
                SupportJson.names(directory, user));
    }

    @PostMapping("/api/v1/referrals/{id}/close")
    ReferralJson close(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody NoteBody body) {
        return ReferralJson.of(
                referrals.close(user, new ReferralId(id), body.note() == null ? "" : body.note()),
                SupportJson.names(directory, user));
    }

    static Preferences preferences(
            @Nullable List<String> languages,
            @Nullable String gender,
            @Nullable List<String> lived,
            @Nullable List<String> availability) {
        return new Preferences(
                Text.languages("languages", languages),
                gender,
                Text.choices("livedExperience", lived, LivedExperience.class),
                Text.choices("availability", availability, Availability.class));
    }

    record ReferBody(
            @NotNull UUID personId,
            @NotNull UUID programId,
            @NotNull String reason,
            @Nullable List<String> languages,
            @Nullable String gender,
            @Nullable List<String> livedExperience,
            @Nullable List<String> availability) {}

    record ChoiceBody(
            @NotNull UUID peerId,
            @Nullable Boolean acknowledge,
            @Nullable UUID consultationId) {}

    record AnswerBody(@NotNull Boolean accept, @Nullable String note) {}

    record NoteBody(@Nullable String note) {}
}
