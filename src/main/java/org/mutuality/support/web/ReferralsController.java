package org.mutuality.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.Refusals;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.Availability;
import org.mutuality.support.LivedExperience;
import org.mutuality.support.Referral;
import org.mutuality.support.ReferralCursor;
import org.mutuality.support.ReferralId;
import org.mutuality.support.ReferralStatus;
import org.mutuality.support.Referrals;
import org.mutuality.support.Suggestion;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Referral pages: the list, the form any team member uses, and one referral with its steps. */
@Controller
class ReferralsController {

    private final Referrals referrals;
    private final Directory directory;
    private final Clock clock;
    private final Refusals refusals;

    private final Pages pages;

    ReferralsController(Referrals referrals, Directory directory, Clock clock, Refusals refusals, Pages pages) {
        this.pages = pages;
        this.refusals = refusals;
        this.referrals = referrals;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/referrals")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        ReferralCursor cursor = ReferralCursor.parse(after);
        Page<Referral> page = referrals.list(user, all, cursor, Referrals.PAGE);
        model.addAttribute("referrals", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("older", cursor != null);
        model.addAttribute("all", all);
        model.addAttribute("coordinator", referrals.isCoordinator(user));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return "support/referrals";
    }

    @GetMapping("/referrals/new")
    String form(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID person,
            Model model) {
        prepare(user, person, model);
        return "support/referral-form";
    }

    @PostMapping("/referrals")
    String refer(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String gender,
            @RequestParam(required = false) @Nullable List<String> livedExperience,
            @RequestParam(required = false) @Nullable List<String> availability,
            Model model,
            HttpServletResponse response) {
        try {
            Referral r = referrals.refer(
                    user,
                    new PersonId(Forms.chosen(personId, "referral.choosePersonAndProgram")),
                    new ProgramId(Forms.chosen(programId, "referral.choosePersonAndProgram")),
                    reason,
                    ReferralsApi.preferences(List.of(languages), gender, livedExperience, availability));
            return "redirect:/referrals/" + r.id() + "?made";
        } catch (IllegalArgumentException | ConflictException | ForbiddenException e) {
            refusals.recordIfRefusal(e);
            prepare(user, personId, model);
            pages.problem(model, e);
            model.addAttribute("reason", reason);
            model.addAttribute("languages", languages);
            model.addAttribute("gender", gender);
            response.setStatus(e instanceof ForbiddenException ? 403 : e instanceof ConflictException ? 409 : 400);
            return "support/referral-form";
        }
    }

    @GetMapping("/referrals/{id}")
    String one(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String made,
            Model model) {
        Referral r = referrals.view(user, new ReferralId(id));
        boolean coordinator = referrals.coordinates(user, r);
        model.addAttribute("referral", r);
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("chosenPeer", user.personId().equals(r.chosenPeer()));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("isSelf", user.isSelf(r.person()));
        model.addAttribute("mayClose", referrals.mayClose(user, r));
        if (made != null) {
            model.addAttribute("notice", "referral.made");
        }
        if (user.isSelf(r.person()) && !coordinator && r.status().isOpen()) {
            List<Referrals.PeerChoice> choices = referrals.suggestionsForPerson(user, new ReferralId(id));
            model.addAttribute("choices", choices);
        }
        if (coordinator && r.status().isOpen() && r.chosenPeer() == null) {
            Suggestion.Result suggestions = referrals.suggest(user, new ReferralId(id));
            model.addAttribute("suggestions", suggestions);
            // The person hears what peer support is before anyone records their choice (steps in order).
            model.addAttribute("offered", r.status() != ReferralStatus.RECEIVED);
            model.addAttribute("consultations", referrals.consultationsFor(user, r, suggestions));
        }
        return "support/referral";
    }

    @PostMapping("/referrals/{id}/offer")
    String offer(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(redirect, "referral.offered", to(id), () -> referrals.offer(user, new ReferralId(id), null));
    }

    @PostMapping("/referrals/{id}/choice")
    String choose(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID peerId,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(redirect, "referral.chosen", to(id), () -> {
            Pages.requireTicked(confirm);
            referrals.choose(
                    user,
                    new ReferralId(id),
                    new PersonId(Forms.chosen(peerId, "referral.choosePeer")),
                    acknowledge,
                    consultationId);
        });
    }

    /** The person chooses a peer worker among those suggested to them, ticking that they mean it. */
    @PostMapping("/referrals/{id}/my-choice")
    String personChoose(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID peerId,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(redirect, "referral.mine.chosenSaved", to(id), () -> {
            Pages.requireTicked(confirm);
            referrals.personChoose(user, new ReferralId(id), new PersonId(Forms.chosen(peerId, "referral.choosePeer")));
        });
    }

    @PostMapping("/referrals/{id}/talk-first")
    String talkFirst(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID peerId,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "referral.mine.talkFirstSaved",
                to(id),
                () -> referrals.talkFirst(
                        user, new ReferralId(id), new PersonId(Forms.chosen(peerId, "referral.choosePeer"))));
    }

    /** The person asks for another peer worker; no reason asked, a tick to confirm. */
    @PostMapping("/referrals/{id}/peer-change")
    String peerChange(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(redirect, "referral.mine.changeSaved", to(id), () -> {
            Pages.requireTicked(confirm);
            referrals.askForChange(user, new ReferralId(id));
        });
    }

    @PostMapping("/referrals/{id}/answer")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean accept,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(redirect, accept ? "referral.accepted" : "referral.peerDeclined", to(id), () -> {
            if (accept) {
                Pages.requireTicked(confirm);
            }
            referrals.answer(user, new ReferralId(id), accept, note);
        });
    }

    @PostMapping("/referrals/{id}/declined")
    String declined(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return pages.act(redirect, "referral.declinedSaved", to(id), () -> {
            Pages.requireTicked(confirm);
            referrals.personDeclined(user, new ReferralId(id), note);
        });
    }

    @PostMapping("/referrals/{id}/close")
    String close(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return pages.act(redirect, "referral.closed", to(id), () -> referrals.close(user, new ReferralId(id), note));
    }

    private static String to(UUID id) {
        return "/referrals/" + id;
    }

    private void prepare(SignedInUser user, @Nullable UUID person, Model model) {
        LocalDate today = LocalDate.now(clock);
        if (person != null) {
            model.addAttribute("person", directory.visibleTo(user, new PersonId(person)));
        } else if (user.isStaff()) {
            model.addAttribute(
                    "people",
                    directory.everyone(user.agencyId()).stream()
                            .filter(Person::active)
                            .sorted(Comparator.comparing(Person::displayName))
                            .toList());
        } else {
            model.addAttribute("person", directory.requirePerson(user.agencyId(), user.personId()));
        }
        model.addAttribute("programs", referrals.programs(user));
        model.addAttribute("areas", LivedExperience.values());
        model.addAttribute("times", Availability.values());
        model.addAttribute("today", today);
    }
}
