package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.topology.TopologyLayout.Box;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placement: namespace bands, the nodes band, and what stays put from one state to the next. */
class TopologyLayoutTest {

    private static TopologyLayout layout(ClusterState s, TopologyLayout previous) {
        return TopologyLayout.of(Topology.of(s), Map.of(), previous);
    }

    @Test
    void eachNamespaceIsABandAndTheNodesABandOfTheirOwn() {
        TopologyLayout l = layout(TopologyFixtures.cluster(12, 5), null);
        assertThat(l.bands()).extracting(TopologyLayout.Band::title)
                .containsExactly("pay  \u00b7  1 workload  \u00b7  3 pods", "shop  \u00b7  2 workloads  \u00b7  17 pods",
                        "nodes  3  \u00b7  1 not ready");
        for (Box b : l.boxes().values()) {
            TopologyLayout.Band band = b.kind() == TopologyLayout.Kind.NODE ? l.bands().getLast() : l.band(b.namespace());
            assertThat(band.contains(b.x(), b.y()) && band.contains(b.x() + b.w(), b.y() + b.h()))
                    .as("%s inside its band", b.id()).isTrue();
        }
        Box node1 = l.byRef().get(new KubeRef("Node", "", "node-1"));
        assertThat(node1.pods()).extracting(PodInfo::name).contains("web-abc-0", "web-abc-3", "big-xyz-0", "db-2");
        // pods sit in name order: web-abc-0, web-abc-1, web-abc-10, web-abc-11, web-abc-2, ...
        assertThat(l.places().get(new KubeRef("Pod", "shop", "web-abc-2")))
                .isEqualTo(new TopologyLayout.PodPlace("Deployment shop/web", 4));
        assertThat(l.lines()).containsExactlyInAnyOrder(new TopologyLayout.Line("Ingress shop/shop", "Service shop/web"),
                new TopologyLayout.Line("Service shop/web", "Deployment shop/web"),
                new TopologyLayout.Line("Service pay/db", "StatefulSet pay/db"));
        assertThat(l.elkRuns()).isEqualTo(2);
    }

    @Test
    void theSameShapeKeepsEveryPlaceWithoutLayingOutAgain() {
        TopologyLayout first = layout(TopologyFixtures.cluster(12, 5), null);
        // a restart and a status change: nothing moves, ELK does not run
        TopologyLayout next = layout(TopologyFixtures.cluster(12, 5,
                p -> p.name().equals("web-abc-4") ? TopologyFixtures.restarted(p) : p), first);
        assertThat(next.elkRuns()).isZero();
        first.boxes().forEach((id, b) -> {
            Box now = next.boxes().get(id);
            assertThat(new double[] {now.x(), now.y(), now.w(), now.h()}).as(id).containsExactly(b.x(), b.y(), b.w(), b.h());
        });
        assertThat(next.boxes().get("Deployment shop/web").restarts()).isEqualTo(6);
    }

    @Test
    void aGroupGrowingByARowMovesOnlyWhatIsBelowIt() {
        // web's 12 pods fill two rows (fewer than 24 columns); twice its columns and one take a third
        TopologyLayout first = layout(TopologyFixtures.cluster(12, 5), null);
        int columns = first.boxes().get("Deployment shop/web").columns();
        TopologyLayout next = layout(TopologyFixtures.cluster(2 * columns + 1, 5), first);
        assertThat(next.elkRuns()).isZero();
        Box web = first.boxes().get("Deployment shop/web");
        Box grown = next.boxes().get("Deployment shop/web");
        double row = TopologyLayout.CELL + TopologyLayout.GAP;
        assertThat(grown.h()).isEqualTo(web.h() + row);
        assertThat(grown.x()).isEqualTo(web.x());
        assertThat(grown.y()).isEqualTo(web.y());
        for (Box b : first.boxes().values()) {
            Box now = next.boxes().get(b.id());
            boolean sameBand = b.kind() != TopologyLayout.Kind.NODE && b.namespace().equals("shop");
            boolean below = sameBand && b.y() >= web.y() + web.h() && b.x() < web.x() + web.w() && web.x() < b.x() + b.w();
            assertThat(now.x()).as(b.id()).isEqualTo(b.x());
            // the other bands stand in other columns here: they keep their places too
            assertThat(now.y()).as(b.id()).isEqualTo(below ? b.y() + row : b.y());
        }
        // the old pods keep their cells, the new ones come after them
        assertThat(grown.pods().subList(0, 12)).extracting(PodInfo::name).isEqualTo(web.pods().stream().map(PodInfo::name).toList());
    }

    @Test
    void aNewWorkloadLaysOutOnlyItsNamespaceAgain() {
        ClusterState s = TopologyFixtures.cluster(12, 5);
        TopologyLayout first = layout(s, null);
        List<io.pitwall.connectors.model.ServiceInfo> services = new java.util.ArrayList<>(s.services());
        services.add(new io.pitwall.connectors.model.ServiceInfo("shop", "big", "ClusterIP", Map.of("app", "big"), List.of()));
        TopologyLayout next = layout(new ClusterState(s.at(), s.namespaces(), s.nodes(), s.pods(), s.workloads(), services,
                s.ingresses(), s.events(), s.counts(), s.noAccess(), s.absent()), first);
        assertThat(next.elkRuns()).isEqualTo(1);
        assertThat(next.lines()).contains(new TopologyLayout.Line("Service shop/big", "Deployment shop/big"));
        assertThat(next.boxes().get("StatefulSet pay/db").x()).isEqualTo(first.boxes().get("StatefulSet pay/db").x());
    }

    @Test
    void bigGroupsStartCollapsedAndTheUsersChoiceWins() {
        ClusterState s = TopologyFixtures.cluster(12, TopologyLayout.COLLAPSE_ABOVE + 1);
        TopologyLayout l = layout(s, null);
        assertThat(l.boxes().get("Deployment shop/big").collapsed()).isTrue();
        assertThat(l.boxes().get("Deployment shop/web").collapsed()).isFalse();
        TopologyLayout chosen = TopologyLayout.of(Topology.of(s), Map.of("Deployment shop/big", false,
                "Deployment shop/web", true), l);
        assertThat(chosen.boxes().get("Deployment shop/big").collapsed()).isFalse();
        assertThat(chosen.boxes().get("Deployment shop/big").columns()).isGreaterThan(20);
        assertThat(chosen.boxes().get("Deployment shop/web").collapsed()).isTrue();
        assertThat(chosen.elkRuns()).isZero();
    }

    @Test
    void healthIsCountedPerBoxWithEvictedPodsApart() {
        TopologyLayout l = layout(TopologyFixtures.cluster(6, 0, p -> p.name().equals("web-abc-5")
                ? new PodInfo(p.namespace(), p.name(), p.uid(), p.labels(), p.owner(), p.nodeName(), "Failed", false, 0,
                        java.util.Optional.of("Evicted"), List.of(), p.created()) : p), null);
        Box web = l.boxes().get("Deployment shop/web");
        assertThat(web.counts()[PodHealth.RUNNING.ordinal()]).isEqualTo(4);
        assertThat(web.counts()[PodHealth.CRASH_LOOPING.ordinal()]).isEqualTo(1);
        assertThat(web.counts()[PodHealth.EVICTED.ordinal()]).isEqualTo(1);
        assertThat(web.unhealthy()).isEqualTo(2);
        assertThat(web.worst()).isEqualTo(PodHealth.CRASH_LOOPING);
    }
}
