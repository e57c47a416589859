package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.support.Referral;
import org.mutuality.support.ReferralId;
import org.mutuality.support.Referrals;
import org.mutuality.support.web.SupportJson.ReferralJson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's own choice of peer worker under {@code /api/v1/me}: the peer workers suggested to
 * them, choosing one or asking to talk first, and asking for another at any time. Anyone else's
 * referral answers 404.
 */
@RestController
class MyReferralsApi {

    private final Referrals referrals;
    private final Directory directory;

    MyReferralsApi(Referrals referrals, Directory directory) {
        this.referrals = referrals;
        this.directory = directory;
    }

    /** The peer workers suggested to me, best match first: never a conflict, a load or a score. */
    @GetMapping("/api/v1/me/referrals/{id}/suggestions")
    List<PeerChoiceJson> suggestions(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return referrals.suggestionsForPerson(user, new ReferralId(id)).stream()
                .map(PeerChoiceJson::of)
                .toList();
    }

    /** I choose this peer worker; the answer is the same whether a coordinator confirms first or not. */
    @PostMapping("/api/v1/me/referrals/{id}/choice")
    ReferralJson choose(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PersonChoiceBody body) {
        return json(user, referrals.personChoose(user, new ReferralId(id), new PersonId(body.peerId())));
    }

    /** I would like to talk with this peer worker before choosing. */
    @PostMapping("/api/v1/me/referrals/{id}/talk-first")
    ReferralJson talkFirst(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PersonChoiceBody body) {
        return json(user, referrals.talkFirst(user, new ReferralId(id), new PersonId(body.peerId())));
    }

    /** I would like another peer worker; no reason asked. {@code referralId} when I have several. */
    @PostMapping("/api/v1/me/peer-change")
    ReferralJson peerChange(
            @AuthenticationPrincipal SignedInUser user, @RequestBody(required = false) @Nullable PeerChangeBody body) {
        UUID which = body == null ? null : body.referralId();
        return json(user, referrals.askForChange(user, which == null ? null : new ReferralId(which)));
    }

    private ReferralJson json(SignedInUser user, Referral r) {
        return ReferralJson.of(r, SupportJson.names(directory, user));
    }

    /** A peer worker as the person sees them among their suggestions. */
    record PeerChoiceJson(
            UUID peerId,
            String name,
            @Nullable String pronouns,
            List<String> languages,
            List<String> livedExperience,
            List<String> availability) {

        static PeerChoiceJson of(Referrals.PeerChoice c) {
            return new PeerChoiceJson(
                    c.peer().value(),
                    c.name(),
                    c.pronouns(),
                    c.languages().stream().sorted().toList(),
                    c.livedExperience().stream().map(Enum::name).sorted().toList(),
                    c.availability().stream().map(Enum::name).sorted().toList());
        }
    }

    record PersonChoiceBody(@NotNull UUID peerId) {}

    record PeerChangeBody(@Nullable UUID referralId) {}
}
