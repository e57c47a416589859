package org.mutuality.support.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.NewestFirst;
import org.mutuality.shared.Page;
import org.mutuality.support.Interaction;
import org.mutuality.support.InteractionCursor;
import org.mutuality.support.InteractionId;
import org.mutuality.support.InteractionKind;
import org.mutuality.support.SessionId;
import org.mutuality.support.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Interactions, inserted only. Every statement is scoped by agency. */
@Repository
public class InteractionStore {

    private final JdbcClient jdbc;

    public InteractionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, Interaction i) {
        jdbc.sql("""
                        insert into interaction (id, agency_id, participant_id, peer_id, kind, occurred_on, duration_minutes,
                                                 place, topics, lived_experience_shared, note, next_meeting,
                                                 group_session_id, amends, created_at)
                        values (:id, :agency, :participant, :peer, :kind, :on, :minutes, :place, :topics, :shared, :note,
                                :next, :session, :amends, :at)
                        """)
                .param("id", i.id().value())
                .param("agency", agency.value())
                .param("participant", i.participant().value())
                .param("peer", i.peer().value())
                .param("kind", i.kind().name())
                .param("on", i.occurredOn())
                .param("minutes", i.durationMinutes())
                .param("place", i.place())
                .param("topics", Columns.join(i.topics()))
                .param("shared", i.livedExperienceShared())
                .param("note", i.note())
                .param("next", i.nextMeeting())
                .param(
                        "session",
                        i.groupSession() == null ? null : i.groupSession().value())
                .param("amends", i.amends() == null ? null : i.amends().value())
                .param("at", ReferralStore.utc(i.createdAt()))
                .update();
    }

    public Optional<Interaction> find(AgencyId agency, InteractionId id) {
        return jdbc.sql("select * from interaction where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> interaction(rs))
                .optional();
    }

    /** Every interaction with a participant, amendments included, newest first. */
    public List<Interaction> with(AgencyId agency, PersonId participant) {
        return jdbc.sql("""
                        select * from interaction where agency_id = :agency and participant_id = :participant
                        order by occurred_on desc, created_at desc
                        """)
                .param("agency", agency.value())
                .param("participant", participant.value())
                .query((rs, n) -> interaction(rs))
                .list();
    }

    private static final NewestFirst PAGES = new NewestFirst("i.occurred_on", "i.created_at", "i.id");

    /** "Current" contacts: those no later amendment replaces. */
    private static final String CURRENT = " and not exists (select 1 from interaction later"
            + " where later.agency_id = i.agency_id and later.amends = i.id)";

    /**
     * A page of the participant's current contacts (each amended one as its latest amendment),
     * newest first by day, moment and id, after {@code after}; one more than {@code limit} is read
     * when there is one (see {@link Page#of}).
     */
    public Page<Interaction> currentPage(
            AgencyId agency, PersonId participant, @Nullable InteractionCursor after, int limit) {
        var query = jdbc.sql(
                        "select * from interaction i where i.agency_id = :agency and i.participant_id = :participant"
                                + CURRENT + PAGES.after(after) + PAGES.orderAndLimit())
                .param("agency", agency.value())
                .param("participant", participant.value());
        query = after == null
                ? PAGES.bind(query, limit, null, null, null)
                : PAGES.bind(
                        query,
                        limit,
                        after.occurredOn(),
                        after.createdAt(),
                        after.id().value());
        return Page.of(
                query.query((rs, n) -> interaction(rs)).list(),
                limit,
                contact -> InteractionCursor.after(contact).cursor());
    }

    /** How many current contacts the participant has, and their minutes in all. */
    public Totals totals(AgencyId agency, PersonId participant) {
        return jdbc.sql("select count(*) as contacts, coalesce(sum(i.duration_minutes), 0) as minutes"
                        + " from interaction i where i.agency_id = :agency and i.participant_id = :participant"
                        + CURRENT)
                .param("agency", agency.value())
                .param("participant", participant.value())
                .query((rs, n) -> new Totals(rs.getInt("contacts"), rs.getInt("minutes")))
                .single();
    }

    /** A participant's count of current contacts and their minutes. */
    public record Totals(int contacts, int minutes) {}

    /**
     * The earlier versions of each of these contacts, latest first, at most 50 each: what their
     * amendments replaced.
     */
    public Map<InteractionId, List<Interaction>> earlierVersions(AgencyId agency, List<Interaction> contacts) {
        Map<InteractionId, List<Interaction>> history = new HashMap<>();
        // each earlier version asked for, and the contacts on the page whose chain reaches it: two
        // amendments of one entry (two tabs, say) share their earlier versions
        Map<InteractionId, List<InteractionId>> headsOf = new HashMap<>();
        for (Interaction contact : contacts) {
            if (contact.amends() != null) {
                headsOf.computeIfAbsent(contact.amends(), k -> new java.util.ArrayList<>())
                        .add(contact.id());
            }
        }
        for (int depth = 0; depth < 50 && !headsOf.isEmpty(); depth++) {
            Map<InteractionId, List<InteractionId>> next = new HashMap<>();
            for (Interaction earlier : jdbc.sql("select * from interaction where agency_id = :agency and id in (:ids)")
                    .param("agency", agency.value())
                    .param(
                            "ids",
                            headsOf.keySet().stream().map(InteractionId::value).toList())
                    .query((rs, n) -> interaction(rs))
                    .list()) {
                List<InteractionId> heads = headsOf.get(earlier.id());
                for (InteractionId head : heads) {
                    history.computeIfAbsent(head, k -> new java.util.ArrayList<>())
                            .add(earlier);
                }
                if (earlier.amends() != null) {
                    next.computeIfAbsent(earlier.amends(), k -> new java.util.ArrayList<>())
                            .addAll(heads);
                }
            }
            headsOf = next;
        }
        return history;
    }

    /** A peer worker's interactions from a day on (amendments excluded from counting by the caller). */
    public List<Interaction> byPeerSince(AgencyId agency, PersonId peer, LocalDate from) {
        return jdbc.sql("""
                        select * from interaction where agency_id = :agency and peer_id = :peer and occurred_on >= :from
                        order by occurred_on desc, created_at desc
                        """)
                .param("agency", agency.value())
                .param("peer", peer.value())
                .param("from", from)
                .query((rs, n) -> interaction(rs))
                .list();
    }

    /** The agency's interactions from a day on, for caseload totals; no text is read. */
    public List<Interaction> since(AgencyId agency, LocalDate from) {
        return jdbc.sql("""
                        select id, participant_id, peer_id, kind, occurred_on, duration_minutes, topics,
                               lived_experience_shared, next_meeting, group_session_id, amends, created_at,
                               null as place, null as note
                        from interaction where agency_id = :agency and occurred_on >= :from
                        """)
                .param("agency", agency.value())
                .param("from", from)
                .query((rs, n) -> interaction(rs))
                .list();
    }

    /** The last day each participant of a peer worker was met, by participant. */
    public Map<PersonId, LocalDate> lastContact(AgencyId agency, PersonId peer) {
        Map<PersonId, LocalDate> last = new HashMap<>();
        jdbc.sql("""
                        select participant_id, max(occurred_on) as last_on from interaction
                        where agency_id = :agency and peer_id = :peer group by participant_id
                        """)
                .param("agency", agency.value())
                .param("peer", peer.value())
                .query(rs -> {
                    last.put(
                            new PersonId(rs.getObject("participant_id", UUID.class)),
                            rs.getObject("last_on", LocalDate.class));
                });
        return last;
    }

    public long count(AgencyId agency) {
        return jdbc.sql("select count(*) from interaction where agency_id = :agency")
                .param("agency", agency.value())
                .query(Long.class)
                .single();
    }

    private static Interaction interaction(ResultSet rs) throws SQLException {
        UUID session = rs.getObject("group_session_id", UUID.class);
        UUID amends = rs.getObject("amends", UUID.class);
        return new Interaction(
                new InteractionId(rs.getObject("id", UUID.class)),
                new PersonId(rs.getObject("participant_id", UUID.class)),
                new PersonId(rs.getObject("peer_id", UUID.class)),
                InteractionKind.valueOf(rs.getString("kind")),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getInt("duration_minutes"),
                rs.getString("place"),
                Columns.split(Topic.class, rs.getString("topics")),
                rs.getBoolean("lived_experience_shared"),
                rs.getString("note"),
                rs.getObject("next_meeting", LocalDateTime.class),
                session == null ? null : new SessionId(session),
                amends == null ? null : new InteractionId(amends),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
