package io.pitwall.connectors.timeline;

import static io.pitwall.connectors.timeline.SockShopStory.CARTS;
import static io.pitwall.connectors.timeline.SockShopStory.NEW_POD;
import static io.pitwall.connectors.timeline.SockShopStory.PATCH;
import static io.pitwall.connectors.timeline.SockShopStory.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** "What changed?" on the story's timeline, for each kind of selection. */
class WhatChangedTest {

    private static Timeline story;
    private static ClusterState state;

    @BeforeAll
    static void collect() throws Exception {
        SockShopStory s = new SockShopStory();
        StorySession session = new StorySession();
        session.changes = s.changes;
        session.state = s.state;
        session.metrics = StorySources.prometheus();
        session.security = StorySources.falco();
        session.logs = StorySources.loki();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        story = new TimelineCollector(executor).collect(session, WINDOW, List.of()).join();
        executor.shutdown();
        state = s.state;
    }

    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({
        "Deployment, sock-shop, carts",
        "Pod, sock-shop, carts-7c9f8d5b6d-x2x9k",
        "Service, sock-shop, carts",
        "Namespace, '', sock-shop",
        "ReplicaSet, sock-shop, carts-7c9f8d5b6d"})
    void theImagePatchComesFirstThreeMinutesBeforeTheFirstOomKill(String kind, String namespace, String name) {
        List<WhatChanged.Change> changes = WhatChanged.rank(story, Optional.of(new KubeRef(kind, namespace, name)),
                Optional.of(state));
        assertThat(changes).isNotEmpty().hasSizeLessThanOrEqualTo(WhatChanged.MAX);
        WhatChanged.Change first = changes.getFirst();
        assertThat(first.item().lane()).isEqualTo(Lane.ROLLOUTS);
        assertThat(first.item().ref()).contains(CARTS);
        assertThat(first.why()).isEqualTo("3 min before the first OOMKilled restart");
        assertThat(changes).extracting(c -> c.item().lane()).contains(Lane.RESTARTS, Lane.ALERTS, Lane.ERROR_LOGS)
                .doesNotContain(Lane.SECURITY, Lane.WARNINGS);
        assertThat(changes).filteredOn(c -> c.item().lane() == Lane.RESTARTS).singleElement().satisfies(c -> {
            assertThat(c.item().at()).isEqualTo(PATCH.plus(Duration.ofMinutes(3)));
            assertThat(c.why()).isEqualTo("the first OOMKilled restart, the first trouble in the window");
        });
        assertThat(changes).filteredOn(c -> c.item().lane() == Lane.ALERTS).singleElement()
                .satisfies(c -> assertThat(c.why()).isEqualTo("the first alert (KubePodCrashLooping on " + NEW_POD.name() + ")"));
    }

    @Test
    void anotherWorkloadHasNothingOfCarts() {
        assertThat(WhatChanged.rank(story, Optional.of(new KubeRef("Deployment", "sock-shop", "orders")), Optional.of(state)))
                .isEmpty();
        assertThat(WhatChanged.rank(story, Optional.of(new KubeRef("Namespace", "", "kube-system")), Optional.of(state)))
                .isEmpty();
    }

    @Test
    void withoutTheClusterStateAPodStillSeesItsOwnTrouble() {
        List<WhatChanged.Change> changes = WhatChanged.rank(story, Optional.of(NEW_POD), Optional.empty());
        assertThat(changes).extracting(c -> c.item().lane()).doesNotContain(Lane.ROLLOUTS).contains(Lane.RESTARTS);
    }

    @Test
    void changesBeforeTroubleComeFirstThenBySeverityAndTheListIsShort() {
        Instant trouble = WINDOW.from().plus(Duration.ofMinutes(40));
        List<TimelineItem> items = new ArrayList<>();
        KubeRef cm = new KubeRef("ConfigMap", "shop", "carts-config");
        for (int i = 0; i < 12; i++) {
            items.add(TimelineItem.at(WINDOW.from().plus(Duration.ofMinutes(i)), Lane.ROLLOUTS, Severity.LOW,
                    new KubeRef("Deployment", "shop", "web"), "web: scaled " + i + " -> " + (i + 1), ""));
        }
        items.add(TimelineItem.at(trouble.minusSeconds(45), Lane.ROLLOUTS, Severity.LOW, cm, "ConfigMap carts-config: config changed", ""));
        items.add(TimelineItem.at(trouble.plus(Duration.ofMinutes(5)), Lane.ROLLOUTS, Severity.MEDIUM,
                new KubeRef("Deployment", "shop", "web"), "web: image a:1 -> a:2", ""));
        items.add(new TimelineItem(trouble, trouble.plus(Duration.ofMinutes(3)), Lane.ERROR_LOGS, Severity.MEDIUM,
                Optional.of(new KubeRef("Pod", "shop", "web-1")), "40 error lines in web-1", "", ""));
        Timeline t = new Timeline(WINDOW, items, List.of());

        List<WhatChanged.Change> changes = WhatChanged.rank(t, Optional.empty(), Optional.empty());
        assertThat(changes).hasSize(WhatChanged.MAX);
        assertThat(changes.get(0).why()).isEqualTo("45 s before the first error burst (40 error lines in web-1)");
        assertThat(changes.get(1).why()).isEqualTo("29 min before the first error burst (40 error lines in web-1)");
        assertThat(changes.get(1).item().title()).isEqualTo("web: scaled 11 -> 12");
        assertThat(changes).filteredOn(c -> c.item().title().startsWith("web: image")).singleElement()
                .satisfies(c -> assertThat(c.why()).isEqualTo("5 min after the first error burst (40 error lines in web-1)"));

        List<WhatChanged.Change> quiet = WhatChanged.rank(new Timeline(WINDOW, items.subList(12, 14), List.of()),
                Optional.empty(), Optional.empty());
        assertThat(quiet).extracting(WhatChanged.Change::why).containsExactly("image change", "config change");
    }
}
