package org.mutuality.safety;

import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.TestAgency;

/**
 * The cast the consultation tests on incidents and concerns share: Hana and Xena, supervisors who
 * handle both and are friends of the same person (declared to staff), so the check asks each to
 * consult before taking something about them in hand; Cleo, a supervisor without a conflict, to
 * consult.
 */
record ConsultingHandlers(TestAgency agency, Person hana, Person xena, Person cleo, String hanaToken) {

    static final String TAKE_IN_HAND = "INVESTIGATE_INCIDENT";
    static final String GO_AHEAD = "GO_AHEAD_WITH_SAFEGUARDS";

    /** Hana, Xena and Cleo, new, with Hana and Xena friends of {@code known}. */
    static ConsultingHandlers friendsOf(TestAgency agency, String tag, Person known) {
        Person hana = supervisor(agency, "Hana Handler " + tag, "hana-" + tag);
        Person xena = supervisor(agency, "Xena Handler " + tag, "xena-" + tag);
        Person cleo = supervisor(agency, "Cleo Consultant " + tag, "cleo-" + tag);
        String privacy = agency.demoToken("privacy");
        agency.relate(privacy, "FRIEND", hana.id(), known.id(), "STAFF");
        agency.relate(privacy, "FRIEND", xena.id(), known.id(), "STAFF");
        return new ConsultingHandlers(agency, hana, xena, cleo, agency.token(hana));
    }

    /** A consultation Hana asked Cleo about {@code action} by herself over {@code subject}, answered {@code outcome}. */
    String consulted(String action, Person subject, String outcome) {
        return agency.consultation(hanaToken, action, hana.id(), subject.id(), cleo, outcome);
    }

    /** A consultation Hana asked Cleo about taking something about {@code subject} in hand. */
    String consulted(Person subject, String outcome) {
        return consulted(TAKE_IN_HAND, subject, outcome);
    }

    /** The consultation's status as Hana reads it. */
    String status(String consultation) {
        return agency.consultationStatus(hanaToken, consultation);
    }

    private static Person supervisor(TestAgency agency, String name, String username) {
        return agency.person(name).role(Role.SUPERVISOR).account(username).create();
    }
}
