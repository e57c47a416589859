package org.mutuality.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking an agency's chain: valid with the number of entries and the head hash, or
 * broken at the first entry whose place, link or content does not match.
 */
public record Verification(
        boolean valid,
        long entries,
        @Nullable String head,
        @Nullable Long firstBrokenSeq,
        @Nullable String problem) {

    static Verification intact(long entries, String head) {
        return new Verification(true, entries, head, null, null);
    }

    static Verification broken(long entries, long seq, String problem) {
        return new Verification(false, entries, null, seq, problem);
    }
}
