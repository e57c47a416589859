package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a sign-in account in an agency's directory. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "account id must not be null");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
