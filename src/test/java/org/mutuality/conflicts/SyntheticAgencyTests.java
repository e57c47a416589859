package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.engine.AgencyScan;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.conflicts.synthetic.SyntheticAgency;
import org.mutuality.relationships.Relationship;

class SyntheticAgencyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void generatesTheSameAgencyForTheSameSeed() {
        SyntheticAgency first = SyntheticAgency.generate(42, 500, 5_000, TODAY);
        SyntheticAgency second = SyntheticAgency.generate(42, 500, 5_000, TODAY);
        SyntheticAgency other = SyntheticAgency.generate(43, 500, 5_000, TODAY);

        assertThat(second.people()).isEqualTo(first.people());
        assertThat(second.relationships()).isEqualTo(first.relationships());
        assertThat(other.relationships()).isNotEqualTo(first.relationships());
    }

    @Test
    void reachesTheRequestedSize() {
        SyntheticAgency agency = SyntheticAgency.generate(7, 2_000, 20_000, TODAY);

        assertThat(agency.people()).hasSize(2_000);
        assertThat(agency.relationships()).hasSize(20_000);
        assertThat(agency.relationships()).extracting(Relationship::id).doesNotHaveDuplicates();
    }

    @Test
    void scansASmallTownIntoAFewRankedGroups() {
        SyntheticAgency agency = SyntheticAgency.generate(11, 2_000, 20_000, TODAY);
        AgencyGraph graph = AgencyGraph.build(agency.people(), agency.relationships(), TODAY);
        Policy policy = PolicyParser.parse(Policies.defaultText());

        List<AgencyScan.Finding> findings = AgencyScan.scan(graph, policy);

        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).evaluation().decision()).isEqualTo(Decision.BLOCK);
        assertThat(findings.get(findings.size() - 1).score())
                .isLessThanOrEqualTo(findings.get(0).score());
        long kinds = findings.stream()
                .map(f -> f.evaluation().decision() + "/"
                        + f.evaluation().matches().get(0).rule())
                .distinct()
                .count();
        assertThat(kinds).isLessThan(findings.size());
    }
}
