package org.mutuality.support;

import java.time.Clock;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ForbiddenException;
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
                .orElseGet(() -> messages.getMessage("peerRole.default", null, java.util.Locale.forLanguageTag(l)));
    }

    /** Whether the agency wrote its own text in that language. */
    @Transactional(readOnly = true)
    public boolean customised(AgencyId agency, String lang) {
        return store.roleText(agency, language(lang)).isPresent();
    }

    /**
     * Saves the agency's text in one language.
     *
     * @throws IllegalArgumentException when the text is under 20 or over 6,000 characters
     */
    @Transactional
    public String save(SignedInUser by, String lang, String text) {
        if (!by.has(Role.SUPERVISOR) && !by.has(Role.MANAGER) && !by.isAdministrator()) {
            throw new ForbiddenException("Supervisors, managers and administrators keep this text.");
        }
        String l = language(lang);
        String body = Codes.text(text, "text", 6000, true);
        if (body.length() < 20) {
            throw new IllegalArgumentException("text must be at least 20 characters");
        }
        store.saveRoleText(by.agencyId(), l, body, by.personId(), clock.instant());
        audit.record(AuditEvent.by(by, "POLICY", "DONE").about(null, "PEER_ROLE_TEXT", l));
        return body;
    }

    private static String language(String lang) {
        if (!"en".equals(lang) && !"fr".equals(lang)) {
            throw new IllegalArgumentException("lang must be en or fr, was '" + lang + "'");
        }
        return lang;
    }
}
