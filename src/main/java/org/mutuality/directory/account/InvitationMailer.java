package org.mutuality.directory.account;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Emails a person the one-time link to choose the password of the account opened for them. The
 * email names no one and holds nothing but the link; the address is the one the agency has for them.
 */
@Component
public class InvitationMailer {

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    InvitationMailer(
            ObjectProvider<JavaMailSender> mail,
            MessageSource messages,
            @Value("${mutuality.notices.from:no-reply@mutuality.local}") String from,
            @Value("${mutuality.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Whether an email can be sent at all (a mail server is configured). */
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Sends the link.
     *
     * @throws IllegalStateException when no mail server is configured or the email could not be sent
     */
    public void send(String address, String username, String token, Locale locale) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server is configured");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(address);
            helper.setSubject(messages.getMessage("invitation.email.subject", null, locale));
            helper.setText(messages.getMessage("invitation.email", new Object[] {username}, locale) + "\n\n" + baseUrl
                    + "/account/invitation?token=" + token + "\n");
            sender.send(message);
        } catch (Exception e) {
            throw new IllegalStateException("the invitation email could not be sent", e);
        }
    }
}
