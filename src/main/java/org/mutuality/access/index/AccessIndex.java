package org.mutuality.access.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mutuality.access.BreakGlassGrant;
import org.mutuality.access.ConsentDirective;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;

/**
 * What the guard decides on for one agency and one day, held in memory so a decision never queries
 * the database: the care, support and supervision relationships by the person they are about, the
 * consent directives in force by the person who gave them, and unexpired break-the-glass grants by
 * the person whose record they open. Immutable once built.
 */
public final class AccessIndex {

    private static final Set<RelationshipKind> KINDS =
            EnumSet.of(RelationshipKind.TREATS, RelationshipKind.SUPPORTS, RelationshipKind.SUPERVISES);

    private final Map<PersonId, List<Relationship>> towards;
    private final Map<PersonId, List<ConsentDirective>> directives;
    private final Map<PersonId, List<BreakGlassGrant>> grants;

    private AccessIndex(
            Map<PersonId, List<Relationship>> towards,
            Map<PersonId, List<ConsentDirective>> directives,
            Map<PersonId, List<BreakGlassGrant>> grants) {
        this.towards = towards;
        this.directives = directives;
        this.grants = grants;
    }

    /**
     * @param relationships the relationships current on the day; other kinds than care, support and
     *     supervision are left out
     * @param directives directives in force
     * @param grants grants not yet expired
     */
    public static AccessIndex build(
            Collection<Relationship> relationships,
            Collection<ConsentDirective> directives,
            Collection<BreakGlassGrant> grants) {
        Map<PersonId, List<Relationship>> towards = new HashMap<>();
        for (Relationship r : relationships) {
            if (KINDS.contains(r.kind())) {
                towards.computeIfAbsent(r.personB(), k -> new ArrayList<>(2)).add(r);
            }
        }
        Map<PersonId, List<ConsentDirective>> byPerson = new HashMap<>();
        for (ConsentDirective d : directives) {
            if (d.active()) {
                byPerson.computeIfAbsent(d.person(), k -> new ArrayList<>(1)).add(d);
            }
        }
        Map<PersonId, List<BreakGlassGrant>> bySubject = new HashMap<>();
        for (BreakGlassGrant g : grants) {
            bySubject.computeIfAbsent(g.subject(), k -> new ArrayList<>(1)).add(g);
        }
        return new AccessIndex(towards, byPerson, bySubject);
    }

    /** Whether {@code actor} holds a current relationship of this kind towards {@code subject}. */
    public boolean acts(PersonId actor, RelationshipKind kind, PersonId subject) {
        for (Relationship r : towards.getOrDefault(subject, List.of())) {
            if (r.kind() == kind && r.personA().equals(actor)) {
                return true;
            }
        }
        return false;
    }

    /** Who holds a current relationship of this kind towards {@code subject}. */
    public List<PersonId> actors(RelationshipKind kind, PersonId subject) {
        List<PersonId> result = new ArrayList<>(1);
        for (Relationship r : towards.getOrDefault(subject, List.of())) {
            if (r.kind() == kind) {
                result.add(r.personA());
            }
        }
        return result;
    }

    /** The current care, support and supervision relationships towards {@code subject}. */
    public List<Relationship> towards(PersonId subject) {
        return List.copyOf(towards.getOrDefault(subject, List.of()));
    }

    public List<ConsentDirective> directivesOf(PersonId person) {
        return directives.getOrDefault(person, List.of());
    }

    public List<BreakGlassGrant> grantsOn(PersonId subject) {
        return grants.getOrDefault(subject, List.of());
    }
}
