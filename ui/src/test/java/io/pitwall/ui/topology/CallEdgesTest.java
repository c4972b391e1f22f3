package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.topology.TopologyLayout.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service dependency graph placed on the topology's boxes. */
class CallEdgesTest {

    private final TopologyLayout layout = TopologyLayout.of(Topology.of(TopologyFixtures.cluster(4, 3)));

    @Test
    void aTraceServiceIsItsKubernetesServiceElseItsWorkload() {
        CallEdges calls = CallEdges.place(List.of(new DependencyLink("big", "web", 120, 6),
                new DependencyLink("web", "db", 40, 0)), layout);

        assertThat(calls.unplaced()).isEmpty();
        assertThat(calls.edges()).hasSize(2);
        CallEdges.Edge bigToWeb = calls.edges().get(0);
        assertThat(bigToWeb.from().kind()).isEqualTo(Kind.GROUP);
        assertThat(bigToWeb.from().ref().name()).isEqualTo("big");
        assertThat(bigToWeb.to().kind()).as("the Service, not the workload of the same name").isEqualTo(Kind.SERVICE);
        assertThat(bigToWeb.to().ref().namespace()).isEqualTo("shop");
        assertThat(bigToWeb.errorRate()).isEqualTo(0.05);
        CallEdges.Edge webToDb = calls.edges().get(1);
        assertThat(webToDb.to().ref().namespace()).as("unique names join across namespaces").isEqualTo("pay");
        assertThat(CallsPainter.label(bigToWeb)).isEqualTo("120 calls · 5.0% err");
        assertThat(CallsPainter.label(webToDb)).isEqualTo("40 calls");
    }

    @Test
    void servicesNotOnTheTopologyAreNamedNotDrawnAndSelfCallsAreLeftOut() {
        CallEdges calls = CallEdges.place(List.of(new DependencyLink("ghost", "db", 3, 3),
                new DependencyLink("web", "web", 10, 0), new DependencyLink("web", "payments-gateway", 1, 0)), layout);

        assertThat(calls.edges()).isEmpty();
        assertThat(calls.unplaced()).containsExactly("ghost", "payments-gateway");
    }

    @Test
    void nothingToPlaceWithoutALayoutOrLinks() {
        assertThat(CallEdges.place(List.of(new DependencyLink("web", "db", 1, 0)), null)).isEqualTo(CallEdges.NONE);
        assertThat(CallEdges.place(List.of(), layout).edges()).isEmpty();
    }

    @Test
    void arcsBetweenBoxesOfOneColumnReachLeftAndTheViewMakesRoomForThem() {
        TopologyLayout.Box a = box("Service shop/front-end", 100, 0);
        TopologyLayout.Box b = box("Service shop/orders", 100, 300);
        TopologyLayout.Box right = box("Deployment shop/orders", 400, 300);
        assertThat(CallEdges.sameColumn(a, b)).isTrue();
        assertThat(CallEdges.sameColumn(a, right)).isFalse();
        CallEdges calls = new CallEdges(List.of(new CallEdges.Edge(a, b, 10, 0)), List.of());
        // the apex of the arc (three quarters of its bulge out) and half a label further
        assertThat(calls.minX()).isEqualTo(100 - 0.75 * (24 + 0.3 * 300) - 80);
        assertThat(new CallEdges(List.of(new CallEdges.Edge(a, right, 10, 0)), List.of()).minX()).isZero();
    }

    private static TopologyLayout.Box box(String id, double x, double y) {
        String[] kindAndRef = id.split(" ");
        String[] nsName = kindAndRef[1].split("/");
        return new TopologyLayout.Box(id, new io.pitwall.connectors.model.KubeRef(kindAndRef[0], nsName[0], nsName[1]),
                kindAndRef[0].equals("Service") ? Kind.SERVICE : Kind.GROUP, x, y, 160, 26, 0, false, List.of(), new byte[0],
                new int[io.pitwall.ui.topology.PodHealth.values().length], 0);
    }
}
