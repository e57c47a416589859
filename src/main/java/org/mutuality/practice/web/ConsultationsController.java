package org.mutuality.practice.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.BoundaryAgreement;
import org.mutuality.practice.BoundaryAgreementId;
import org.mutuality.practice.BoundaryAgreements;
import org.mutuality.practice.Consultation;
import org.mutuality.practice.ConsultationId;
import org.mutuality.practice.Consultations;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.ReturnPath;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Consultation pages (the list, asking one, one consultation with choosing, answering, withdrawing,
 * and attaching or taking off the asker's dilemma navigator summary) and boundary agreement pages (the list, one agreement with writing, accepting and
 * asking to revisit).
 */
@Controller
class ConsultationsController {

    static final String LIST = "practice/consultations";
    static final String NEW = "practice/consultation-new";
    static final String ONE = "practice/consultation";
    static final String AGREEMENTS = "practice/agreements";
    static final String AGREEMENT = "practice/agreement";

    private final Consultations consultations;
    private final BoundaryAgreements agreements;
    private final Directory directory;
    private final Pages pages;

    ConsultationsController(
            Consultations consultations, BoundaryAgreements agreements, Directory directory, Pages pages) {
        this.consultations = consultations;
        this.agreements = agreements;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/consultations")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("consultations", consultations.mine(user));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return LIST;
    }

    @GetMapping("/consultations/new")
    String form(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable UUID subjectId,
            @RequestParam(required = false) @Nullable String back,
            Model model) {
        if (!user.isStaff()) {
            throw new ForbiddenException("consultation.staffOnly");
        }
        model.addAttribute(
                "actions",
                Arrays.stream(Action.values())
                        .filter(a -> a != Action.CONSULT_ON && a != Action.RECRUIT)
                        .toList());
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("actorId", actorId == null ? "" : actorId.toString());
        model.addAttribute("subjectId", subjectId == null ? "" : subjectId.toString());
        model.addAttribute("back", ReturnPath.parse(back));
        model.addAttribute(
                "people",
                directory.everyone(user.agencyId()).stream()
                        .filter(Person::active)
                        .sorted(Comparator.comparing(Person::displayName))
                        .toList());
        return NEW;
    }

    @PostMapping("/consultations")
    String ask(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable UUID subjectId,
            @RequestParam(defaultValue = "") String situation,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        try {
            Consultations.Asked asked = consultations.ask(
                    user,
                    Action.parse(action),
                    new PersonId(required(actorId)),
                    new PersonId(required(subjectId)),
                    situation,
                    ReturnPath.parse(back));
            redirect.addFlashAttribute("notice", "consultation.asked");
            return "redirect:" + page(asked.consultation().id());
        } catch (IllegalArgumentException | ConflictException e) {
            pages.problem(redirect, e);
            redirect.addFlashAttribute("situation", situation);
            redirect.addAttribute("action", action);
            if (actorId != null) {
                redirect.addAttribute("actorId", actorId);
            }
            if (subjectId != null) {
                redirect.addAttribute("subjectId", subjectId);
            }
            if (back != null && isLocal(back)) {
                redirect.addAttribute("back", back);
            }
            return "redirect:/consultations/new";
        }
    }

    @GetMapping("/consultations/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        ConsultationId cid = new ConsultationId(id);
        Consultations.View view = consultations.view(user, cid);
        Consultation c = view.consultation();
        boolean choosing = view.asker()
                && (c.status() == Consultation.Status.WAITING_FOR_CONSULTANT
                        || c.status() == Consultation.Status.ASKED);
        model.addAttribute("view", view);
        model.addAttribute("consultation", c);
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("consultants", consultations.consultantsFor(user, view));
        model.addAttribute("choosing", choosing);
        model.addAttribute("answering", view.consultant() && c.status() == Consultation.Status.ASKED);
        model.addAttribute("outcomes", Consultation.Outcome.values());
        model.addAttribute("agreement", agreements.fromConsultation(user, cid));
        return ONE;
    }

