package org.mutuality.workforce;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * Where a worker's new hours go, as the worker may know it: the approver chosen, and, when the
 * conflict check (on the worker's own view of their relationships) stops the one who would otherwise
 * approve them, who that is and why, so that the worker sees who and why rather than a silent change.
 *
 * @param approver who approves the new hours; null when nobody approves or supervises the worker
 * @param passedOver who would have approved them without the check; null when nobody was passed over
 * @param reasons the check's reasons for passing them over, in the worker's language
 */
public record ApproverRoute(
        @Nullable PersonId approver, @Nullable PersonId passedOver, List<String> reasons) {

    public ApproverRoute {
        reasons = List.copyOf(reasons);
    }
}
