package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * V27 gives agencies that keep a policy of their own the rules of APA 3.05 (a)(2) as a new version,
 * and edits none of their versions. The migration's statement is run again here, on the database the
 * suite runs on (H2, or PostgreSQL), over agencies made for each test; it leaves alone every agency
 * whose policy already has the rules, so running it again changes nothing else.
 */
@IntegrationTest
class PolicyCloseReachMigrationIntegrationTests {

    /** The default policy as shipped before V27, as an agency that put it back in force stored it. */
    static final String BEFORE = text("org/mutuality/conflicts/default-policy-before-v27.yaml");

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
        TestAgency own = demo.inAgency("V27");
        agency = own.id();
        privacyLead = own.person("Priya").create().id();
    }

    @Test
    void putsTheNewRulesInForceAsANewVersionAfterACopyOfTheOldDefault() {
        policies.append(agency, BEFORE, "back to the default", privacyLead);

        migrate();

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.changedBy()).isNull();
        assertThat(current.reason()).startsWith("Mutuality added the rules of APA 3.05 (a)(2)");
        // The rules about whom to consult (CONSULT_ON) came after V27; V28 adds them as a version of
        // its own (PolicyConsultOnMigrationIntegrationTests compares with the whole default).
        assertThat(PolicyParser.parse(current.text()).rules())
                .as("the same rules as the default shipped now, in the same order, but for CONSULT_ON's and RECRUIT's")
                .isEqualTo(PolicyParser.parse(Policies.defaultText()).rules().stream()
                        .filter(r -> !r.actions().equals(Set.of(Action.CONSULT_ON)))
                        .filter(r -> !r.actions().equals(Set.of(Action.RECRUIT)))
                        .toList());
    }

    @Test
    void keepsTheVersionItFollowsAsItWas() {
        policies.append(agency, BEFORE, "back to the default", privacyLead);

        migrate();

        PolicyVersion kept = policies.version(agency, 1).orElseThrow();
        assertThat(kept.text()).isEqualTo(BEFORE);
        assertThat(kept.reason()).isEqualTo("back to the default");
        assertThat(kept.changedBy()).isEqualTo(privacyLead);
        assertThat(policies.history(agency)).extracting(PolicyVersion::version).containsExactly(2, 1, 0);
    }

    @Test
    void addsTheRulesToAnAgencysOwnTextThatKeptTheNoContactRule() {
        String own = BEFORE.replace("decision: WARN", "decision: CONSULT");
        policies.append(agency, own, "warnings become consultations here", privacyLead);

        migrate();

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.text()).contains("- id: intimate-or-family-through-someone-close");
        assertThat(current.text()).contains("decision: CONSULT\n    explanation:\n      en: The two are neighbours.");
        assertThat(PolicyParser.parse(current.text()).rules()).hasSize(14);
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
                """;
        policies.append(agency, own, "our own", privacyLead);

        migrate();

        assertThat(policies.current(agency).version()).isEqualTo(1);
    }

    @Test
    void addsNothingToAPolicyThatHasTheRulesAlready() {
        policies.append(agency, BEFORE, "back to the default", privacyLead);
        migrate();

        migrate();

        assertThat(policies.current(agency).version()).isEqualTo(2);
    }

    @Test
    void storesNothingForAnAgencyOnTheDefault() {
        migrate();

        PolicyVersion current = policies.current(agency);
        assertThat(current.version()).isZero();
        assertThat(current.text()).isEqualTo(Policies.defaultText());
    }

    private void migrate() {
        run(dataSource, "V27__policy_close_reach.sql");
    }

    /** Runs a migration's script again on the suite's database. */
    static void run(DataSource dataSource, String script) {
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(
                    connection,
                    new EncodedResource(new ClassPathResource("db/migration/" + script), StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
