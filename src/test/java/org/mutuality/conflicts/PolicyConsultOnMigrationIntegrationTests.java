package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.conflicts.policy.Rule;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V28 gives agencies that keep a policy of their own the rules about whom to consult (CONSULT_ON, ADR
 * 0020) as a new version, and edits none of their versions. V27 and V28 are run again here, in that
 * order, on the database the suite runs on (H2, or PostgreSQL), over agencies made for each test; both
 * leave alone every agency whose policy already has their rules, so running them again changes
 * nothing else.
 */
@IntegrationTest
class PolicyConsultOnMigrationIntegrationTests {

    static final String BEFORE = PolicyCloseReachMigrationIntegrationTests.BEFORE;

    @Autowired
    TestAgency demo;

    @Autowired
    Policies policies;

    @Autowired
    DataSource dataSource;

    AgencyId agency;
    PersonId privacyLead;

    @BeforeEach
    void anAgencyOfItsOwn() {
        TestAgency own = demo.inAgency("V28");
        agency = own.id();
        privacyLead = own.person("Priya").create().id();
    }

    @Test
    void anAgencyOnTheOldDefaultEndsWithTodaysDefaultRuleForRule() {
        policies.append(agency, BEFORE, "back to the default", privacyLead);

        migrate();

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isEqualTo(3);
        assertThat(current.changedBy()).isNull();
        assertThat(current.reason())
                .startsWith("Mutuality added whom to consult")
                .contains(" / Mutuality a ajouté");
        Policy migrated = PolicyParser.parse(current.text());
        Policy today = PolicyParser.parse(Policies.defaultText());
        // Who may recruit for research (RECRUIT) came after V28; V48 adds it as a version of its own
        // (PolicyRecruitMigrationIntegrationTests compares with the whole default).
        assertThat(migrated.rules())
                .as("the same rules as the default, in the same order, but for RECRUIT's")
                .isEqualTo(today.rules().stream()
                        .filter(r -> !r.actions().equals(java.util.Set.of(Action.RECRUIT)))
                        .toList());
        assertThat(migrated.roleRules()).isEqualTo(today.roleRules());
        java.util.Map<Action, java.util.Set<Role>> eligible = new java.util.EnumMap<>(today.eligibility());
        eligible.remove(Action.RECRUIT);
        assertThat(migrated.eligibility()).isEqualTo(eligible);
    }

    @Test
    void keepsTheVersionsItFollowsAsTheyWere() {
        policies.append(agency, BEFORE, "back to the default", privacyLead);
        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V27__policy_close_reach.sql");
        String afterV27 = policies.current(agency).text();

        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V28__policy_consult_on.sql");

        assertThat(policies.version(agency, 2).orElseThrow().text()).isEqualTo(afterV27);
        PolicyVersion kept = policies.version(agency, 1).orElseThrow();
        assertThat(kept.text()).isEqualTo(BEFORE);
        assertThat(kept.changedBy()).isEqualTo(privacyLead);
        assertThat(policies.history(agency)).extracting(PolicyVersion::version).containsExactly(3, 2, 1, 0);
    }

    @Test
    void addsNothingToAPolicyThatHasTheRulesAlready() {
        policies.append(agency, BEFORE, "back to the default", privacyLead);
        migrate();

        migrate();

        assertThat(policies.current(agency).version()).isEqualTo(3);
    }

    @Test
    void addsNothingToATextThatNamesConsultOnItself() {
        String own = BEFORE.replace(
                "  INVOLUNTARY_INTERVENTION: [CLINICIAN]",
                "  INVOLUNTARY_INTERVENTION: [CLINICIAN]\n  CONSULT_ON: [MANAGER]");
        policies.append(agency, own, "managers advise here", privacyLead);

        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V28__policy_consult_on.sql");

        assertThat(policies.current(agency).version()).isEqualTo(1);
    }

    @Test
    void leavesAloneATextWithoutTheShippedNoContactRule() {
        String own = """
                rules:
                  - id: care
                    actions: [SUPERVISE]
                    kinds: [TREATS]
                    decision: BLOCK
                    explanation: Care and oversight do not mix here.
                mayAct:
                  SUPERVISE: [SUPERVISOR]
                """;
        policies.append(agency, own, "our own", privacyLead);

        migrate();

        assertThat(policies.current(agency).version()).isEqualTo(1);
    }

    @Test
    void addsTheRulesAndAMayActToATextWithNeitherRoleRulesNorMayAct() {
        String own = BEFORE.substring(0, BEFORE.indexOf("roleRules:"));
        policies.append(agency, own, "rules only", privacyLead);

        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V28__policy_consult_on.sql");

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isEqualTo(2);
        Policy migrated = PolicyParser.parse(current.text());
        assertThat(migrated.rules())
                .extracting(Rule::id)
                .contains("consultant-close-to-either", "consultant-involved-with-either");
        assertThat(migrated.eligibleFor(Action.CONSULT_ON))
                .containsExactlyInAnyOrder(Role.SUPERVISOR, Role.MANAGER, Role.PRIVACY_LEAD);
    }

    @Test
    void addsTheRulesToATextSavedWithWindowsLineEnds() {
        policies.append(agency, BEFORE.replace("\n", "\r\n"), "edited in the browser", privacyLead);

        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V28__policy_consult_on.sql");

        Policy migrated = PolicyParser.parse(policies.current(agency).text());
        assertThat(migrated.rules()).hasSize(PolicyParser.parse(BEFORE).rules().size() + 2);
        assertThat(migrated.eligibleFor(Action.CONSULT_ON))
                .containsExactlyInAnyOrder(Role.SUPERVISOR, Role.MANAGER, Role.PRIVACY_LEAD);
    }

    @Test
    void storesNothingForAnAgencyOnTheDefault() {
        migrate();

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isZero();
        assertThat(current.text()).isEqualTo(Policies.defaultText());
    }

    private void migrate() {
        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V27__policy_close_reach.sql");
        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V28__policy_consult_on.sql");
    }
}
