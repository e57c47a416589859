package org.mutuality.research.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.research.ConsentId;
import org.mutuality.research.ConsentItem;
import org.mutuality.research.Studies;
import org.mutuality.research.Study;
import org.mutuality.research.StudyConsent;
import org.mutuality.research.StudyCursor;
import org.mutuality.research.StudyId;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The studies pages: the list, proposing one, one study with the reader's part in it. */
@Controller
class StudiesController {

    static final String LIST = "research/studies";
    static final String ONE = "research/study";

    private final Studies studies;
    private final Directory directory;
    private final Pages pages;

    StudiesController(Studies studies, Directory directory, Pages pages) {
        this.studies = studies;
        this.directory = directory;
        this.pages = pages;
    }

    /** The studies the reader is in or that recruit, then every study of the agency (paged). */
    @GetMapping("/studies")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String mineAfter,
            Model model) {
        Page<Studies.View> mine = studies.mine(user, StudyCursor.parse(mineAfter), Studies.PAGE);
        model.addAttribute("mine", mine.items());
        model.addAttribute("mineNext", mine.next());
        if (user.isStaff()) {
            Page<Study> all = studies.page(user, StudyCursor.parse(after), Studies.PAGE);
            model.addAttribute("all", all.items());
            model.addAttribute("next", all.next());
        }
        model.addAttribute("staff", user.isStaff());
        model.addAttribute("mayPropose", studies.mayPropose(user));
        model.addAttribute("today", studies.today());
        model.addAttribute("people", directory.displayNames(user.agencyId()));
        return LIST;
    }

    @PostMapping("/studies")
    String propose(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(required = false) @Nullable UUID principalInvestigatorId,
            @RequestParam(required = false) @Nullable List<UUID> coResearcherIds,
            @RequestParam(defaultValue = "") String ethicsBoard,
            @RequestParam(defaultValue = "") String approvalNumber,
            @RequestParam(required = false) @Nullable LocalDate approvedOn,
            @RequestParam(required = false) @Nullable LocalDate endsOn,
            @RequestParam(defaultValue = "") String dataUses,
            @RequestParam(defaultValue = "") String recruitmentText,
            @RequestParam(defaultValue = "") String consentForm,
            RedirectAttributes redirect) {
        List<PersonId> co = new ArrayList<>();
        if (coResearcherIds != null) {
            coResearcherIds.stream().filter(p -> p != null).map(PersonId::new).forEach(co::add);
        }
        Study.Details details = new Study.Details(
                title,
                purpose,
                principalInvestigatorId == null ? null : new PersonId(principalInvestigatorId),
                co,
                ethicsBoard,
                approvalNumber,
                approvedOn,
                endsOn,
                dataUses,
                recruitmentText,
                consentForm);
        StudyId[] made = new StudyId[1];
        String to = pages.act(redirect, "/studies", "/studies", () -> {
            made[0] = studies.propose(user, details).id();
            return "study.proposed";
        });
        return made[0] == null ? to : "redirect:/studies/" + made[0];
    }

    @GetMapping("/studies/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Studies.View view = studies.view(user, new StudyId(id));
        model.addAttribute("view", view);
        model.addAttribute("study", view.study());
        model.addAttribute("recruiting", view.study().recruitsOn(studies.today()));
        model.addAttribute(
                "consent",
                view.myConsents().isEmpty() ? null : view.myConsents().get(0));
        model.addAttribute("active", view.activeConsent().orElse(null));
        model.addAttribute("items", ConsentItem.values());
        model.addAttribute("people", directory.displayNames(user.agencyId()));
        if (view.team()) {
            Page<StudyConsent> consents = studies.consents(user, new StudyId(id), null, Studies.PAGE);
            model.addAttribute("consents", consents.items());
        }
        return ONE;
    }

    @PostMapping("/studies/{id}/open")
    String open(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(redirect, "study.opened", "/studies/" + id, () -> studies.open(user, new StudyId(id)));
    }

    @PostMapping("/studies/{id}/close")
    String close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(
                redirect, "study.recruitmentClosed", "/studies/" + id, () -> studies.close(user, new StudyId(id)));
    }

    @PostMapping("/studies/{id}/interest")
    String interest(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean interested,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "study.interestSaved",
                "/studies/" + id,
                () -> studies.answer(user, new StudyId(id), interested));
    }

    /** The reader's own consent, item by item, signed with their typed name. */
    @PostMapping("/studies/{id}/consent")
    String consent(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Boolean takePart,
            @RequestParam(required = false) @Nullable Boolean recording,
            @RequestParam(required = false) @Nullable Boolean records,
            @RequestParam(required = false) @Nullable Boolean recontact,
            @RequestParam(defaultValue = "") String signedName,
            RedirectAttributes redirect) {
        Map<ConsentItem, @Nullable Boolean> answers = new EnumMap<>(ConsentItem.class);
        answers.put(ConsentItem.TAKE_PART, takePart);
        answers.put(ConsentItem.RECORDING, recording);
        answers.put(ConsentItem.RECORDS, records);
        answers.put(ConsentItem.RECONTACT, recontact);
        return pages.act(
                redirect,
                "study.consented",
                "/studies/" + id,
                () -> studies.consent(user, new StudyId(id), new Studies.GiveConsent(null, answers, signedName, null)));
    }

    @PostMapping("/studies/{id}/consents/{consentId}/withdraw")
    String withdraw(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID consentId,
            @RequestParam(required = false) @Nullable List<String> items,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "study.withdrawn",
                "/studies/" + id,
                () -> studies.withdraw(
                        user,
                        new StudyId(id),
                        new ConsentId(consentId),
                        StudiesApi.items(items == null ? List.of() : items)));
    }
}
