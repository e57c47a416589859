package org.mutuality.practice.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.BoundaryAgreement;
import org.mutuality.practice.BoundaryAgreementId;
import org.mutuality.practice.ConsultationId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Boundary agreements. Every statement is scoped by agency; the safeguards are read from the
 * consultation the agreement came from, where they are kept once.
 */
@Repository
public class BoundaryAgreementStore {

    private final JdbcClient jdbc;
    private final ConsultationStore consultations;

    public BoundaryAgreementStore(JdbcClient jdbc, ConsultationStore consultations) {
        this.jdbc = jdbc;
        this.consultations = consultations;
    }

    public void insert(AgencyId agency, BoundaryAgreement a) {
        jdbc.sql("""
                        insert into boundary_agreement (id, agency_id, consultation_id, peer_id, participant_id, status,
                                                        outside_contact, social_media, evenings, if_it_gets_hard,
                                                        created_at, updated_at, version)
                        values (:id, :agency, :consultation, :peer, :participant, :status,
                                :outside, :social, :evenings, :hard, :at, :at, 0)
                        """)
                .param("id", a.id().value())
                .param("agency", agency.value())
                .param("consultation", a.consultation().value())
                .param("peer", a.peer().value())
                .param("participant", a.participant().value())
                .param("status", a.status().name())
                .param("outside", a.topics().get(BoundaryAgreement.Topic.OUTSIDE_CONTACT))
                .param("social", a.topics().get(BoundaryAgreement.Topic.SOCIAL_MEDIA))
                .param("evenings", a.topics().get(BoundaryAgreement.Topic.EVENINGS))
                .param("hard", a.topics().get(BoundaryAgreement.Topic.IF_IT_GETS_HARD))
                .param("at", at(a.createdAt()))
                .update();
    }

    /**
     * Saves the agreement as it now stands, if nobody saved another step since it was read.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, BoundaryAgreement a) {
        int updated = jdbc.sql("""
                        update boundary_agreement set status = :status, outside_contact = :outside,
                               social_media = :social, evenings = :evenings, if_it_gets_hard = :hard,
                               peer_accepted_at = :peerAt, participant_accepted_at = :participantAt,
                               revisit_asked_by = :revisit, updated_at = :at, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("status", a.status().name())
                .param("outside", a.topics().get(BoundaryAgreement.Topic.OUTSIDE_CONTACT))
                .param("social", a.topics().get(BoundaryAgreement.Topic.SOCIAL_MEDIA))
                .param("evenings", a.topics().get(BoundaryAgreement.Topic.EVENINGS))
                .param("hard", a.topics().get(BoundaryAgreement.Topic.IF_IT_GETS_HARD))
                .param("peerAt", a.peerAcceptedAt() == null ? null : at(a.peerAcceptedAt()))
                .param("participantAt", a.participantAcceptedAt() == null ? null : at(a.participantAcceptedAt()))
                .param(
                        "revisit",
                        a.revisitAskedBy() == null ? null : a.revisitAskedBy().value())
                .param("at", at(a.updatedAt()))
                .param("agency", agency.value())
                .param("id", a.id().value())
                .param("version", a.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("agreement.changedMeanwhile");
        }
    }

    public Optional<BoundaryAgreement> find(AgencyId agency, BoundaryAgreementId id) {
        return jdbc.sql("select * from boundary_agreement where agency_id = :agency and id = :id")
                .param("agency", agency.value())
                .param("id", id.value())
                .query((rs, n) -> agreement(agency, rs))
                .optional();
    }

    /** The agreement that came from a consultation, if one did. */
    public Optional<BoundaryAgreement> fromConsultation(AgencyId agency, ConsultationId consultation) {
        return jdbc.sql("select * from boundary_agreement where agency_id = :agency and consultation_id = :c")
                .param("agency", agency.value())
                .param("c", consultation.value())
                .query((rs, n) -> agreement(agency, rs))
                .optional();
    }

    /** The agreements these people are the peer worker or the participant of, newest first. */
    public List<BoundaryAgreement> of(AgencyId agency, List<PersonId> people, int limit) {
        if (people.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = people.stream().map(PersonId::value).toList();
        return jdbc.sql("""
                        select * from boundary_agreement where agency_id = :agency
                        and (peer_id in (:ids) or participant_id in (:ids))
                        order by created_at desc, id limit :limit
                        """)
                .param("agency", agency.value())
                .param("ids", ids)
                .param("limit", limit)
                .query((rs, n) -> agreement(agency, rs))
                .list();
    }

    /** Whether the person is the peer worker or the participant of at least one agreement. */
    public boolean partyToAny(AgencyId agency, PersonId person) {
        return jdbc.sql("""
                        select count(*) from boundary_agreement where agency_id = :agency
                        and (peer_id = :p or participant_id = :p)
                        """)
                        .param("agency", agency.value())
                        .param("p", person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private BoundaryAgreement agreement(AgencyId agency, ResultSet rs) throws SQLException {
        ConsultationId consultation = new ConsultationId(rs.getObject("consultation_id", UUID.class));
        Map<BoundaryAgreement.Topic, String> topics = new EnumMap<>(BoundaryAgreement.Topic.class);
        put(topics, BoundaryAgreement.Topic.OUTSIDE_CONTACT, rs.getString("outside_contact"));
        put(topics, BoundaryAgreement.Topic.SOCIAL_MEDIA, rs.getString("social_media"));
        put(topics, BoundaryAgreement.Topic.EVENINGS, rs.getString("evenings"));
        put(topics, BoundaryAgreement.Topic.IF_IT_GETS_HARD, rs.getString("if_it_gets_hard"));
        UUID revisit = rs.getObject("revisit_asked_by", UUID.class);
        return new BoundaryAgreement(
                new BoundaryAgreementId(rs.getObject("id", UUID.class)),
                consultation,
                new PersonId(rs.getObject("peer_id", UUID.class)),
                new PersonId(rs.getObject("participant_id", UUID.class)),
                consultations
                        .find(agency, consultation)
                        .map(c -> c.safeguards())
                        .orElse(List.of()),
                topics,
                BoundaryAgreement.Status.valueOf(rs.getString("status")),
                instant(rs, "peer_accepted_at"),
                instant(rs, "participant_accepted_at"),
                revisit == null ? null : new PersonId(revisit),
                java.util.Objects.requireNonNull(instant(rs, "created_at")),
                java.util.Objects.requireNonNull(instant(rs, "updated_at")),
                rs.getInt("version"));
    }

    private static void put(
            Map<BoundaryAgreement.Topic, String> topics, BoundaryAgreement.Topic t, @Nullable String v) {
        if (v != null) {
            topics.put(t, v);
        }
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
