package io.pitwall.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayoutStateTest {

    private static final Set<String> ALL = Arrays.stream(PaneId.values()).map(PaneId::id).collect(Collectors.toSet());

    @Test
    void theDefaultPlacesEveryPaneOnce() {
        assertThat(LayoutState.defaults().placesExactly(ALL)).isTrue();
        assertThat(LayoutState.defaults().paneIds()).hasSize(PaneId.values().length).doesNotHaveDuplicates();
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LayoutState withFloating = new LayoutState(LayoutState.VERSION, List.of(
                LayoutState.defaults().windows().getFirst(),
                new LayoutState.Window(10, 20, 700, 400, new LayoutState.Stack(List.of("logs"), "logs"))));
        String text = json.writeValueAsString(withFloating);
        assertThat(text).contains("\"type\":\"split\"", "\"type\":\"stack\"");
        assertThat(json.readValue(text, LayoutState.class)).isEqualTo(withFloating);
    }

    @Test
    void layoutsThatLoseDuplicateOrInventPanesAreNotRestored() {
        LayoutState.Window main = LayoutState.defaults().windows().getFirst();
        LayoutState duplicate = new LayoutState(LayoutState.VERSION, List.of(main,
                new LayoutState.Window(0, 0, 1, 1, new LayoutState.Stack(List.of("logs"), "logs"))));
        LayoutState missing = new LayoutState(LayoutState.VERSION, List.of(
                new LayoutState.Window(0, 0, 0, 0, new LayoutState.Stack(List.of("logs"), "logs"))));
        LayoutState unknown = new LayoutState(LayoutState.VERSION, List.of(main,
                new LayoutState.Window(0, 0, 1, 1, new LayoutState.Stack(List.of("flamegraph"), null))));
        LayoutState future = new LayoutState(LayoutState.VERSION + 1, List.of(main));
        assertThat(List.of(duplicate, missing, unknown, future)).noneMatch(l -> l.placesExactly(ALL));
        assertThatThrownBy(() -> new LayoutState(1, List.of())).hasMessageContaining("main window");
    }
}
