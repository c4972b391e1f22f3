package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Topology;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private final TopologyLayout layout = TopologyLayout.of(Topology.of(TopologyFixtures.cluster(6, 2)));

    @Test
    void aNodeLightsItsPodsTheirGroupsAndWhatRoutesToThem() {
        // node-3 runs web-abc-2 and web-abc-5 (i % 3 == 2) and db-1; big-xyz-0/1 run on node-1/node-2
        assertThat(Highlights.podsOn(layout, "node-3")).extracting(KubeRef::name)
                .containsExactlyInAnyOrder("web-abc-2", "web-abc-5", "db-1");
        assertThat(Highlights.involvedWith(layout, layout.byRef().get(new KubeRef("Node", "", "node-3"))))
                .containsExactlyInAnyOrder("Node node-3", "Deployment shop/web", "Service shop/web", "Ingress shop/shop",
                        "StatefulSet pay/db", "Service pay/db");
    }

    @Test
    void aGroupShowsItsOwnBadgeElseOrWhenLouderItsPodsBadgesSummedUp() {
        Map<KubeRef, Badge> badges = Map.of(
                new KubeRef("Pod", "shop", "web-abc-1"), new Badge(Badge.Severity.WARNING, "CVE"),
                new KubeRef("Pod", "shop", "web-abc-4"), new Badge(Badge.Severity.CRITICAL, "alert"),
                new KubeRef("StatefulSet", "pay", "db"), new Badge(Badge.Severity.INFO, "backup"),
                new KubeRef("Pod", "pay", "db-0"), new Badge(Badge.Severity.INFO, "note"));
        Map<String, Badge> groups = Highlights.groupBadges(layout, badges);
        assertThat(groups).containsOnlyKeys("Deployment shop/web", "StatefulSet pay/db");
        assertThat(groups.get("Deployment shop/web")).isEqualTo(new Badge(Badge.Severity.CRITICAL, "2"));
        assertThat(groups.get("StatefulSet pay/db")).as("its own, as loud as its pods'").isEqualTo(new Badge(Badge.Severity.INFO, "backup"));
        Map<KubeRef, Badge> louderPod = new java.util.HashMap<>(badges);
        louderPod.put(new KubeRef("Pod", "pay", "db-0"), new Badge(Badge.Severity.CRITICAL, "OOM"));
        assertThat(Highlights.groupBadges(layout, louderPod).get("StatefulSet pay/db")).as("its pods', louder")
                .isEqualTo(new Badge(Badge.Severity.CRITICAL, "1"));
        assertThat(Badge.louder(new Badge(Badge.Severity.INFO, "a"), new Badge(Badge.Severity.WARNING, "b")).text()).isEqualTo("b");
    }

    @Test
    void aSpotlightLightsItsObjectsBoxesAndTheGroupsOfItsPods() {
        assertThat(Highlights.spotlightBoxes(layout, java.util.Set.of(new KubeRef("Pod", "shop", "web-abc-1"),
                new KubeRef("Service", "pay", "db"), new KubeRef("ServiceAccount", "shop", "default"))))
                .containsExactlyInAnyOrder("Deployment shop/web", "Service pay/db");
    }
}
