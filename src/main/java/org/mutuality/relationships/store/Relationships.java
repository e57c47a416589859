package org.mutuality.relationships.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipCursor;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.relationships.Visibility;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The relationships of each agency. Every statement is scoped by agency. */
@Repository
public class Relationships {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Clock clock;

    public Relationships(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public void insert(Relationship r) {
        jdbc.sql("""
                        insert into relationship (id, agency_id, kind, person_a_id, person_b_id, start_date, end_date,
                                                  source, declared_by, visibility, note, created_at)
                        values (:id, :agency, :kind, :a, :b, :start, :end, :source, :declaredBy, :visibility, :note, :now)
                        """)
                .param("id", r.id().value())
                .param("agency", r.agencyId().value())
                .param("kind", r.kind().name())
                .param("a", r.personA().value())
                .param("b", r.personB().value())
                .param("start", r.startDate())
                .param("end", r.endDate())
                .param("source", r.source().name())
                .param(
                        "declaredBy",
                        r.declaredBy() == null ? null : r.declaredBy().value())
                .param("visibility", r.visibility().name())
                .param("note", r.note())
                .param("now", now())
                .update();
    }

    /** Inserts many relationships in batches; for imports of whole agencies. */
    public void insertAll(List<Relationship> relationships) {
        OffsetDateTime now = now();
        List<Object[]> rows = new java.util.ArrayList<>(relationships.size());
        for (Relationship r : relationships) {
            rows.add(new Object[] {
                r.id().value(),
                r.agencyId().value(),
                r.kind().name(),
                r.personA().value(),
                r.personB().value(),
                r.startDate(),
                r.endDate(),
                r.source().name(),
                r.declaredBy() == null ? null : r.declaredBy().value(),
                r.visibility().name(),
                r.note(),
                now
            });
        }
        batch.batchUpdate(
                "insert into relationship (id, agency_id, kind, person_a_id, person_b_id, start_date, end_date, source,"
                        + " declared_by, visibility, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /**
     * Saves the end date of a relationship ended by {@code by}, unless it has meanwhile ended earlier;
     * false when it has.
     */
    public boolean end(AgencyId agency, Relationship ended, PersonId by) {
        LocalDate endDate = java.util.Objects.requireNonNull(ended.endDate());
        return jdbc.sql("""
                        update relationship set end_date = :end, ended_by = :by, ended_at = :now
                        where id = :id and agency_id = :agency and (end_date is null or end_date > :end)
                          and (start_date is null or start_date <= :end)
                        """)
                        .param("end", endDate)
                        .param("by", by.value())
                        .param("now", now())
                        .param("id", ended.id().value())
                        .param("agency", agency.value())
                        .update()
                == 1;
    }

    public Optional<Relationship> find(AgencyId agency, RelationshipId id) {
        return jdbc.sql("select * from relationship where id = :id and agency_id = :agency")
                .param("id", id.value())
                .param("agency", agency.value())
                .query(Relationships::row)
                .optional();
    }

    public List<Relationship> of(AgencyId agency, PersonId person) {
        return jdbc.sql("""
                        select * from relationship where agency_id = :agency
                          and (person_a_id = :person or person_b_id = :person)
                        order by created_at
                        """)
                .param("agency", agency.value())
                .param("person", person.value())
                .query(Relationships::row)
                .list();
    }

    /**
     * A page of the relationships of a person that the viewer may see, newest first by when they were
     * declared, then by id, after {@code after}; one more than {@code limit} is read when there is one
     * (see {@link Page#of}). Who may see a relationship is {@link Relationship#visibleTo}, said again
     * in SQL so that hidden ones are left out before the limit: a page never comes out short.
     */
    public Page<Relationship> page(
            AgencyId agency, PersonId person, SignedInUser viewer, @Nullable RelationshipCursor after, int limit) {
        StringBuilder where = new StringBuilder();
        if (!viewer.has(Role.PRIVACY_LEAD)) {
            where.append(" and (person_a_id = :viewer or person_b_id = :viewer or declared_by = :viewer");
            where.append(viewer.isStaff() ? " or visibility = 'STAFF')" : ")");
        }
        if (after != null) {
            where.append(" and (created_at < :afterMoment or (created_at = :afterMoment and id < :afterId))");
        }
        String order = " order by created_at desc, id desc limit :fetch";
        // One indexed, ordered read per side of the relationship, merged: never every relationship sorted.
        var query = jdbc.sql("select * from ((select * from relationship where agency_id = :agency"
                        + " and person_a_id = :person" + where + order + ")"
                        + " union all (select * from relationship where agency_id = :agency"
                        + " and person_b_id = :person" + where + order + ")) r" + order)
                .param("agency", agency.value())
                .param("person", person.value())
                .param("fetch", Page.fetchSize(limit));
        if (!viewer.has(Role.PRIVACY_LEAD)) {
            query = query.param("viewer", viewer.personId().value());
        }
        if (after != null) {
            query = query.param("afterMoment", OffsetDateTime.ofInstant(after.declaredAt(), ZoneOffset.UTC))
                    .param("afterId", after.id().value());
        }
        Page<Declared> page = Page.of(
                query.query((rs, n) -> new Declared(
                                row(rs, n),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                        .list(),
                limit,
                d -> new RelationshipCursor(d.at(), d.relationship().id()).cursor());
        return new Page<>(page.items().stream().map(Declared::relationship).toList(), page.next());
    }

    /** A relationship and the moment it was declared, which a page's cursor carries. */
    private record Declared(Relationship relationship, Instant at) {}

    /** Every relationship of the agency that has not ended before the given day. */
    public List<Relationship> current(AgencyId agency, LocalDate today) {
        return jdbc.sql("""
                        select * from relationship where agency_id = :agency and (end_date is null or end_date > :today)
                        """)
                .param("agency", agency.value())
                .param("today", today)
                .query(Relationships::row)
                .list();
    }

    /** Names the consultation the relationship went ahead on. */
    public void consulted(AgencyId agency, RelationshipId id, UUID consultation) {
        jdbc.sql("update relationship set consultation_id = :consultation where id = :id and agency_id = :agency")
                .param("consultation", consultation)
                .param("id", id.value())
                .param("agency", agency.value())
                .update();
    }

    /** The consultation the relationship went ahead on, if it did. */
    public Optional<UUID> consultation(AgencyId agency, RelationshipId id) {
        return jdbc.sql("select consultation_id from relationship where id = :id and agency_id = :agency"
                        + " and consultation_id is not null")
                .param("id", id.value())
                .param("agency", agency.value())
                .query((rs, n) -> rs.getObject("consultation_id", UUID.class))
                .optional();
    }

    /** The consultations the relationships of a person went ahead on, by relationship. */
    public Map<RelationshipId, UUID> consultationsOf(AgencyId agency, PersonId person) {
        Map<RelationshipId, UUID> result = new HashMap<>();
        jdbc.sql("select id, consultation_id from relationship where agency_id = :agency"
                        + " and (person_a_id = :person or person_b_id = :person) and consultation_id is not null")
                .param("agency", agency.value())
                .param("person", person.value())
                .query(rs -> {
                    result.put(
                            new RelationshipId(rs.getObject("id", UUID.class)),
                            rs.getObject("consultation_id", UUID.class));
                });
        return result;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Relationship row(ResultSet rs, int n) throws SQLException {
        UUID declaredBy = rs.getObject("declared_by", UUID.class);
        return new Relationship(
                new RelationshipId(rs.getObject("id", UUID.class)),
                new AgencyId(rs.getObject("agency_id", UUID.class)),
                RelationshipKind.valueOf(rs.getString("kind")),
                new PersonId(rs.getObject("person_a_id", UUID.class)),
                new PersonId(rs.getObject("person_b_id", UUID.class)),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                RelationshipSource.valueOf(rs.getString("source")),
                declaredBy == null ? null : new PersonId(declaredBy),
                Visibility.valueOf(rs.getString("visibility")),
                nullable(rs.getString("note")));
    }

    private static @Nullable String nullable(@Nullable String value) {
        return value;
    }
}
