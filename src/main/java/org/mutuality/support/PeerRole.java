package org.mutuality.support;

import java.time.Clock;
import java.util.Locale;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.Text;
import org.mutuality.support.store.ProfileStore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a peer worker does, in plain words, for people being referred (S18): a page and a printable
 * sheet in English and French. Mutuality's text applies until the agency writes its own.
 */
@Service
public class PeerRole {

    private final ProfileStore store;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    PeerRole(ProfileStore store, MessageSource messages, AuditLog audit, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The agency's text in a language ({@code en} or {@code fr}), or Mutuality's. */
    @Transactional(readOnly = true)
    public String text(AgencyId agency, String lang) {
        String l = language(lang);
        return store.roleText(agency, l)
                .orElseGet(() -> messages.getMessage("peerRole.default", null, Locale.forLanguageTag(l)));
    }

    /** The agency's text in the reader's language: French for French, English otherwise. */
    @Transactional(readOnly = true)
    public String text(AgencyId agency, Locale reader) {
        return text(agency, reader.getLanguage().equals("fr") ? "fr" : "en");
    }

    /** Whether the user keeps the text: a supervisor, a manager or an administrator. */
    public boolean mayEdit(SignedInUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.MANAGER) || user.isAdministrator();
    }

    /** Whether the agency wrote its own text in that language. */
    @Transactional(readOnly = true)
    public boolean customised(AgencyId agency, String lang) {
        return store.roleText(agency, language(lang)).isPresent();
    }

    /**
     * Saves the agency's text in one language.
     *
     * @throws ForbiddenException unless the user {@link #mayEdit may edit} it
     * @throws BadInputException when the text is under 20 or over 6,000 characters
     */
    @Transactional
    public String save(SignedInUser by, String lang, String text) {
        if (!mayEdit(by)) {
            throw new ForbiddenException("peerRole.keepersOnly");
        }
        String l = language(lang);
        String body = Text.required("text", text, 20, Text.Limit.PAGE);
        store.saveRoleText(by.agencyId(), l, body, by.personId(), clock.instant());
        audit.record(
                AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE).about(null, "PEER_ROLE_TEXT", l));
        return body;
    }

    /** Saves the agency's text in English and in French at once: neither is saved when one is refused. */
    @Transactional
    public void saveBoth(SignedInUser by, String english, String french) {
        save(by, "en", english);
        save(by, "fr", french);
    }

    private static String language(String lang) {
        if (!"en".equals(lang) && !"fr".equals(lang)) {
            throw new BadInputException("language.enOrFr");
        }
        return lang;
    }
}
