package org.mutuality.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A resource does not exist in the caller's agency. Resources of other agencies are reported the
 * same way, so that a caller cannot learn that they exist.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String kind;

    public NotFoundException(String kind, Object id) {
        super("No " + kind + " with id " + id);
        this.kind = kind;
    }

    /** The kind of resource that was asked for, such as "person". */
    public String kind() {
        return kind;
    }
}
