package org.mutuality.contact.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.contact.Contact;
import org.mutuality.contact.ContactSettings;
import org.mutuality.contact.Message;
import org.mutuality.contact.MessageCursor;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Page;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The participant's messages page, a worker's inbox and a participant's thread with the reply form. */
@Controller
class ContactController {

    private final Contact contact;
    private final Directory directory;
    private final Pages pages;

    ContactController(Contact contact, Directory directory, Pages pages) {
        this.contact = contact;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/contact")
    String mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String before,
            Locale locale,
            Model model) {
        Optional<ContactSettings> program = contact.myProgram(user);
        if (program.isEmpty()) {
            return "redirect:/contact/inbox";
        }
        boolean open = contact.openNow(program.get());
        Contact.Thread thread = contact.mine(user, MessageCursor.parse(before), Contact.PAGE);
        model.addAttribute("thread", thread.messages());
        model.addAttribute("earlier", thread.earlier());
        model.addAttribute("newest", before != null);
        model.addAttribute("open", open);
        model.addAttribute("settings", program.get());
        model.addAttribute("lines", CrisisLines.of(contact.resources(program.get())));
        model.addAttribute("reopens", reopens(contact, program.get(), locale).orElse(null));
        model.addAttribute("names", names(user));
        return "contact/mine";
    }

    /** When the program next opens, as the reader says a day and a time; empty while it is open. */
    static Optional<String> reopens(Contact contact, ContactSettings settings, Locale locale) {
        return contact.nextOpening(settings)
                .map(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(locale)::format);
    }

    @PostMapping("/contact")
    String send(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "MY_PEER") String to,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/contact", () -> {
            Contact.Sent sent = contact.send(user, Text.choice("to", to, Contact.To.class), text);
            redirect.addFlashAttribute("afterHoursResources", sent.resources());
            return sent.afterHours() ? "contact.sentAfterHours" : "contact.sent";
        });
    }

    @GetMapping("/contact/inbox")
    String inbox(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String before,
            Model model) {
        Page<Message> inbox = contact.inbox(user, MessageCursor.parse(before), Contact.PAGE);
        model.addAttribute("inbox", inbox.items());
        model.addAttribute("older", inbox.next());
        model.addAttribute("newest", before != null);
        model.addAttribute("names", names(user));
        return "contact/inbox";
    }

    @GetMapping("/contact/threads/{id}")
    String thread(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String before,
            Model model) {
        Contact.Thread thread = contact.thread(user, new PersonId(id), MessageCursor.parse(before), Contact.PAGE);
        model.addAttribute("thread", thread.messages());
        model.addAttribute("earlier", thread.earlier());
        model.addAttribute("newest", before != null);
        model.addAttribute("mayReply", contact.mayReply(user, new PersonId(id)));
        model.addAttribute("participant", directory.requirePerson(user.agencyId(), new PersonId(id)));
        model.addAttribute("names", names(user));
        return "contact/thread";
    }

    @PostMapping("/contact/threads/{id}")
    String reply(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        // A writer who may read the thread but is paused or restricted is refused after an allowed read.
        String thread = "/contact/threads/" + id;
        return pages.act(redirect, thread, thread, () -> {
            contact.reply(user, new PersonId(id), text);
            return "contact.replied";
        });
    }

    private Map<PersonId, String> names(SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }
}
