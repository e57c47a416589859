package org.mutuality.notices;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.store.NoticeStore;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices module's API. {@link #send} stores the notice in the caller's transaction, so a notice
 * exists exactly when the act it tells of does; email follows moments later from the stored notice.
 */
@Service
public class Notices {

    /** How many notices a page shows unless the reader asks for another number. */
    public static final int PAGE = 30;

    private final NoticeStore store;
    private final Directory directory;

    Notices(NoticeStore store, Directory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** Tells one person of the agency. */
    @Transactional
    public void send(AgencyId agency, PersonId recipient, NoticeKind kind, String link) {
        directory.requirePerson(agency, recipient);
        store.insert(agency, recipient, kind, link);
    }

    /**
     * Tells one person of the agency, and emails the notice to {@code address} rather than to the
     * address the agency has for them now: for a notice that belongs at an address they had before.
     */
    @Transactional
    public void send(AgencyId agency, PersonId recipient, NoticeKind kind, String link, String address) {
        directory.requirePerson(agency, recipient);
        store.insert(agency, recipient, kind, link, address);
    }

    /** Tells every person who is the agency's privacy lead today. */
    @Transactional
    public int sendToPrivacyLeads(AgencyId agency, NoticeKind kind, String link) {
        List<PersonId> leads = directory.holding(agency, Role.PRIVACY_LEAD);
        leads.forEach(lead -> store.insert(agency, lead, kind, link));
        return leads.size();
    }

    /**
     * A page of the signed-in person's notices, newest first, after {@code after} (the newest page
     * when null), and where the next page starts.
     */
    @Transactional(readOnly = true)
    public Page<Notice> mine(SignedInUser user, @Nullable NoticeCursor after, int limit) {
        return store.of(user.agencyId(), user.personId(), after, limit);
    }

    @Transactional(readOnly = true)
    public int unreadCount(SignedInUser user) {
        return store.unreadCount(user.agencyId(), user.personId());
    }

    /**
     * Marks one of the signed-in person's notices as read and returns it.
     *
     * @throws NotFoundException for a notice that is not theirs (or does not exist)
     */
    @Transactional
    public Notice markRead(SignedInUser user, UUID id) {
        if (!store.markRead(user.agencyId(), user.personId(), id)) {
            throw new NotFoundException("notFound.notice", id);
        }
        return store.find(user.agencyId(), user.personId(), id)
                .orElseThrow(() -> new NotFoundException("notFound.notice", id));
    }
}
