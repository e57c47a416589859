package org.mutuality.workforce;

import org.jspecify.annotations.Nullable;

/**
 * Where a person stands with the code of conduct.
 *
 * @param currentVersion the agency's current version
 * @param attestedVersion the latest version they attested; null when they never did
 * @param required whether they are asked to attest at all: staff are, people who only receive the
 *     agency's services are not
 */
public record AttestationStatus(
        int currentVersion, @Nullable Integer attestedVersion, boolean required) {

    /** Whether they are asked to attest the current version and have not yet. */
    public boolean due() {
        return required && (attestedVersion == null || attestedVersion < currentVersion);
    }
}
