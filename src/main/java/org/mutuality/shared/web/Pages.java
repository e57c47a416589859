package org.mutuality.shared.web;

import java.util.Map;
import java.util.function.Supplier;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one place where a page turns a refusal into what the reader sees, in their language: a
 * message above the form ({@code problem}) or a confirmation ({@code notice}), each a key of {@code
 * messages.properties} or an {@link Explained} refusal. The layout shows them with {@code
 * ${@pages.sentence(problem)}}; no page shows an exception's English message.
 */
@Component("pages")
public class Pages {

    /**
     * The tick box a page asks for before a step the person cannot simply take back (ending a
     * role, a pause, a review, a choice): a post without it changes nothing.
     *
     * @throws BadInputException when it was not ticked
     */
    public static void requireTicked(boolean ticked) {
        if (!ticked) {
            throw new BadInputException("form.confirmFirst");
        }
    }

    private final MessageSource messages;
    private final CaughtRefusals refusals;

    Pages(MessageSource messages, CaughtRefusals refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    /**
     * Runs a page's action and redirects: on success with {@code done} as the confirmation, on a
     * refusal of the input or of the record's state with the refusal above the form.
     *
     * @param done the key of the confirmation
     * @param to where to go afterwards, such as {@code /concerns/<id>}
     */
    public String act(RedirectAttributes redirect, String done, String to, Runnable action) {
        return act(redirect, to, () -> {
            action.run();
            return done;
        });
    }

    /**
     * As {@link #act(RedirectAttributes, String, String, Runnable)}, for an action whose
     * confirmation depends on what it did: it returns the key of its confirmation.
     */
    public String act(RedirectAttributes redirect, String to, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (IllegalArgumentException | ConflictException e) {
            problem(redirect, e);
        }
        return "redirect:" + to;
    }

    /**
     * Runs a page's action: on success to {@code to} with the confirmation the action returns, on
     * any refusal back to {@code back} with the refusal above the form. The two differ when the
     * outcome decides where to go (handed over, hours are no longer the caller's to see). Unlike the
     * forms above, a refusal of the caller ({@link ForbiddenException}) is shown too, rather than
     * answered with the 403 page, and is recorded in the audit log ({@link CaughtRefusals}).
     */
    public String act(RedirectAttributes redirect, String to, String back, Supplier<String> action) {
        return act(redirect, to, back, Map.of(), action);
    }

    /**
     * As {@link #act(RedirectAttributes, String, String, Supplier)}, and on a refusal also hands the
     * next page {@code keepOnRefusal} (what the form needs to draw again, such as the text typed, so
     * that the person does not lose it).
     */
    public String act(
            RedirectAttributes redirect,
            String to,
            String back,
            Map<String, ?> keepOnRefusal,
            Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:" + to;
        } catch (IllegalArgumentException | ConflictException | ForbiddenException e) {
            refusals.recordIfRefusal(e);
            problem(redirect, e);
            keepOnRefusal.forEach(redirect::addFlashAttribute);
            return "redirect:" + back;
        }
    }

    /**
     * Shows the refusal above the form the next page draws. A refusal that waits for the person to
     * acknowledge a conflict check (it carries the check's {@code decision}) also sets {@code
     * needsAcknowledgement}, so the form shows its tick box; when the check was about one action,
     * actor and subject, {@code consultAbout} names them, so the page offers to consult a colleague
     * about exactly that instead.
     */
    public void problem(RedirectAttributes redirect, RuntimeException refusal) {
        redirect.addFlashAttribute("problem", explanation(refusal));
        if (refusal instanceof Explained explained && explained.facts().containsKey("decision")) {
            redirect.addFlashAttribute("needsAcknowledgement", true);
            Map<String, Object> facts = explained.facts();
            if (facts.containsKey("action") && facts.containsKey("actorId") && facts.containsKey("subjectId")) {
                // What a consultation in place of the acknowledgement would be about, for the layout's link.
                redirect.addFlashAttribute(
                        "consultAbout",
                        Map.of(
                                "action", facts.get("action"),
                                "actorId", facts.get("actorId"),
                                "subjectId", facts.get("subjectId")));
            }
        }
    }

    /** Shows the refusal above the form this page draws. */
    public void problem(Model model, RuntimeException refusal) {
        model.addAttribute("problem", explanation(refusal));
    }

    /** A refusal in the reader's language. */
    public String text(RuntimeException refusal) {
        return text(explanation(refusal));
    }

    /**
     * A message as the page shows it, above a form: in the reader's language, its first letter a
     * capital (a refusal may begin with a field's name, "le nom est obligatoire").
     */
    public String sentence(Object message) {
        String text = text(message);
        return text.isEmpty()
                ? text
                : text.substring(0, 1).toUpperCase(LocaleContextHolder.getLocale()) + text.substring(1);
    }

    /**
     * A message for the reader: a key of {@code messages.properties} or a resolvable (an {@link
     * Explained} refusal), in the reader's language.
     */
    public String text(Object message) {
        if (message instanceof MessageSourceResolvable resolvable) {
            return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
        }
        return messages.getMessage(String.valueOf(message), null, LocaleContextHolder.getLocale());
    }

    /**
     * What a refusal says: its explanation, or for an {@link IllegalArgumentException} without one
     * (thrown by the platform for a malformed id or date in a form) a general message that echoes
     * nothing of what was typed.
     */
    private static MessageSourceResolvable explanation(RuntimeException refusal) {
        if (refusal instanceof Explained explained) {
            return explained.explanation();
        }
        return Explanation.of("problem.badInput");
    }
}
