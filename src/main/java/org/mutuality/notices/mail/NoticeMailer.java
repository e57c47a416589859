package org.mutuality.notices.mail;

import java.util.List;
import java.util.Locale;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.notices.store.NoticeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends stored notices by email, in English and French, a few seconds after they are stored. The
 * email carries what happened and a link, never a name or a record, since mail leaves the agency's
 * control. Runs only when mail is configured ({@code spring.mail.host}). When the mail server cannot
 * be reached the notices stay pending and the next round tries again.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
public class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final NoticeStore store;
    private final Directory directory;
    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    NoticeMailer(
            NoticeStore store,
            Directory directory,
            JavaMailSender mail,
            MessageSource messages,
            @Value("${mutuality.notices.from:no-reply@mutuality.local}") String from,
            @Value("${mutuality.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.directory = directory;
        this.mail = mail;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Sends what is pending; returns how many emails went out. */
    @Scheduled(fixedDelayString = "${mutuality.notices.mail-interval:5s}", initialDelayString = "5s")
    public int sendPending() {
        int sent = 0;
        List<NoticeStore.Pending> pending = store.pendingEmail(100);
        for (NoticeStore.Pending notice : pending) {
            String address = notice.address() != null
                    ? notice.address()
                    : directory
                            .person(notice.agency(), notice.recipient())
                            .map(Person::details)
                            .map(d -> d.email())
                            .orElse(null);
            if (address == null) {
                store.emailed(notice.id(), "NO_ADDRESS");
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(address);
            message.setSubject(text(notice.kind().messageKey() + ".subject", Locale.ENGLISH) + " / "
                    + text(notice.kind().messageKey() + ".subject", Locale.FRENCH));
            message.setText(body(notice, Locale.ENGLISH) + "\n\n----\n\n" + body(notice, Locale.FRENCH));
            try {
                mail.send(message);
            } catch (MailException e) {
                log.warn(
                        "Mail server refused or unreachable; {} notices stay pending: {}",
                        pending.size() - sent,
                        e.getClass().getSimpleName());
                return sent;
            }
            store.emailed(notice.id(), "SENT");
            sent++;
        }
        return sent;
    }

    private String body(NoticeStore.Pending notice, Locale locale) {
        return text(notice.kind().messageKey(), locale) + "\n\n" + baseUrl + notice.link() + "\n\n"
                + text("notice.email.footer", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
