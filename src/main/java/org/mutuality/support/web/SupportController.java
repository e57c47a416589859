package org.mutuality.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.Availability;
import org.mutuality.support.Caseloads;
import org.mutuality.support.Codes;
import org.mutuality.support.Interaction;
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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A participant's support record with the quick-entry form, the peer worker's matching profile,
 * team caseloads, the respectful-language list and helper, and the page about the peer role.
 */
@Controller
class SupportController {

    private final Interactions interactions;
    private final PeerProfiles profiles;
    private final Caseloads caseloads;
    private final LanguageHelper language;
    private final PeerRole peerRole;
    private final Directory directory;
    private final Clock clock;

    private final Pages pages;

    SupportController(
            Interactions interactions,
            PeerProfiles profiles,
            Caseloads caseloads,
            LanguageHelper language,
            PeerRole peerRole,
            Directory directory,
            Clock clock,
            Pages pages) {
        this.pages = pages;
        this.interactions = interactions;
        this.profiles = profiles;
        this.caseloads = caseloads;
        this.language = language;
        this.peerRole = peerRole;
        this.directory = directory;
        this.clock = clock;
    }

    /** How many contacts the page shows before "show all". */
    static final int PAGE = 30;

    @GetMapping("/support/participants/{id}")
    String participant(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        PersonId person = new PersonId(id);
        Interactions.Record record = interactions.read(user, person);
        model.addAttribute(
                "shown",
                all
                        ? record.current()
                        : record.current()
                                .subList(0, Math.min(PAGE, record.current().size())));
        model.addAttribute("all", all);
        model.addAttribute("person", directory.requirePerson(user.agencyId(), person));
        model.addAttribute("record", record);
        model.addAttribute("kinds", InteractionKind.values());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("names", Forms.names(directory, user));
        model.addAttribute("self", user.isSelf(person));
        return "support/participant";
    }

