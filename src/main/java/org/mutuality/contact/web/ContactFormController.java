package org.mutuality.contact.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.contact.Contact;
import org.mutuality.contact.ContactRequests;
import org.mutuality.contact.ContactSettings;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public contact form, for participants who are not signed in: the message is sent once they
 * open the link emailed to them. Open to everyone; it never says whether an address belongs to a
 * participant. The after-hours and crisis resources are on the page from the start.
 */
@Controller
class ContactFormController {

    private final ContactRequests requests;
    private final Contact contact;
    private final Pages pages;

    ContactFormController(ContactRequests requests, Contact contact, Pages pages) {
        this.requests = requests;
        this.contact = contact;
        this.pages = pages;
    }

    @GetMapping("/contact/form")
    String form(Model model) {
        model.addAttribute("available", requests.available());
        model.addAttribute("lines", CrisisLines.of(contact.defaultResources()));
        return "contact/form";
    }

    /**
     * Crisis lines, at every hour and for everyone, signed in or not; a participant also reads when
     * their program reopens if it is closed.
     */
    @GetMapping("/contact/crisis")
    String crisis(@AuthenticationPrincipal @Nullable SignedInUser user, Locale locale, Model model) {
        Optional<ContactSettings> program = user == null ? Optional.empty() : contact.myProgram(user);
        model.addAttribute(
                "lines", CrisisLines.of(program.map(contact::resources).orElseGet(contact::defaultResources)));
        model.addAttribute(
                "reopens",
                program.flatMap(p -> ContactController.reopens(contact, p, locale))
                        .orElse(null));
        model.addAttribute("signedIn", user != null);
        return "contact/crisis";
    }

    @PostMapping("/contact/form")
    String send(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "MY_PEER") String to,
            @RequestParam(defaultValue = "") String text,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("available", requests.available());
        model.addAttribute("lines", CrisisLines.of(contact.defaultResources()));
        try {
            requests.request(email, Text.choice("to", to, Contact.To.class), text, LocaleContextHolder.getLocale());
            model.addAttribute("notice", "contact.form.checkEmail");
        } catch (IllegalArgumentException | ConflictException e) {
            pages.problem(model, e);
            model.addAttribute("email", email);
            model.addAttribute("text", text);
            response.setStatus(400);
        }
        return "contact/form";
    }

    /** Shows a button rather than sending at once: mail scanners open links too. */
    @GetMapping("/contact/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "contact/confirm";
    }

    @PostMapping("/contact/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Contact.Sent> sent = requests.confirm(token);
        if (sent.isEmpty()) {
            model.addAttribute("problem", "contact.form.linkInvalid");
            response.setStatus(400);
            return "contact/confirm";
        }
        model.addAttribute("sent", sent.get());
        model.addAttribute("lines", CrisisLines.of(sent.get().resources()));
        model.addAttribute("notice", sent.get().afterHours() ? "contact.sentAfterHours" : "contact.sent");
        return "contact/confirm";
    }
}
