package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodSlotsTest {

    private static List<PodInfo> pods(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.split(" "))
                .map(n -> TopologyFixtures.pod("ns", n, "a", new KubeRef("ReplicaSet", "ns", "rs"), 0, false)).toList();
    }

    private static String names(List<PodInfo> pods) {
        return String.join(" ", pods.stream().map(PodInfo::name).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # previous order | now, by name  | cells
                             | a b c         | a b c
            a b c            | a b c         | a b c
            c a b            | a b c         | c a b
            a b c            | a b c d       | a b c d
            a b c d          | a c d e       | a e c d
            a b c d          | a b d         | a b d
            a b c d          | b c d         | d b c
            a b c d          | c             | c
            a b c d e        | a e x y       | a x y e
            a b              |               |
            """)
    void podsKeepTheirCells(String previous, String now, String expected) {
        List<PodInfo> before = previous == null ? null : pods(previous);
        assertThat(names(PodSlots.assign(before, pods(now == null ? "" : now)))).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void aRestartedPodIsTheNewRecordInTheSameCell() {
        List<PodInfo> before = pods("a b c");
        List<PodInfo> now = before.stream().map(p -> p.name().equals("b") ? TopologyFixtures.restarted(p) : p).toList();
        List<PodInfo> cells = PodSlots.assign(before, now);
        assertThat(cells.get(1).restarts()).isEqualTo(1);
        assertThat(names(cells)).isEqualTo("a b c");
    }
}
