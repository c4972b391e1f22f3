package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With same-thread executors, each offer is laid out and handed over at once. */
class TopologyViewModelTest {

    private final List<TopologyLayout> shown = new ArrayList<>();
    private final TopologyViewModel vm = new TopologyViewModel(Runnable::run, Runnable::run, shown::add);

    @Test
    void theUsersChoiceOfCollapsedGroupsHoldsForLaterStates() {
        vm.offer(TopologyFixtures.cluster(12, TopologyLayout.COLLAPSE_ABOVE + 1));
        assertThat(shown.getLast().boxes().get("Deployment shop/big").collapsed()).isTrue();

        vm.setCollapsed("Deployment shop/big", false);
        vm.setCollapsed("Deployment shop/web", true);
        assertThat(shown).hasSize(3);
        assertThat(shown.getLast().boxes().get("Deployment shop/big").collapsed()).isFalse();

        vm.offer(TopologyFixtures.cluster(13, TopologyLayout.COLLAPSE_ABOVE + 2));
        TopologyLayout later = shown.getLast();
        assertThat(later.boxes().get("Deployment shop/big").collapsed()).isFalse();
        assertThat(later.boxes().get("Deployment shop/web").collapsed()).isTrue();
        assertThat(later.elkRuns()).isZero();
        assertThat(vm.collapsedChoices()).containsEntry("Deployment shop/big", false);
    }

    @Test
    void eachLayoutStartsFromThePreviousOne() {
        vm.offer(TopologyFixtures.cluster(12, 3));
        vm.offer(TopologyFixtures.cluster(12, 3, TopologyFixtures::restarted));
        assertThat(shown).extracting(TopologyLayout::elkRuns).containsExactly(2, 0);
    }
}
