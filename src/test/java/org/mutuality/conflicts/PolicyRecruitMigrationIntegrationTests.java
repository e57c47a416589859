package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V48 gives agencies that keep a policy of their own the rule about who may point a participant to a
 * research study (RECRUIT, ADR 0034) as a new version, after V27 and V28, and edits none of their
 * versions; run again, it changes nothing.
 */
@IntegrationTest
class PolicyRecruitMigrationIntegrationTests {

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
        TestAgency own = demo.inAgency("V48");
        agency = own.id();
        privacyLead = own.person("Priya").create().id();
    }

    @Test
    void anAgencyOnTheOldDefaultEndsWithTodaysDefaultRuleForRule() {
        policies.append(agency, PolicyCloseReachMigrationIntegrationTests.BEFORE, "back to the default", privacyLead);

        migrate();

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isEqualTo(4);
        assertThat(current.changedBy()).isNull();
        assertThat(current.reason()).startsWith("Mutuality added who may point").contains(" / Mutuality a ajouté");
        Policy migrated = PolicyParser.parse(current.text());
        Policy today = PolicyParser.parse(Policies.defaultText());
        assertThat(migrated.rules())
                .as("the same rules as the default, in the same order")
                .isEqualTo(today.rules());
        assertThat(migrated.roleRules()).isEqualTo(today.roleRules());
        assertThat(migrated.eligibility()).isEqualTo(today.eligibility());
    }

    @Test
    void changesNothingWhenRunAgain() {
        policies.append(agency, PolicyCloseReachMigrationIntegrationTests.BEFORE, "back to the default", privacyLead);
        migrate();
        String once = policies.current(agency).text();

        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V48__policy_recruit.sql");

        assertThat(policies.current(agency).version()).isEqualTo(4);
        assertThat(policies.current(agency).text()).isEqualTo(once);
    }

    private void migrate() {
        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V27__policy_close_reach.sql");
        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V28__policy_consult_on.sql");
        PolicyCloseReachMigrationIntegrationTests.run(dataSource, "V48__policy_recruit.sql");
    }
}
