package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutuality.access.index.AccessIndex;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.relationships.Visibility;
import org.mutuality.shared.AgencyId;

/** The guard's rules on an in-memory index, without Spring or a database. */
class AccessGuardTests {

    static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final PersonId jordan = person();
    final PersonId psychiatrist = person();
    final PersonId administrator = person();
    final PersonId peer = person();
    final PersonId participant = person();
    final PersonId supervisor = person();

    final List<Relationship> relationships = new ArrayList<>();
    final List<ConsentDirective> directives = new ArrayList<>();
    final List<BreakGlassGrant> grants = new ArrayList<>();

    AccessDecision decide(Instant at, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        AccessIndex index = AccessIndex.build(relationships, directives, grants);
        return new AccessGuard(agency -> index, Clock.fixed(at, ZoneOffset.UTC))
                .decide(AGENCY, reader, subject, kind, purpose);
    }

    @Test
    void letsEveryoneReadTheirOwnRecord() {
        assertThat(decide(NOW, jordan, jordan, RecordKind.CARE_NOTES, Purpose.CARE))
                .isEqualTo(new AccessDecision.Granted(Basis.SELF));
    }

    @Test
    void opensCareNotesToTheCircleOfCareOnlyAndSealsThemFromAnAdministrator() {
        relate(psychiatrist, RelationshipKind.TREATS, jordan);
        relate(administrator, RelationshipKind.APPROVES_TIME, jordan);

        assertThat(decide(NOW, psychiatrist, jordan, RecordKind.CARE_NOTES, Purpose.CARE))
                .isEqualTo(new AccessDecision.Granted(Basis.CIRCLE_OF_CARE));
        assertThat(decide(NOW, administrator, jordan, RecordKind.CARE_NOTES, Purpose.CARE)
                        .allowed())
                .isFalse();
        assertThat(decide(NOW, psychiatrist, jordan, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT)
                        .allowed())
                .isFalse();
    }

    @Test
    void opensSupportNotesToTheAssignedPeerAndTheirSupervisorForSupervision() {
        relate(peer, RelationshipKind.SUPPORTS, participant);
        relate(supervisor, RelationshipKind.SUPERVISES, peer);

        assertThat(decide(NOW, peer, participant, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT))
                .isEqualTo(new AccessDecision.Granted(Basis.ASSIGNMENT));
        assertThat(decide(NOW, supervisor, participant, RecordKind.SUPPORT_NOTES, Purpose.SUPERVISION))
                .isEqualTo(new AccessDecision.Granted(Basis.SUPERVISION_OF_ASSIGNED_WORKER));
        assertThat(decide(NOW, supervisor, participant, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT)
                        .allowed())
                .isFalse();
    }

    @Test
    void honoursALockboxAgainstANamedClinician() {
        relate(psychiatrist, RelationshipKind.TREATS, jordan);
        directives.add(directive(jordan, psychiatrist, null));

        assertThat(decide(NOW, psychiatrist, jordan, RecordKind.CARE_NOTES, Purpose.CARE))
                .isEqualTo(new AccessDecision.Refused(AccessGuard.WITHHELD));
    }

    @Test
    void opensARecordThroughBreakTheGlassUntilTheGrantExpires() {
        grants.add(grant(administrator, jordan, BreakGlassReason.COVERING_FOR_CARE_TEAM, false));

        assertThat(decide(NOW.plusSeconds(60), administrator, jordan, RecordKind.CARE_NOTES, Purpose.CARE))
                .isEqualTo(new AccessDecision.Granted(Basis.BREAK_GLASS));
        assertThat(decide(NOW.plus(Duration.ofMinutes(30)), administrator, jordan, RecordKind.CARE_NOTES, Purpose.CARE)
                        .allowed())
                .isFalse();
        assertThat(decide(NOW.plusSeconds(60), administrator, jordan, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT)
                        .allowed())
                .as("a grant opens only the kind of record it was given for")
                .isFalse();
        assertThat(decide(NOW.plusSeconds(60), psychiatrist, jordan, RecordKind.CARE_NOTES, Purpose.CARE)
                        .allowed())
                .as("a grant opens the record to its reader only")
                .isFalse();
    }

    @Test
    void letsOnlyARiskOfSeriousHarmSetALockboxAside() {
        directives.add(directive(jordan, administrator, null));
        grants.add(grant(administrator, jordan, BreakGlassReason.URGENT_CARE_PERSON_CANNOT_BE_ASKED, false));
        assertThat(decide(NOW, administrator, jordan, RecordKind.CARE_NOTES, Purpose.CARE)
                        .allowed())
                .isFalse();

        grants.add(grant(administrator, jordan, BreakGlassReason.RISK_OF_SERIOUS_HARM, true));
        assertThat(decide(NOW, administrator, jordan, RecordKind.CARE_NOTES, Purpose.CARE))
                .isEqualTo(new AccessDecision.Granted(Basis.BREAK_GLASS));
    }

    @Test
    void ignoresWithdrawnDirectives() {
        relate(psychiatrist, RelationshipKind.TREATS, jordan);
        directives.add(new ConsentDirective(
                ConsentDirectiveId.random(), jordan, psychiatrist, null, null, null, jordan, NOW, NOW.minusSeconds(1)));

        assertThat(decide(NOW, psychiatrist, jordan, RecordKind.CARE_NOTES, Purpose.CARE)
                        .allowed())
                .isTrue();
    }

    private void relate(PersonId a, RelationshipKind kind, PersonId b) {
        relationships.add(new Relationship(
                new RelationshipId(UUID.randomUUID()),
                AGENCY,
                kind,
                a,
                b,
                null,
                null,
                RelationshipSource.DECLARED,
                a,
                Visibility.PARTIES,
                null));
    }

    private static ConsentDirective directive(PersonId person, @Nullable PersonId from, @Nullable Purpose purpose) {
        return new ConsentDirective(ConsentDirectiveId.random(), person, from, purpose, null, null, person, NOW, null);
    }

    private static BreakGlassGrant grant(
            PersonId reader, PersonId subject, BreakGlassReason reason, boolean overrodeDirective) {
        return new BreakGlassGrant(
                BreakGlassGrantId.random(),
                reader,
                subject,
                RecordKind.CARE_NOTES,
                reason,
                "The care team cannot be reached tonight.",
                NOW,
                NOW.plus(Duration.ofMinutes(30)),
                overrodeDirective,
                null);
    }

    private static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
