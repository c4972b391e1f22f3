package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologySearchTest {

    private final TopologyLayout layout = TopologyLayout.of(Topology.of(TopologyFixtures.cluster(12, 3)));

    @ParameterizedTest
    @CsvSource({"web, web, 0", "WEB, web-abc, 1", "abc, web-abc-0, 2", "abd, web-abc-0, -1", "web-abc-10, web-abc-1, -1"})
    void ranksEqualThenPrefixThenContained(String query, String name, int rank) {
        assertThat(TopologySearch.rank(name, query)).isEqualTo(rank);
    }

    @Test
    void exactNamesComeFirstThenThePictureInReadingOrder() {
        assertThat(TopologySearch.find(layout, "web")).startsWith(new KubeRef("Service", "shop", "web"),
                new KubeRef("Deployment", "shop", "web")).hasSize(2 + 12);
        assertThat(TopologySearch.find(layout, "node-3")).containsExactly(new KubeRef("Node", "", "node-3"));
        assertThat(TopologySearch.find(layout, "  db ")).containsExactly(new KubeRef("Service", "pay", "db"),
                new KubeRef("StatefulSet", "pay", "db"), new KubeRef("Pod", "pay", "db-0"), new KubeRef("Pod", "pay", "db-1"),
                new KubeRef("Pod", "pay", "db-2"));
        assertThat(TopologySearch.find(layout, "")).isEmpty();
    }

    @Test
    void lettersInOrderAreFoundWhenNothingContainsTheQuery() {
        assertThat(TopologySearch.find(layout, "wbc11")).first().isEqualTo(new KubeRef("Pod", "shop", "web-abc-11"));
        assertThat(TopologySearch.find(layout, "zzz")).isEmpty();
    }
}
