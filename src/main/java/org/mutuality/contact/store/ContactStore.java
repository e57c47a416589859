package org.mutuality.contact.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.contact.ContactSettings;
import org.mutuality.contact.Message;
import org.mutuality.contact.MessageCursor;
import org.mutuality.contact.MessageId;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contact settings and messages. Every statement is scoped by agency; messages are never changed but for being read. */
@Repository
public class ContactStore {

    private final JdbcClient jdbc;

    public ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ContactSettings> settings(AgencyId agency, ProgramId program) {
        return jdbc.sql("select * from contact_settings where agency_id = :agency and program_id = :program")
                .param("agency", agency.value())
                .param("program", program.value())
                .query((rs, n) -> {
                    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    for (String d : rs.getString("open_days").split(",")) {
                        if (!d.isBlank()) {
                            days.add(DayOfWeek.valueOf(d));
                        }
                    }
                    UUID duty = rs.getObject("on_duty_peer_id", UUID.class);
                    return new ContactSettings(
                            program,
                            days,
                            rs.getObject("opens_at", LocalTime.class),
                            rs.getObject("closes_at", LocalTime.class),
                            ZoneId.of(rs.getString("zone")),
                            duty == null ? null : new PersonId(duty),
                            rs.getString("after_hours"));
                })
                .optional();
    }

