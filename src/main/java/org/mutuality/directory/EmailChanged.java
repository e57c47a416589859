package org.mutuality.directory;

import org.jspecify.annotations.Nullable;
import org.mutuality.shared.AgencyId;

/**
 * A person's email address was changed, by them or by someone else. The address it replaced is
 * carried so that the person can be told there (ADR 0016): whoever changed it may have done so to
 * receive what was meant for them. Not for logs: {@link #toString()} leaves the address out.
 *
 * @param previousEmail the address the agency had before, or null when it had none
 */
public record EmailChanged(
        AgencyId agencyId,
        PersonId personId,
        PersonId changedBy,
        @Nullable String previousEmail) {

    /** Whether someone other than the person changed it. */
    public boolean byAnother() {
        return !changedBy.equals(personId);
    }

    @Override
    public String toString() {
        return "EmailChanged[person=" + personId + ", by=" + changedBy + "]";
    }
}
