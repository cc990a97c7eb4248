package cn.chenzhou.plan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.contracts.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WorkloadTest {
    private final Workload workload = new Workload(new Tokens(null, null));

    @Test
    void elevenCountyPortalsAndFinanceTakeTurnsSoEachWritesAtTheSameRate() {
        Map<String, Integer> perClient = new HashMap<>();
        for (long i = 0; i < 1200; i++) {
            perClient.merge(workload.mixed(i).client(), 1, Integer::sum);
        }
        assertThat(perClient).hasSize(12).containsEntry("finance", 100).containsEntry("county-431023", 100);
    }

    @Test
    void aCountyDraftsForItsOwnCountyAndFinanceRecordsForEveryCountyInTurn() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Workload.Command draft = workload.mixed(4);
        assertThat(draft.client()).isEqualTo("county-" + Workload.COUNTIES.get(4));
        assertThat(json.readTree(draft.body()).get("county").asString()).isEqualTo(Workload.COUNTIES.get(4));
        assertThat(draft.topic()).isEqualTo(Topics.PROJECTS);
        Set<String> financed = new HashSet<>();
        for (long i = 11; i < 12 * 11; i += 12) {
            Workload.Command funds = workload.mixed(i);
            assertThat(funds.client()).isEqualTo("finance");
            assertThat(funds.topic()).isEqualTo(Topics.FUNDING);
            financed.add(json.readTree(funds.body()).get("county").asString());
        }
        assertThat(financed).containsExactlyInAnyOrderElementsOf(Workload.COUNTIES);
    }

    @Test
    void theIdOfWhatACommandCreatedIsTheLastSegmentOfItsLocation() {
        assertThat(new Http.Reply(201, "http://gw/api/projects/prj-1", null).createdId()).isEqualTo("prj-1");
        assertThat(new Http.Reply(201, "/api/funding/secured-funds/sf-2/", null).createdId()).isEqualTo("sf-2");
        assertThat(new Http.Reply(201, null, null).createdId()).isNull();
    }

    @Test
    void theProbeReadsTheSequenceFromReportingsAnswer() {
        assertThat(FreshnessProbe.sequenceOf("{\"topic\":\"projects.events\",\"aggregateId\":\"p\",\"sequence\":3}")).isEqualTo(3);
        assertThat(FreshnessProbe.sequenceOf("{}")).isEqualTo(-1);
    }
}
