package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files a user opens: kubectl's JSON (a real namespace, one real pod) and what is neither. */
class FileSessionsTest {

    @TempDir
    Path dir;

    private Path copy(String resource) throws IOException {
        Path p = dir.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/kubernetes/" + resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void aKubectlListOpensAsAnOfflineCluster() throws Exception {
        try (Session s = FileSessions.open(copy("gke-namespace-sock-shop-all.json"))) {
            assertThat(s.info().title()).isEqualTo("gke-namespace-sock-shop-all.json");
            assertThat(s.clusterState()).get().satisfies(c -> assertThat(c.pods()).hasSize(13));
            assertThat(s.state(Signal.CLUSTER)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isTrue());
            assertThat(s.state(Signal.METRICS)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
            assertThat(s.info().namespaces()).containsExactly("sock-shop");
            // each object's YAML is there for the Details pane, the applied copy of it redacted
            io.pitwall.connectors.model.PodInfo pod = s.clusterState().orElseThrow().pods().getFirst();
            assertThat(s.objectYaml(pod.ref())).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("kind: Pod").contains("name: " + pod.name());
            assertThat(s.objectYaml(new io.pitwall.connectors.model.KubeRef("Pod", "sock-shop", "no-such-pod"))).isEmpty();
        }
    }

    @Test
    void oneObjectOpensToo() throws Exception {
        try (Session s = FileSessions.open(copy("k9s-pod.json"))) {
            assertThat(s.clusterState()).get().satisfies(c -> assertThat(c.pods()).singleElement()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("nginx")));
        }
    }

    @Test
    void whatIsNeitherABundleNorKubernetesJsonIsSaid() throws Exception {
        Path json = Files.writeString(dir.resolve("config.json"), "{\"hello\": \"world\"}");
        assertThatThrownBy(() -> FileSessions.open(json))
                .hasMessageStartingWith("config.json is neither a Pitwall bundle nor Kubernetes JSON");
        Path binary = Files.write(dir.resolve("core"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        assertThatThrownBy(() -> FileSessions.open(binary)).hasMessageContaining("core is neither");
        // text that is not Kubernetes is a log (CapturedLogsTest reads them)
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes: really");
        try (Session s = FileSessions.open(text)) {
            assertThat(s.logs()).isPresent();
            assertThat(s.clusterState()).isEmpty();
        }
        Path fakeZip = Files.writeString(dir.resolve("fake.pitwall"), "PK but not a zip");
        assertThatThrownBy(() -> FileSessions.open(fakeZip)).hasMessageContaining("not a Pitwall bundle");
    }
}
