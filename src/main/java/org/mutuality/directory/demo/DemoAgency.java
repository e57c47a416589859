package org.mutuality.directory.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.Team;
import org.mutuality.directory.agencies.Agencies;
import org.mutuality.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the fictional demo agency on first start, when the database holds no agency yet. Its
 * people are set up for the situations the product handles: a peer worker treated by the agency's
 * psychiatrist, a peer worker whose long-time friend is a participant, a lived-experience
 * researcher who knows some participants, and a volunteer peer who leads a group.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(10)
public class DemoAgency implements ApplicationRunner {

    /** The password of every demo account, as the README documents. */
    public static final String PASSWORD = "mutuality-demo";

    public static final String NAME = "Riverside Peer Support (demo)";

    private static final Logger log = LoggerFactory.getLogger(DemoAgency.class);

    private final Directory directory;
    private final Agencies agencies;
    private final Clock clock;

    DemoAgency(Directory directory, Agencies agencies, Clock clock) {
        this.directory = directory;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (agencies.count() > 0) {
            return;
        }
        AgencyId agency = directory.createAgency(NAME, true);
        LocalDate today = LocalDate.now(clock);
        LocalDate longAgo = today.minusYears(3);

        Program peer = directory.createProgram(
                agency,
                "Peer Support",
                "One-to-one peer support and system navigation, by and for people with lived experience.");
        Program clinic = directory.createProgram(
                agency, "Community Mental Health Clinic", "Psychiatry and counselling for adults in the community.");
        Program groups = directory.createProgram(
                agency, "Wellness Groups", "Recovery, creative and walking groups led by peers and volunteers.");
        Team peerTeam = directory.createTeam(agency, peer.id(), "Peer team");
        Team clinicTeam = directory.createTeam(agency, clinic.id(), "Clinical team");
        Team groupsTeam = directory.createTeam(agency, groups.id(), "Groups team");

        person(agency, "admin", "Alexandra Morgan", "Alex Morgan", "she/her", role(Role.ADMINISTRATOR, null, longAgo));
        person(agency, "privacy", "Priya Shah", null, "she/her", role(Role.PRIVACY_LEAD, null, longAgo));
        person(agency, "supervisor", "Samuel Okafor", "Sam Okafor", "he/him", role(Role.SUPERVISOR, peerTeam, longAgo));
        person(agency, "psychiatrist", "Hélène Tremblay", null, "she/her", role(Role.CLINICIAN, clinicTeam, longAgo));
        // The peer worker who is also treated at the agency's clinic (the psychiatrist treats them).
        person(
                agency,
                "peer",
                "Jordan Lee",
                null,
                "they/them",
                role(Role.PEER_WORKER, peerTeam, today.minusYears(2)),
                role(Role.SERVICE_USER, clinicTeam, today.minusMonths(18)));
        // The peer worker whose long-time friend, Louise Bernard, is a participant.
        person(
                agency,
                "peer2",
                "Marc-André Gagnon",
                "Marc Gagnon",
                "he/him",
                role(Role.PEER_WORKER, peerTeam, today.minusYears(1)));
        person(
                agency,
                "volunteer",
                "Rosa Díaz",
                null,
                "she/her",
                role(Role.VOLUNTEER_PEER, groupsTeam, today.minusMonths(8)));
        // A researcher with lived experience who knows some of the participants from the community.
        person(
                agency,
                "researcher",
                "Nadia Haddad",
                null,
                "she/her",
                role(Role.RESEARCHER, null, today.minusMonths(10)));
        // The agency's manager makes assignments (support, supervision, approving time) in every program.
        person(agency, "manager", "Christopher Wong", "Chris Wong", "he/him", role(Role.MANAGER, null, longAgo));
        // The clinician who leads the clinic's team: assigns care within the clinic.
        person(
                agency,
                "clinic-lead",
                "Omar Farah",
                null,
                "he/him",
                role(Role.CLINICIAN, clinicTeam, longAgo),
                role(Role.SUPERVISOR, clinicTeam, longAgo));
        // A peer worker who is also a participant of the groups program.
        person(
                agency,
                null,
                "Taylor Kim",
                null,
                "she/they",
                role(Role.PEER_WORKER, peerTeam, today.minusMonths(5)),
                role(Role.PARTICIPANT, groupsTeam, today.minusYears(2)));
        person(
                agency,
                null,
                "Benjamin Carter",
                "Ben Carter",
                "he/him",
                role(Role.VOLUNTEER_PEER, groupsTeam, today.minusMonths(3)));

        String[][] participants = {
            {"Louise Bernard", null, "she/her", "clinic"},
            {"Ahmed Karim", null, "he/him", null},
            {"Julie Roy", null, "she/her", "clinic"},
            {"Kevin Brown", "Kev Brown", "he/him", null},
            {"Maya Singh", null, "she/her", null},
            {"Ethan Clarke", null, "he/him", "clinic"},
            {"Zoé Lavoie", null, "elle", null},
            {"Liam Murphy", null, "he/him", null},
            {"Aisha Mohamed", null, "she/her", "clinic"},
            {"Noah Martin", null, null, null},
            {"Emma Wilson", null, "she/her", null},
            {"Lucas Pelletier", null, "il", "clinic"},
            {"Grace Adeyemi", null, "she/her", null},
            {"Daniel Cohen", "Dan Cohen", "he/him", null},
            {"Sofia Rossi", null, "she/her", null}
        };
        for (int i = 0; i < participants.length; i++) {
            String[] p = participants[i];
            LocalDate since = today.minusMonths(2 + i * 2L);
            List<AssignRole> roles = new ArrayList<>();
            roles.add(role(Role.PARTICIPANT, i % 3 == 2 ? groupsTeam : peerTeam, since));
            if (p[3] != null) {
                roles.add(role(Role.SERVICE_USER, clinicTeam, since.minusMonths(6)));
            }
            person(agency, null, p[0], p[1], p[2], roles.toArray(AssignRole[]::new));
        }
        // Julie Roy signs in as a participant, to read what her peer worker writes (transparency).
        directory.openDemoAccount(agency, directory.demoCast(agency).require("Julie Roy"), "participant", PASSWORD);
        // Zoé Lavoie signs in to choose her own peer worker on her referral (she reads French).
        directory.openDemoAccount(agency, directory.demoCast(agency).require("Zoé Lavoie"), "participant2", PASSWORD);
        // Ben Carter, a volunteer peer, has not attested the code of conduct yet: his first page is the
        // attestation page (see DemoCodeOfConduct). No test signs in as him, so none is held there.
        directory.openDemoAccount(agency, directory.demoCast(agency).require("Benjamin Carter"), "newcomer", PASSWORD);
        // A former participant whose participation ended, to show that history is kept.
        directory.register(
                agency,
                new PersonDetails("Olivia Grant", null, "she/her", null, null),
                List.of(new AssignRole(
                        Role.PARTICIPANT, peer.id(), peerTeam.id(), today.minusYears(2), today.minusMonths(4))));
        log.info("Loaded the fictional demo agency");
    }

    private static AssignRole role(Role role, @Nullable Team team, LocalDate since) {
        ProgramId program = team == null ? null : team.programId();
        return new AssignRole(role, program, team == null ? null : team.id(), since, null);
    }

    private void person(
            AgencyId agency,
            @Nullable String username,
            String legalName,
            @Nullable String preferredName,
            @Nullable String pronouns,
            AssignRole... roles) {
        String email = username == null ? null : username + "@example.org";
        Person person = directory.register(
                agency, new PersonDetails(legalName, preferredName, pronouns, email, null), List.of(roles));
        if (username != null) {
            directory.openDemoAccount(agency, person.id(), username, PASSWORD);
        }
    }
}
