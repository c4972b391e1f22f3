package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.topology.TopologyNavigator.Direction;
import org.junit.jupiter.api.Test;

class TopologyNavigatorTest {

    // web: 20 pods in two rows of c columns: cells 0 .. c-1 on the first row, c .. 19 on the second
    private final TopologyLayout layout = TopologyLayout.of(Topology.of(TopologyFixtures.cluster(20, 3)));
    private final int c = layout.boxes().get("Deployment shop/web").columns();

    private KubeRef pod(int slot) {
        return layout.boxes().get("Deployment shop/web").pods().get(slot).ref();
    }

    private KubeRef move(KubeRef from, Direction d) {
        return TopologyNavigator.move(layout, from, d, 0, 0);
    }

    @Test
    void arrowsMoveCellByCellInsideAGroup() {
        assertThat(move(pod(0), Direction.RIGHT)).isEqualTo(pod(1));
        assertThat(move(pod(1), Direction.LEFT)).isEqualTo(pod(0));
        assertThat(c).isBetween(10, 19);
        assertThat(move(pod(1), Direction.DOWN)).isEqualTo(pod(1 + c));
        assertThat(move(pod(1 + c), Direction.UP)).isEqualTo(pod(1));
        // below the last row's end: to the last pod
        assertThat(move(pod(c - 1), Direction.DOWN)).isEqualTo(pod(19));
    }

    @Test
    void upFromTheFirstRowSelectsTheGroupAndBoxesLeadToTheirNeighbours() {
        KubeRef web = new KubeRef("Deployment", "shop", "web");
        assertThat(move(pod(3), Direction.UP)).isEqualTo(web);
        // the service serving web is to its left, the ingress left of that
        KubeRef svc = move(web, Direction.LEFT);
        assertThat(svc).isEqualTo(new KubeRef("Service", "shop", "web"));
        assertThat(move(svc, Direction.LEFT)).isEqualTo(new KubeRef("Ingress", "shop", "shop"));
        assertThat(move(svc, Direction.RIGHT)).isEqualTo(web);
    }

    @Test
    void withNothingSelectedTheBoxNearestTheMiddleIsTaken() {
        TopologyLayout.Box db = layout.boxes().get("StatefulSet pay/db");
        assertThat(TopologyNavigator.move(layout, null, Direction.DOWN, db.x() + 5, db.y() + 5)).isEqualTo(db.ref());
    }
}
