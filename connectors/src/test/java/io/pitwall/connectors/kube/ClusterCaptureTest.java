package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's part of a bundle, written from a real cluster dump (sock-shop, see SOURCES.md) and read back offline. */
class ClusterCaptureTest {

    private static final Instant END = Instant.parse("2026-11-24T04:00:00Z");
    private static final TimeRange WINDOW = TimeRange.ending(END, Duration.ofHours(1));

    @TempDir
    Path dir;

    private static List<HasMetadata> dump() throws Exception {
        try (InputStream in = ClusterCaptureTest.class.getResourceAsStream("/kubernetes/gke-namespace-sock-shop-all.json")) {
            return new ArrayList<>(Serialization.unmarshal(in, KubernetesList.class).getItems());
        }
    }

    @Test
    void objectsAndTheWindowsChangesRoundTripRedacted() throws Exception {
        List<HasMetadata> objects = dump();
        Pod carts = (Pod) objects.stream().filter(o -> o.getMetadata().getName().startsWith("carts-6")).findFirst().orElseThrow();
        carts.getSpec().getContainers().getFirst().getEnv().add(new EnvVar("DB_PASSWORD", "hunter2", null));

        ClusterJournal journal = new ClusterJournal(Clock.fixed(END.minusSeconds(600), ZoneOffset.UTC), 10);
        journal.record(WatchEvent.Type.MODIFIED, carts);
        Pod gone = new PodBuilder().withNewMetadata().withName("old-1").withNamespace("sock-shop").withResourceVersion("42")
                .endMetadata().build();
        journal.record(WatchEvent.Type.DELETED, gone);
        ClusterJournal before = new ClusterJournal(Clock.fixed(END.minusSeconds(7200), ZoneOffset.UTC), 10);
        before.record(WatchEvent.Type.ADDED, gone);
        List<WatchEvent> all = new ArrayList<>(before.in(TimeRange.ending(END, Duration.ofDays(1))));
        all.addAll(journal.in(WINDOW));

        Path file = dir.resolve("incident.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("test", END, "gke", "gke", WINDOW,
                List.of("sock-shop")))) {
            ClusterCapture.write(w, objects, all, WINDOW);
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            String objectsJson = new String(zip.getInputStream(zip.getEntry(ClusterCapture.OBJECTS)).readAllBytes());
            // the dump's own MYSQL_ROOT_PASSWORD (in a pod, its ReplicaSet and Deployment) goes too: 3 + ours = 4
            assertThat(objectsJson).doesNotContain("hunter2").doesNotContain("fake_password").contains("MYSQL_ROOT_PASSWORD");
        }
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.clusterState()).get().satisfies(c -> {
                assertThat(c.pods()).hasSize(13);
                assertThat(c.workloads()).hasSize(26);
                assertThat(c.services()).hasSize(13);
            });
            // the change before the window stays out
            assertThat(s.clusterChanges(WINDOW)).extracting(WatchEvent::type, e -> e.ref().name())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.MODIFIED, carts.getMetadata().getName()),
                            org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.DELETED, "old-1"));
            assertThat(s.clusterChanges(WINDOW).getFirst().summary()).startsWith("Running");
            assertThat(s.clusterChanges(WINDOW).get(1).resourceVersion()).isEqualTo("42");
            assertThat(s.objectYaml(new KubeRef("Pod", "sock-shop", carts.getMetadata().getName())))
                    .get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("DB_PASSWORD").doesNotContain("hunter2");
            assertThat(s.bundle().manifest().redactions()).containsEntry("env", 4L).containsKey("last-applied");
        }
    }

    @Test
    void theJournalKeepsTheNewestWithinItsCapacity() {
        ClusterJournal journal = new ClusterJournal(Clock.fixed(END, ZoneOffset.UTC), 3);
        for (int i = 0; i < 5; i++) {
            journal.record(WatchEvent.Type.ADDED, new PodBuilder().withNewMetadata().withName("p" + i).withNamespace("ns")
                    .endMetadata().build());
        }
        assertThat(journal.in(TimeRange.ending(END.plusSeconds(1), Duration.ofMinutes(1))))
                .extracting(e -> e.ref().name()).containsExactly("p2", "p3", "p4");
        assertThat(journal.dropped()).isEqualTo(2);
    }

    @Test
    void aDamagedWatchLineCostsThatLineOnly() throws Exception {
        String ndjson = "{\"at\":\"2026-11-24T03:30:00Z\",\"type\":\"ADDED\",\"kind\":\"Pod\",\"namespace\":\"a\",\"name\":\"p\"}\n"
                + "not json\n{\"at\":\"yesterday\",\"type\":\"ADDED\"}\n"
                + "{\"at\":\"2026-11-24T03:31:00Z\",\"type\":\"DELETED\",\"kind\":\"Node\",\"name\":\"n1\"}\n";
        List<WatchEvent> read = ClusterCapture.readWatch(new java.io.ByteArrayInputStream(ndjson.getBytes()));
        assertThat(read).extracting(e -> e.ref().toString()).containsExactly("Pod a/p", "Node n1");
    }

    @Test
    void aFileOfMoreChangesThanPitwallReadsIsReadThatFarAndSaysSo() throws Exception {
        String ndjson = "{\"at\":\"2026-11-24T03:30:00Z\",\"type\":\"ADDED\",\"kind\":\"Pod\",\"name\":\"p\"}\n".repeat(4);
        ClusterCapture.Watch w = ClusterCapture.readWatchLines(new java.io.ByteArrayInputStream(ndjson.getBytes()), 3);
        assertThat(w.events()).hasSize(3);
        assertThat(w.more()).isTrue();
        assertThat(ClusterCapture.readWatchLines(new java.io.ByteArrayInputStream(ndjson.getBytes()), 4).more()).isFalse();
    }

    @Test
    void linesThatAreNotWatchEventsAreSkippedAndCountedAndEscapedKeysStillRead() throws Exception {
        String other = "{\"time\":\"2026-11-24T02:41:00Z\",\"labels\":{\"pod\":\"p\"},\"line\":\"x\"}\n";
        String ndjson = other.repeat(3) + "{\"at\":\"2026-11-24T03:30:00Z\",\"type\":\"ADDED\",\"\\u006bind\":\"Pod\","
                + "\"namespace\":\"a\",\"name\":\"p\"}\n" + other;
        ClusterCapture.Watch w = ClusterCapture.readWatchLines(new java.io.ByteArrayInputStream(ndjson.getBytes()));
        assertThat(w.events()).extracting(e -> e.ref().toString()).containsExactly("Pod a/p");
        assertThat(w.skipped()).isEqualTo(4);
    }

    @Test
    void watchSummariesGoByTheWritersRulesToo() throws Exception {
        Path file = dir.resolve("summary.pitwall");
        WatchEvent change = new WatchEvent(END.minusSeconds(60), WatchEvent.Type.MODIFIED, new KubeRef("Deployment", "shop",
                "carts"), "7", "replicas 1/1, revision 2, images registry.example/carts:ACME-0badf00d");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", END, null, null, WINDOW, List.of()),
                io.pitwall.connectors.snapshot.BundleLimits.DEFAULT, io.pitwall.connectors.snapshot.TextRedaction.of(
                        List.of(io.pitwall.connectors.snapshot.RedactionPattern.of("acme", "ACME-[0-9a-f]{8}"))))) {
            ClusterCapture.write(w, List.of(), List.of(change), WINDOW);
        }
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.clusterChanges(WINDOW)).singleElement().extracting(WatchEvent::summary)
                    .isEqualTo("replicas 1/1, revision 2, images registry.example/carts:<redacted>");
            assertThat(s.bundle().manifest().redactions()).containsEntry("custom:acme", 1L);
        }
    }
}
