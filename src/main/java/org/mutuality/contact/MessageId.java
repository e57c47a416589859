package org.mutuality.contact;

import java.util.Objects;
import java.util.UUID;

/** Identifies a message in a participant's thread. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "message id must not be null");
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
