package org.mutuality.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A resource does not exist in the caller's agency. Resources of other agencies are reported the
 * same way, so that a caller cannot learn that they exist. A record that exists but is hidden from
 * the caller is reported the same way too, through {@link #hiding}: the caller sees the same 404,
 * while the web layer records the refused read in the audit log.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException implements Explained {

    private final String kind;
    private final boolean hides;
    private final @Nullable UUID subject;
    private final Explanation explanation;

    public NotFoundException(String kind, Object id) {
        this(kind, id, false, null);
    }

    private NotFoundException(String kind, Object id, boolean hides, @Nullable UUID subject) {
        super("No " + kind + " with id " + id);
        this.explanation = Explanation.of("problem.notFound", kind, String.valueOf(id));
        this.kind = kind;
        this.hides = hides;
        this.subject = subject;
    }

    /**
     * A 404 for a record that exists in the caller's agency but that the caller may not see. It
     * reads exactly like a missing one; {@link #hides()} tells the audit that it was a refusal.
     *
     * @param subject the person the record is about, when there is one
     */
    public static NotFoundException hiding(String kind, Object id, @Nullable UUID subject) {
        return new NotFoundException(kind, id, true, subject);
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }

    /** The kind of resource that was asked for, such as "person". */
    public String kind() {
        return kind;
    }

    /** True when the record exists and was refused to the caller (see {@link #hiding}). */
    public boolean hides() {
        return hides;
    }

    /** The person the hidden record is about, when known; null otherwise. */
    public @Nullable UUID subject() {
        return subject;
    }
}
