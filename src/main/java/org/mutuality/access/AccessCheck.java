package org.mutuality.access;

import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guard's what-if, for people: whether a reader may read one kind of a person's record for a
 * purpose, and on what basis. Anyone may ask about their own access; the privacy lead about anyone's.
 */
@Service
public class AccessCheck {

    private final AccessGuard guard;
    private final Directory directory;

    AccessCheck(AccessGuard guard, Directory directory) {
        this.guard = guard;
        this.directory = directory;
    }

    /**
     * The guard's decision, as it would be if the reader asked to read now.
     *
     * @throws ForbiddenException unless the asker is the reader or the privacy lead
     * @throws NotFoundException when either person is not in the asker's agency
     */
    @Transactional(readOnly = true)
    public AccessDecision check(
            SignedInUser asker, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        if (!asker.isSelf(reader) && !asker.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("access.checkOwnOnly");
        }
        directory.requirePerson(asker.agencyId(), reader);
        directory.requirePerson(asker.agencyId(), subject);
        return guard.decide(asker.agencyId(), reader, subject, kind, purpose);
    }
}
