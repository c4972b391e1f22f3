package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersInNamesSortAsNumbers() {
        List<String> names = new ArrayList<>(List.of("ns-10", "ns-2", "ns-1", "kube-system", "Default", "ns-02", "node-100",
                "node-9", "ns-1a"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("Default", "kube-system", "node-9", "node-100", "ns-1", "ns-1a", "ns-02", "ns-2",
                "ns-10");
    }
}
