package org.mutuality.directory;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The people of the demo agency by legal name ({@link Directory#demoCast}), for the modules that
 * seed its records. A legal name that two people share gives the first one found.
 */
public record DemoCast(Map<String, PersonId> byLegalName) {

    public DemoCast {
        byLegalName = Map.copyOf(byLegalName);
    }

    /** The person of this legal name, or null when the demo agency has none. */
    public @Nullable PersonId get(String legalName) {
        return byLegalName.get(legalName);
    }

    /** The person of this legal name; an {@link IllegalStateException} when the demo has none. */
    public PersonId require(String legalName) {
        PersonId found = byLegalName.get(legalName);
        if (found == null) {
            throw new IllegalStateException("demo person missing: " + legalName);
        }
        return found;
    }
}
