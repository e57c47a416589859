package org.mutuality.contact;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mutuality.contact.store.ContactRequestStore;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Email;
import org.mutuality.shared.Text;
import org.mutuality.shared.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public contact form (S3) for participants who are not signed in. The message waits until its
 * sender opens the link sent to their email address, proving it is theirs; then it is routed like
 * any other message. The answer to the form is the same whether or not the address belongs to a
 * participant, so the form tells nobody who is a participant. The email holds a link, never the
 * message.
 */
@Service
public class ContactRequests {

    private static final Logger log = LoggerFactory.getLogger(ContactRequests.class);
    static final Duration LIFETIME = Duration.ofHours(24);

    /** At most this many links wait for one person at a time, so the form cannot flood a mailbox. */
    static final int MAX_WAITING = 3;

    private final ContactRequestStore store;
    private final Directory directory;
    private final Contact contact;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    ContactRequests(
            ContactRequestStore store,
            Directory directory,
            Contact contact,
            ObjectProvider<JavaMailSender> mail,
            MessageSource messages,
            Clock clock,
            @Value("${mutuality.notices.from:no-reply@mutuality.local}") String from,
            @Value("${mutuality.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.directory = directory;
        this.contact = contact;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Whether this installation can send the confirmation email at all. */
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Takes a message from the form. When the address belongs to exactly one active participant, the
     * message is kept and a link is emailed there; otherwise nothing is kept. The caller answers the
     * same either way.
     *
     * @throws BadInputException when the address or the text is malformed
     * @throws ConflictException when mail is not configured, or the email could not be sent
     */
    @Transactional
    public void request(String email, Contact.To to, String text, Locale locale) {
        String address = Email.required("email", email);
        String body = Text.required("text", text, Text.Limit.MESSAGE);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new ConflictException("contact.form.unavailable");
        }
        LocalDate today = LocalDate.now(clock);
        List<Person> matches = directory.withEmail(address).stream()
                .filter(p -> p.activeRoles(today).contains(Role.PARTICIPANT))
                .toList();
        if (matches.size() != 1) {
            return;
        }
        Person person = matches.get(0);
        Instant now = clock.instant();
        int waiting = store.waiting(person.id(), now);
        if (waiting >= MAX_WAITING) {
            // Someone may be filling this person's mailbox: keep quiet, and answer as always.
            log.info("A contact form request was dropped: {} links already wait for the same person", waiting);
            return;
        }
        String token = Tokens.newSecret();
        store.add(person.agencyId(), person.id(), to, body, Tokens.hash(token), now, now.plus(LIFETIME));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(java.util.Objects.requireNonNull(person.details().email()));
            helper.setSubject(messages.getMessage("contact.confirm.subject", null, locale));
            helper.setText(messages.getMessage("contact.confirm.email", null, locale) + "\n\n" + baseUrl
                    + "/contact/confirm?token=" + token + "\n");
            sender.send(message);
        } catch (Exception e) {
            log.warn(
                    "The contact form's confirmation email could not be sent: {}",
                    e.getClass().getSimpleName());
            throw new ConflictException("contact.form.notSent");
        }
    }

    /**
     * Confirms a message with the token from the emailed link, once, within 24 hours, and sends it.
     *
     * @return the message as sent, or empty when the link is unknown, used or expired
     */
    @Transactional
    public Optional<Contact.Sent> confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return store.confirm(Tokens.hash(token), clock.instant())
                .map(p -> contact.sendVerified(p.agency(), p.person(), p.to(), p.body()));
    }
}