    public void saveSettings(AgencyId agency, ContactSettings s, Instant at) {
        jdbc.sql("delete from contact_settings where agency_id = :agency and program_id = :program")
                .param("agency", agency.value())
                .param("program", s.program().value())
                .update();
        jdbc.sql("""
                        insert into contact_settings (agency_id, program_id, open_days, opens_at, closes_at, zone,
                                                      on_duty_peer_id, after_hours, updated_at)
                        values (:agency, :program, :days, :opens, :closes, :zone, :duty, :after, :at)
                        """)
                .param("agency", agency.value())
                .param("program", s.program().value())
                .param("days", s.openDays().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
                .param("opens", s.opensAt())
                .param("closes", s.closesAt())
                .param("zone", s.zone().getId())
                .param("duty", s.onDutyPeer() == null ? null : s.onDutyPeer().value())
                .param("after", s.afterHours())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void insert(AgencyId agency, Message m) {
        jdbc.sql("""
                        insert into contact_message (id, agency_id, participant_id, program_id, from_id, to_id, incoming,
                                                     body, after_hours, routed, sent_at)
                        values (:id, :agency, :participant, :program, :from, :to, :incoming, :body, :after, :routed, :at)
                        """)
                .param("id", m.id().value())
                .param("agency", agency.value())
                .param("participant", m.participant().value())
                .param("program", m.program().value())
                .param("from", m.from().value())
                .param("to", m.to() == null ? null : m.to().value())
                .param("incoming", m.incoming())
                .param("body", m.text())
                .param("after", m.afterHours())
                .param("routed", m.routed().name())
                .param("at", m.sentAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * A page of a participant's thread going back in time: the {@code limit} messages sent before the
     * cursor (the latest when null), latest first, one more read when there is one (see
     * {@link Page#of}).
     */
    public Page<Message> before(AgencyId agency, PersonId participant, @Nullable MessageCursor before, int limit) {
        return newestFirst("participant_id = :p", agency, participant, before, limit);
    }

    /**
     * The {@code limit} messages matching {@code where} (of {@code :p}, the person) sent before the
     * cursor, latest first, one more read when there is one.
     */
    private Page<Message> newestFirst(
            String where, AgencyId agency, PersonId person, @Nullable MessageCursor before, int limit) {
        var query = jdbc.sql("select * from contact_message where agency_id = :agency and " + where
                        + (before == null ? "" : " and (sent_at < :at or (sent_at = :at and id < :id))")
                        + " order by sent_at desc, id desc limit :fetch")
                .param("agency", agency.value())
                .param("p", person.value())
                .param("fetch", Page.fetchSize(limit));
        if (before != null) {
            query = query.param("at", before.sentAt().atOffset(ZoneOffset.UTC))
                    .param("id", before.id().value());
        }
        return Page.of(
                query.query((rs, n) -> message(rs)).list(),
                limit,
                m -> MessageCursor.before(m).cursor());
    }

    /** The participant's latest message, if any. */
    public Optional<Message> latest(AgencyId agency, PersonId participant) {
        return jdbc.sql("""
                        select * from contact_message where agency_id = :agency and participant_id = :p
                        order by sent_at desc, id desc limit 1
                        """)
                .param("agency", agency.value())
                .param("p", participant.value())
                .query((rs, n) -> message(rs))
                .optional();
    }

    /** Whether any message of the participant's thread was routed to this person. */
    public boolean anyTo(AgencyId agency, PersonId participant, PersonId person) {
        return !jdbc.sql("""
                        select id from contact_message where agency_id = :agency and participant_id = :p
                          and to_id = :person
                        fetch first 1 rows only
                        """)
                .param("agency", agency.value())
                .param("p", participant.value())
                .param("person", person.value())
                .query((rs, n) -> 1)
                .list()
                .isEmpty();
    }

    /**
     * A page of the incoming messages routed to a person, newest first: the {@code limit} sent before
     * the cursor (the newest when null), one more read when there is one (see {@link Page#of}).
     */
    public Page<Message> routedTo(AgencyId agency, PersonId person, @Nullable MessageCursor before, int limit) {
        return newestFirst("to_id = :p and incoming = true", agency, person, before, limit);
    }

    /** Marks read these messages of the participant's thread, those routed to the reader and not read yet. */
    public void markRead(AgencyId agency, PersonId participant, PersonId reader, List<MessageId> shown, Instant at) {
        if (shown.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update contact_message set read_at = :at
                        where agency_id = :agency and participant_id = :p and to_id = :reader and read_at is null
                          and id in (:ids)
                        """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("agency", agency.value())
                .param("p", participant.value())
                .param("reader", reader.value())
                .param("ids", shown.stream().map(MessageId::value).toList())
                .update();
    }

    /** Marks read every message of the participant's thread routed to the reader (the demo's history). */
    public void markRead(AgencyId agency, PersonId participant, PersonId reader, Instant at) {
        jdbc.sql("""
                        update contact_message set read_at = :at
                        where agency_id = :agency and participant_id = :p and to_id = :reader and read_at is null
                        """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("agency", agency.value())
                .param("p", participant.value())
                .param("reader", reader.value())
                .update();
    }

    /** Unread incoming messages routed to a person, oldest first. */
    public List<Message> unreadTo(AgencyId agency, PersonId person) {
        return jdbc.sql("""
                        select * from contact_message where agency_id = :agency and to_id = :p and incoming = true
                          and read_at is null order by sent_at
                        """)
                .param("agency", agency.value())
                .param("p", person.value())
                .query((rs, n) -> message(rs))
                .list();
    }

    /** Routes a message to someone else (or to the coordinators). */
    public void reroute(AgencyId agency, MessageId id, Message.Routing routing) {
        PersonId to = routing.recipient();
        jdbc.sql("update contact_message set to_id = :to, routed = :routed where agency_id = :agency and id = :id")
                .param("to", to == null ? null : to.value())
                .param("routed", routing.route().name())
                .param("agency", agency.value())
                .param("id", id.value())
                .update();
    }

    private static Message message(ResultSet rs) throws SQLException {
        UUID to = rs.getObject("to_id", UUID.class);
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Message(
                new MessageId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("participant_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("from_id", UUID.class)),
                to == null ? null : new PersonId(to),
                rs.getBoolean("incoming"),
                rs.getString("body"),
                rs.getBoolean("after_hours"),
                Message.Route.valueOf(rs.getString("routed")),
                rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }
}
