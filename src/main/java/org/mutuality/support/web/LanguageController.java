package org.mutuality.support.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.LanguageHelper;
import org.mutuality.support.Phrase;
import org.mutuality.support.PhraseId;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The respectful-language list and the helper's hints while a note is written. */
@Controller
class LanguageController {

    private static final String LIST = "/support/language";

    private final LanguageHelper language;
    private final Pages pages;

    LanguageController(LanguageHelper language, Pages pages) {
        this.language = language;
        this.pages = pages;
    }

    /** The helper's suggestions for the text being written, as a fragment for htmx. */
    @PostMapping("/support/language/check")
    String check(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String note, Model model) {
        // Only the page's language: an English page shows the English list's hints, a French page the French.
        model.addAttribute(
                "hints",
                language.whileWriting(
                        user.agencyId(), note, LocaleContextHolder.getLocale().getLanguage()));
        return "support/language-hints :: hints";
    }

    /**
     * The list in the page's language; {@code ?all=true} shows every language's phrases, those of
     * the page's language first.
     */
    @GetMapping(LIST)
    String phrases(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        String reading = LocaleContextHolder.getLocale().getLanguage();
        List<Phrase> phrases = language.phrases(user.agencyId()).stream()
                .filter(p -> all || p.lang().equals(reading))
                .sorted(Comparator.comparing((Phrase p) -> !p.lang().equals(reading)))
                .toList();
        model.addAttribute("phrases", phrases);
        model.addAttribute("all", all);
        model.addAttribute("reading", reading);
        model.addAttribute("customised", language.customised(user.agencyId()));
        return "support/language";
    }

    @PostMapping("/support/language/add")
    String add(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String phrase,
            @RequestParam(defaultValue = "") String suggestion,
            @RequestParam(defaultValue = "") String why,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "language.added",
                LIST,
                () -> language.add(user, new Phrase(PhraseId.random(), lang, phrase, suggestion, why)));
    }

    @PostMapping("/support/language/remove")
    String remove(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID id, RedirectAttributes redirect) {
        return pages.act(redirect, "language.removed", LIST, () -> language.remove(user, new PhraseId(id)));
    }
}