    @PostMapping("/support/participants/{id}/interactions")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable String occurredOn,
            @RequestParam(defaultValue = "") String durationMinutes,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(required = false) @Nullable List<String> topics,
            @RequestParam(defaultValue = "false") boolean livedExperienceShared,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable String nextMeeting,
            RedirectAttributes redirect) {
        try {
            interactions.record(
                    user,
                    new PersonId(id),
                    command(
                            kind,
                            occurredOn,
                            durationMinutes,
                            place,
                            topics,
                            livedExperienceShared,
                            note,
                            nextMeeting));
            redirect.addFlashAttribute("notice", "interaction.saved");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/support/participants/" + id;
    }

    @PostMapping("/support/interactions/{id}/amend")
    String amend(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID participant,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable String occurredOn,
            @RequestParam(defaultValue = "") String durationMinutes,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(required = false) @Nullable List<String> topics,
            @RequestParam(defaultValue = "false") boolean livedExperienceShared,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable String nextMeeting,
            RedirectAttributes redirect) {
        try {
            Interaction amended = interactions.amend(
                    user,
                    id,
                    command(
                            kind,
                            occurredOn,
                            durationMinutes,
                            place,
                            topics,
                            livedExperienceShared,
                            note,
                            nextMeeting));
            redirect.addFlashAttribute("notice", "interaction.amended");
            return "redirect:/support/participants/" + amended.participant();
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
            return "redirect:/support/participants/" + participant;
        }
    }

    private static RecordInteraction command(
            String kind,
            @Nullable String occurredOn,
            String durationMinutes,
            String place,
            @Nullable List<String> topics,
            boolean shared,
            String note,
            @Nullable String nextMeeting) {
        return new RecordInteraction(
                Codes.parse(InteractionKind.class, kind, "kind"),
                Forms.date(occurredOn, "occurredOn"),
                Forms.integer(durationMinutes, "durationMinutes"),
                place,
                Codes.parseAll(Topic.class, Forms.list(topics), "topics"),
                shared,
                note,
                Forms.dateTime(nextMeeting, "nextMeeting"));
    }

    @GetMapping("/support/profile")
    String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("profile", profiles.mine(user));
        model.addAttribute("areas", LivedExperience.values());
        model.addAttribute("times", Availability.values());
        return "support/profile";
    }

    @PostMapping("/support/profile")
    String saveProfile(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String gender,
            @RequestParam(required = false) @Nullable List<String> livedExperience,
            @RequestParam(required = false) @Nullable List<String> availability,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "false") boolean accepting,
            RedirectAttributes redirect) {
        try {
            profiles.save(
                    user,
                    new PeerProfile(
                            user.personId(),
                            Codes.languages(List.of(languages)),
                            gender,
                            Codes.parseAll(LivedExperience.class, Forms.list(livedExperience), "livedExperience"),
                            Codes.parseAll(Availability.class, Forms.list(availability), "availability"),
                            Forms.integer(capacity, "capacity"),
                            accepting));
            redirect.addFlashAttribute("notice", "peerProfile.saved");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/support/profile";
    }

    @GetMapping("/support/caseloads")
    String caseloads(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("rows", caseloads.team(user));
        return "support/caseloads";
    }

    /** The helper's suggestions for the text being written, as a fragment for htmx. */
    @PostMapping("/support/language/check")
    String check(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String note, Model model) {
        String text = note.length() > LanguageHelper.MAX_TEXT ? note.substring(0, LanguageHelper.MAX_TEXT) : note;
        model.addAttribute("hints", language.check(user.agencyId(), text, null));
        return "support/language-hints :: hints";
    }

    @GetMapping("/support/language")
    String phrases(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("phrases", language.phrases(user.agencyId()));
        model.addAttribute("customised", language.customised(user.agencyId()));
        return "support/language";
    }

    @PostMapping("/support/language/add")
    String addPhrase(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String phrase,
            @RequestParam(defaultValue = "") String suggestion,
            @RequestParam(defaultValue = "") String why,
            RedirectAttributes redirect) {
        try {
            List<Phrase> list = new ArrayList<>(language.phrases(user.agencyId()));
            list.add(new Phrase(UUID.randomUUID(), lang, phrase, suggestion, why));
            language.replace(user, list);
            redirect.addFlashAttribute("notice", "language.added");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/support/language";
    }

    @PostMapping("/support/language/remove")
    String removePhrase(
            @AuthenticationPrincipal SignedInUser user, @RequestParam UUID id, RedirectAttributes redirect) {
        List<Phrase> list = new ArrayList<>(language.phrases(user.agencyId()));
        if (!list.removeIf(p -> p.id().equals(id))) {
            redirect.addFlashAttribute("problem", "language.notFound");
            return "redirect:/support/language";
        }
        language.replace(user, list);
        redirect.addFlashAttribute("notice", "language.removed");
        return "redirect:/support/language";
    }

    /** What a peer worker does, in plain words; printable; in the page's language unless asked. */
    @GetMapping("/peer-support")
    String about(@AuthenticationPrincipal SignedInUser user, Model model) {
        String lang = LocaleContextHolder.getLocale().getLanguage().equals("fr") ? "fr" : "en";
        model.addAttribute("text", peerRole.text(user.agencyId(), lang));
        model.addAttribute("agency", directory.agencyName(user.agencyId()));
        model.addAttribute("mayEdit", mayEditRole(user));
        return "support/peer-support";
    }

    @GetMapping("/peer-support/edit")
    String editRole(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!mayEditRole(user)) {
            throw new org.mutuality.shared.ForbiddenException(
                    "Supervisors, managers and administrators keep this text.");
        }
        model.addAttribute("en", peerRole.text(user.agencyId(), "en"));
        model.addAttribute("fr", peerRole.text(user.agencyId(), "fr"));
        return "support/peer-support-edit";
    }

    @PostMapping("/peer-support/edit")
    String saveRole(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String en,
            @RequestParam(defaultValue = "") String fr,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            peerRole.save(user, "en", en);
            peerRole.save(user, "fr", fr);
        } catch (IllegalArgumentException e) {
            model.addAttribute("en", en);
            model.addAttribute("fr", fr);
            pages.problem(model, e);
            response.setStatus(400);
            return "support/peer-support-edit";
        }
        redirect.addFlashAttribute("notice", "peerRole.saved");
        return "redirect:/peer-support";
    }

    private static boolean mayEditRole(SignedInUser user) {
        return user.has(org.mutuality.directory.Role.SUPERVISOR)
                || user.has(org.mutuality.directory.Role.MANAGER)
                || user.isAdministrator();
    }
}
