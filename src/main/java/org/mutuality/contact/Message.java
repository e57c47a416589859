package org.mutuality.contact;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;

/**
 * A message in a participant's thread with the program.
 *
 * @param incoming whether the participant wrote it (otherwise a worker replied)
 * @param to whom an incoming message was routed to; the participant for a reply
 * @param routed how it was routed: ASSIGNED_PEER, ON_DUTY_PEER, COORDINATORS or REPLY
 */
public record Message(
        UUID id,
        PersonId participant,
        ProgramId program,
        PersonId from,
        @Nullable PersonId to,
        boolean incoming,
        String text,
        boolean afterHours,
        String routed,
        Instant sentAt,
        @Nullable Instant readAt) {}
