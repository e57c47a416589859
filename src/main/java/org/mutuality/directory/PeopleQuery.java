package org.mutuality.directory;

import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * A search of the directory: text matched against names, an optional role held today, whether to
 * leave out people who hold a staff role today, and a page.
 *
 * @throws IllegalArgumentException when page is negative or size is outside 1..100
 */
public record PeopleQuery(
        @Nullable String text, @Nullable Role role, boolean includeInactive, boolean excludeStaff, int page, int size) {

    public static final int MAX_SIZE = 100;

    public PeopleQuery(@Nullable String text, @Nullable Role role, boolean includeInactive, int page, int size) {
        this(text, role, includeInactive, false, page, size);
    }

    /**
     * The query a viewer may run: filtering by a role that receives services needs the right to see
     * that role, and then leaves out people who are also staff, whose such roles are confidential.
     *
     * @throws org.mutuality.shared.ForbiddenException when the viewer may not filter by that role
     */
    public static PeopleQuery forViewer(
            SignedInUser viewer,
            @Nullable String text,
            @Nullable Role role,
            boolean includeInactive,
            int page,
            int size) {
        if (role != null && role.receivesServices()) {
            if (!viewer.maySeeServiceRole(role)) {
                throw new org.mutuality.shared.ForbiddenException(
                        "directory.searchByRoleRefused", Explanation.term("role." + role.name(), role.name()));
            }
            return new PeopleQuery(text, role, includeInactive, !viewer.isAdministrator(), page, size);
        }
        return new PeopleQuery(text, role, includeInactive, false, page, size);
    }

    public PeopleQuery {
        if (page < 0) {
            throw new BadInputException("directory.queryPage", Explanation.field("page"), page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadInputException("directory.querySize", Explanation.field("size"), MAX_SIZE, size);
        }
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > 200) {
                throw new BadInputException("text.tooLong", Explanation.field("query"), 200, text.length());
            }
        }
    }
}
