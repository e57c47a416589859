package org.mutuality.practice.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.Consultation;
import org.mutuality.practice.ConsultationId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ReturnPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultations and their safeguards. Every statement is scoped by agency. */
@Repository
public class ConsultationStore {

    private final JdbcClient jdbc;

    public ConsultationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgencyId agency, Consultation c) {
        jdbc.sql("""
                        insert into consultation (id, agency_id, asked_by, action, actor_id, subject_id, situation,
                                                  return_to, status, asked_at, version)
                        values (:id, :agency, :by, :action, :actor, :subject, :situation, :returnTo, :status, :at, 0)
                        """)
                .param("id", c.id().value())
                .param("agency", agency.value())
                .param("by", c.askedBy().value())
                .param("action", c.action().name())
                .param("actor", c.actor().value())
                .param("subject", c.subject().value())
                .param("situation", c.situation())
                .param("returnTo", c.returnTo() == null ? null : c.returnTo().value())
                .param("status", c.status().name())
                .param("at", at(c.askedAt()))
                .update();
    }

    /**
     * Saves a consultation as it now stands, if nobody saved another step since it was read at its
     * version; its safeguards are written when it is answered.
     *
     * @throws ConflictException when someone did
     */
    public void save(AgencyId agency, Consultation c) {
        int updated = jdbc.sql("""
                        update consultation set status = :status, consultant_id = :consultant, outcome = :outcome,
                               note = :note, used_kind = :usedKind, used_id = :usedId, answered_at = :answeredAt,
                               used_at = :usedAt, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("status", c.status().name())
                .param(
                        "consultant",
                        c.consultant() == null ? null : c.consultant().value())
                .param("outcome", c.outcome() == null ? null : c.outcome().name())
                .param("note", c.note())
                .param(
                        "usedKind",
                        c.usedFor() == null ? null : c.usedFor().kind().name())
                .param("usedId", c.usedFor() == null ? null : c.usedFor().id())
                .param("answeredAt", c.answeredAt() == null ? null : at(c.answeredAt()))
                .param("usedAt", c.usedAt() == null ? null : at(c.usedAt()))
                .param("agency", agency.value())
                .param("id", c.id().value())
                .param("version", c.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("consultation.changedMeanwhile");
        }
        if (c.status() == Consultation.Status.ANSWERED) {
            for (int i = 0; i < c.safeguards().size(); i++) {
                jdbc.sql("""
                                insert into consultation_safeguard (consultation_id, position, agency_id, text)
                                values (:id, :position, :agency, :text)
                                """)
                        .param("id", c.id().value())
                        .param("position", i)
                        .param("agency", agency.value())
                        .param("text", c.safeguards().get(i))
                        .update();
            }
        }
    }

    /**
     * Saves the reflection the consultation now has (none when taken off), if nobody saved another
     * step since it was read at its version.
     *
     * @throws ConflictException when someone did
     */
    public void saveReflection(AgencyId agency, Consultation c) {
        Consultation.Reflection r = c.reflection();
        int updated = jdbc.sql("""
                        update consultation set reflection = :text, reflection_language = :language,
                               reflected_at = :at, version = version + 1
                        where agency_id = :agency and id = :id and version = :version
                        """)
                .param("text", r == null ? null : r.text())
                .param("language", r == null ? null : r.language().toLanguageTag())
                .param("at", r == null ? null : at(r.at()))
                .param("agency", agency.value())
                .param("id", c.id().value())
                .param("version", c.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("consultation.changedMeanwhile");
        }
    }

    public Optional<Consultation> find(AgencyId agency, ConsultationId id) {
        return list(
                        agency,
                        "select * from consultation where agency_id = :agency and id = :id",
                        Map.of("id", id.value()))
                .stream()
                .findFirst();
    }

    /** The consultations a person asked or was asked, newest first, at most {@code limit}. */
    public List<Consultation> involving(AgencyId agency, PersonId person, int limit) {
        return list(agency, """
                select * from consultation where agency_id = :agency and (asked_by = :person or consultant_id = :person)
                order by asked_at desc, id limit :limit
                """, Map.of("person", person.value(), "limit", limit));
    }

    /** The consultations these people asked, newest first, at most {@code limit}. */
    public List<Consultation> askedBy(AgencyId agency, List<PersonId> askers, int limit) {
        if (askers.isEmpty()) {
            return List.of();
        }
        return list(
                agency,
                """
                select * from consultation where agency_id = :agency and asked_by in (:askers)
                order by asked_at desc, id limit :limit
                """,
                Map.of("askers", askers.stream().map(PersonId::value).toList(), "limit", limit));
    }

    private List<Consultation> list(AgencyId agency, String sql, Map<String, Object> params) {
        var spec = jdbc.sql(sql).param("agency", agency.value());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Row> rows = spec.query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> safeguards = new HashMap<>();
        jdbc.sql("""
                        select consultation_id, text from consultation_safeguard
                        where agency_id = :agency and consultation_id in (:ids) order by consultation_id, position
                        """)
                .param("agency", agency.value())
                .param("ids", rows.stream().map(r -> r.id).toList())
                .query(rs -> {
                    safeguards
                            .computeIfAbsent(rs.getObject("consultation_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getString("text"));
                });
        return rows.stream()
                .map(r -> r.consultation(safeguards.getOrDefault(r.id, List.of())))
                .toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("asked_by", UUID.class),
                rs.getString("action"),
                rs.getObject("actor_id", UUID.class),
                rs.getObject("subject_id", UUID.class),
                rs.getString("situation"),
                rs.getString("return_to"),
                rs.getString("status"),
                rs.getObject("consultant_id", UUID.class),
                rs.getString("outcome"),
                rs.getString("note"),
                rs.getString("used_kind"),
                rs.getObject("used_id", UUID.class),
                instant(rs, "asked_at"),
                instant(rs, "answered_at"),
                instant(rs, "used_at"),
                rs.getString("reflection"),
                rs.getString("reflection_language"),
                instant(rs, "reflected_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(
            UUID id,
            UUID askedBy,
            String action,
            UUID actor,
            UUID subject,
            String situation,
            @Nullable String returnTo,
            String status,
            @Nullable UUID consultant,
            @Nullable String outcome,
            @Nullable String note,
            @Nullable String usedKind,
            @Nullable UUID usedId,
            @Nullable Instant askedAt,
            @Nullable Instant answeredAt,
            @Nullable Instant usedAt,
            @Nullable String reflection,
            @Nullable String reflectionLanguage,
            @Nullable Instant reflectedAt,
            int version) {

        Consultation consultation(List<String> safeguards) {
            return new Consultation(
                    new ConsultationId(id),
                    new PersonId(askedBy),
                    Action.valueOf(action),
                    new PersonId(actor),
                    new PersonId(subject),
                    situation,
                    ReturnPath.parse(returnTo),
                    Consultation.Status.valueOf(status),
                    consultant == null ? null : new PersonId(consultant),
                    outcome == null ? null : Consultation.Outcome.valueOf(outcome),
                    note,
                    safeguards,
                    usedKind == null || usedId == null
                            ? null
                            : new ConsultationClearance.Used(ConsultationClearance.Used.Kind.valueOf(usedKind), usedId),
                    java.util.Objects.requireNonNull(askedAt),
                    answeredAt,
                    usedAt,
                    reflection == null || reflectionLanguage == null || reflectedAt == null
                            ? null
                            : new Consultation.Reflection(
                                    reflection, Locale.forLanguageTag(reflectionLanguage), reflectedAt),
                    version);
        }
    }
}
