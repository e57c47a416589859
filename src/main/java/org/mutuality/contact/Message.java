package org.mutuality.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;

/**
 * A message in a participant's thread with the program.
 *
 * @param incoming whether the participant wrote it (otherwise a worker replied)
 * @param to whom an incoming message was routed to; the participant for a reply
 * @param routed how it was routed
 */
public record Message(
        MessageId id,
        PersonId participant,
        ProgramId program,
        PersonId from,
        @Nullable PersonId to,
        boolean incoming,
        String text,
        boolean afterHours,
        Route routed,
        Instant sentAt,
        @Nullable Instant readAt) {

    /** How a message reached whoever reads it. */
    public enum Route {
        /** To the participant's own peer worker. */
        ASSIGNED_PEER,
        /** To the program's on-duty peer worker. */
        ON_DUTY_PEER,
        /** To the program's coordinators, when no peer worker can take it. */
        COORDINATORS,
        /** A worker's answer, to the participant. */
        REPLY
    }

    /** Who a message goes to ({@code recipient} null: the program's coordinators), and how. */
    public record Routing(@Nullable PersonId recipient, Route route) {

        static final Routing COORDINATORS = new Routing(null, Route.COORDINATORS);
    }

    /** A participant's message, routed as {@link ContactSettings#route} decided. */
    public static Message incoming(
            PersonId participant, ProgramId program, Routing routing, String text, boolean afterHours, Instant at) {
        return new Message(
                MessageId.random(),
                participant,
                program,
                participant,
                routing.recipient(),
                true,
                text,
                afterHours,
                routing.route(),
                at,
                null);
    }

    /** A worker's answer to the participant. */
    public static Message reply(PersonId participant, ProgramId program, PersonId from, String text, Instant at) {
        return new Message(
                MessageId.random(), participant, program, from, participant, false, text, false, Route.REPLY, at, null);
    }
}
