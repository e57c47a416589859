package org.mutuality.directory;

import java.time.Instant;

/**
 * A link to choose a password was emailed ({@link Directory#inviteToAccount}). Its token went into
 * the email and nowhere else.
 *
 * @param expiresAt when the link stops working
 */
public record InvitationSent(Instant expiresAt) {}
