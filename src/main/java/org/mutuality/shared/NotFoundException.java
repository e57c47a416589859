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

    private final boolean hides;
    private final @Nullable UUID subject;
    private final Explanation explanation;

    /**
     * @param key a key of both {@code messages.properties} bundles that names what is missing, with
     *     the id as {@code {0}}: {@code notFound.person} ("No person with id …")
     * @param id the id that was asked for
     */
    public NotFoundException(String key, Object id) {
        this(key, id, false, null);
    }

    private NotFoundException(String key, Object id, boolean hides, @Nullable UUID subject) {
        this(Explanation.of(key, String.valueOf(id)), hides, subject);
    }

    private NotFoundException(Explanation explanation, boolean hides, @Nullable UUID subject) {
        super(explanation.english());
        this.explanation = explanation;
        this.hides = hides;
        this.subject = subject;
    }

    /**
     * A 404 for a record that exists in the caller's agency but that the caller may not see. It
     * reads exactly like a missing one; {@link #hides()} tells the audit that it was a refusal.
     *
     * @param subject the person the record is about, when there is one
     */
    public static NotFoundException hiding(String key, Object id, @Nullable UUID subject) {
        return new NotFoundException(key, id, true, subject);
    }

    @Override
    public Explanation explanation() {
        return explanation;
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
