package org.mutuality.directory;

import java.time.Instant;

/**
 * An API token just issued ({@link Directory#issueToken}): the secret is shown to its owner once
 * and never stored.
 *
 * @param id the token's id, by which its owner lists and ends it
 * @param token the secret, sent as {@code Authorization: Bearer <token>}
 * @param expiresAt when it stops working
 */
public record IssuedToken(ApiTokenId id, String token, Instant expiresAt) {}
