package org.mutuality.support;

import java.time.Clock;
import java.time.LocalDate;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.support.store.ProfileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each peer worker keeps their own matching profile; nobody else writes it. */
@Service
public class PeerProfiles {

    private final ProfileStore store;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    PeerProfiles(ProfileStore store, Directory directory, AuditLog audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in peer worker's profile, blank until they fill it in. */
    @Transactional(readOnly = true)
    public PeerProfile mine(SignedInUser peer) {
        requirePeer(peer);
        return store.profile(peer.agencyId(), peer.personId()).orElse(PeerProfile.blank(peer.personId()));
    }

    /**
     * Saves the signed-in peer worker's profile.
     *
     * @throws ForbiddenException unless the person holds a peer role today
     */
    @Transactional
    public PeerProfile save(SignedInUser peer, PeerProfile profile) {
        requirePeer(peer);
        if (!profile.person().equals(peer.personId())) {
            throw new ForbiddenException("peerProfile.ownOnly");
        }
        store.save(peer.agencyId(), profile, clock.instant());
        audit.record(AuditEvent.by(peer, AuditAction.WRITE, AuditOutcome.DONE)
                .about(peer.personId().value(), "PEER_PROFILE", null)
                .noting("matching profile"));
        return mine(peer);
    }

    private void requirePeer(SignedInUser user) {
        boolean peer =
                directory.requirePerson(user.agencyId(), user.personId()).activeRoles(LocalDate.now(clock)).stream()
                        .anyMatch(Role::isPeer);
        if (!peer) {
            throw new ForbiddenException("peerProfile.peersOnly");
        }
    }
}