    @PostMapping("/consultations/{id}/consultant")
    String choose(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID consultantId,
            RedirectAttributes redirect) {
        ConsultationId cid = new ConsultationId(id);
        return pages.act(
                redirect,
                "consultation.consultantChosen",
                page(cid),
                () -> consultations.choose(user, cid, new PersonId(required(consultantId))));
    }

    @PostMapping("/consultations/{id}/answer")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String safeguards,
            RedirectAttributes redirect) {
        ConsultationId cid = new ConsultationId(id);
        return pages.act(
                redirect,
                "consultation.answered",
                page(cid),
                () -> consultations.answer(
                        user,
                        cid,
                        Text.choice("outcome", outcome, Consultation.Outcome.class),
                        note,
                        safeguards
                                .lines()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList()));
    }

    /** Withdraws for good, so the page asks for a tick first. */
    @PostMapping("/consultations/{id}/withdraw")
    String withdraw(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        ConsultationId cid = new ConsultationId(id);
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "consultation.confirmWithdraw");
            return "redirect:" + page(cid);
        }
        return pages.act(redirect, "consultation.withdrawn", page(cid), () -> consultations.withdraw(user, cid));
    }

    /** The asker attaches the navigator's summary of the answers (from the navigator's page). */
    @PostMapping("/consultations/{id}/reflection")
    String reflect(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @ModelAttribute NavigatorForm form,
            Locale locale,
            RedirectAttributes redirect) {
        ConsultationId cid = new ConsultationId(id);
        return pages.act(
                redirect,
                "consultation.reflected",
                page(cid),
                () -> consultations.reflect(user, cid, form.answers(), locale));
    }

    @PostMapping("/consultations/{id}/reflection/remove")
    String unreflect(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        ConsultationId cid = new ConsultationId(id);
        return pages.act(redirect, "consultation.unreflected", page(cid), () -> consultations.unreflect(user, cid));
    }

    @GetMapping("/agreements")
    String agreements(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("agreements", agreements.mine(user));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return AGREEMENTS;
    }

    @GetMapping("/agreements/{id}")
    String agreement(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        BoundaryAgreements.View view = agreements.view(user, new BoundaryAgreementId(id));
        model.addAttribute("view", view);
        model.addAttribute("agreement", view.agreement());
        model.addAttribute("topics", BoundaryAgreement.Topic.values());
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("acceptedByMe", view.agreement().acceptedBy(user.personId()));
        return AGREEMENT;
    }

    @PostMapping("/agreements/{id}")
    String write(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<BoundaryAgreement.Topic, String> words = new EnumMap<>(BoundaryAgreement.Topic.class);
        for (BoundaryAgreement.Topic topic : BoundaryAgreement.Topic.values()) {
            String text = form.get(topic.name());
            if (text != null) {
                words.put(topic, text);
            }
        }
        BoundaryAgreementId aid = new BoundaryAgreementId(id);
        return pages.act(redirect, "agreement.written", agreementPage(aid), () -> agreements.write(user, aid, words));
    }

    @PostMapping("/agreements/{id}/accept")
    String accept(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        BoundaryAgreementId aid = new BoundaryAgreementId(id);
        return pages.act(redirect, "agreement.accepted", agreementPage(aid), () -> agreements.accept(user, aid));
    }

    @PostMapping("/agreements/{id}/revisit")
    String revisit(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        BoundaryAgreementId aid = new BoundaryAgreementId(id);
        return pages.act(redirect, "agreement.reopened", agreementPage(aid), () -> agreements.revisit(user, aid));
    }

    private static UUID required(@Nullable UUID id) {
        if (id == null) {
            throw new BadInputException("consultation.choosePeople");
        }
        return id;
    }

    private static String page(ConsultationId id) {
        return "/consultations/" + id;
    }

    /** Whether a path typed into the form may be given back to it (a bad one is dropped, never echoed). */
    private static boolean isLocal(String back) {
        try {
            return ReturnPath.parse(back) != null;
        } catch (BadInputException e) {
            return false;
        }
    }

    private static String agreementPage(BoundaryAgreementId id) {
        return "/agreements/" + id;
    }
}
