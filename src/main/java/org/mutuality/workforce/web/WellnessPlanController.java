package org.mutuality.workforce.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.Accommodation;
import org.mutuality.workforce.AccommodationId;
import org.mutuality.workforce.WellnessItem;
import org.mutuality.workforce.WellnessPlan;
import org.mutuality.workforce.WellnessPlans;
import org.mutuality.workforce.WellnessSection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The wellness plan's pages: my plan (four sections, each shared with my supervisor or not, and the
 * accommodations I asked for), what a supervisee shares with me, and the requests sent to managers.
 */
@Controller
class WellnessPlanController {

    static final String MINE = "workforce/wellness-plan";
    static final String SHARED = "workforce/wellness-shared";
    static final String SENT = "workforce/accommodations";
    static final String ONE = "workforce/accommodation";

    private final WellnessPlans plans;
    private final Directory directory;
    private final Pages pages;

    WellnessPlanController(WellnessPlans plans, Directory directory, Pages pages) {
        this.plans = plans;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/wellness-plan")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        WellnessPlan plan = plans.mine(user);
        Map<WellnessSection, WellnessItem> sections = new EnumMap<>(WellnessSection.class);
        plan.sections().forEach(s -> sections.put(s.section(), s));
        model.addAttribute("plan", plan);
        model.addAttribute("sections", WellnessSection.values());
        model.addAttribute("written", sections);
        model.addAttribute("limit", WellnessItem.LIMIT.characters());
        model.addAttribute("requestLimit", Accommodation.LIMIT.characters());
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        return MINE;
    }

    @PostMapping("/wellness-plan")
    String write(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<WellnessSection, WellnessPlans.SectionEdit> edits = new EnumMap<>(WellnessSection.class);
        for (WellnessSection s : WellnessSection.values()) {
            edits.put(
                    s,
                    new WellnessPlans.SectionEdit(form.get(s.name()), "true".equals(form.get(s.name() + "-shared"))));
        }
        return pages.act(redirect, "wellness.saved", "/wellness-plan", () -> plans.writeMine(user, edits));
    }

    @PostMapping("/wellness-plan/accommodations")
    String ask(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String request,
            @RequestParam(defaultValue = "false") boolean shared,
            @RequestParam(defaultValue = "false") boolean send,
            RedirectAttributes redirect) {
        return pages.act(
                redirect, "accommodation.asked", "/wellness-plan", () -> plans.ask(user, request, shared, send));
    }

    @PostMapping("/wellness-plan/accommodations/{id}/sharing")
    String share(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean shared,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                shared ? "accommodation.sharedNow" : "accommodation.unsharedNow",
                "/wellness-plan",
                () -> plans.share(user, new AccommodationId(id), shared));
    }

    @PostMapping("/wellness-plan/accommodations/{id}/send")
    String send(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(
                redirect, "accommodation.sentNow", "/wellness-plan", () -> plans.send(user, new AccommodationId(id)));
    }

    @GetMapping("/people/{id}/wellness-plan")
    String shared(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        PersonId person = new PersonId(id);
        model.addAttribute("plan", plans.sharedWith(user, person));
        model.addAttribute("name", directory.displayNames(user.agencyId()).getOrDefault(person, ""));
        return SHARED;
    }

    @GetMapping("/accommodations")
    String sent(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("sent", plans.sent(user, page));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", WellnessPlans.PAGE_SIZE);
        return SENT;
    }

    @GetMapping("/accommodations/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Accommodation a = plans.accommodation(user, new AccommodationId(id));
        model.addAttribute("accommodation", a);
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("outcomes", Accommodation.Outcome.values());
        model.addAttribute("answers", plans.answers(user) && !user.isSelf(a.person()) && a.answer() == null);
        model.addAttribute("limit", Accommodation.LIMIT.characters());
        return ONE;
    }

    @PostMapping("/accommodations/{id}/answer")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "accommodation.answeredNow",
                "/accommodations/" + id,
                () -> plans.answer(
                        user,
                        new AccommodationId(id),
                        outcome.isBlank() ? null : Text.choice("outcome", outcome, Accommodation.Outcome.class),
                        text));
    }
}
