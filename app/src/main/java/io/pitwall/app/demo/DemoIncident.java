package io.pitwall.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.ClusterCapture;
import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.prometheus.CapturedMetrics;
import io.pitwall.connectors.prometheus.MetricsCapture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo incident: what Pitwall opens when there is no cluster, so a newcomer sees every pane
 * at work. {@link #main} builds it at build time (app's pom) from the real data in
 * {@code app/src/demo/sources} and the story of {@link DemoStory}; the app carries the result as
 * a resource. Each signal's payload is in its backend's own response format, so the offline
 * session reads it with the same parsers as a live one.
 */
public final class DemoIncident {

    /** Where the built bundle sits among the app's resources. */
    public static final String RESOURCE = "/io/pitwall/app/demo/demo-incident.pitwall";
    public static final String FILE_NAME = "demo-incident.pitwall";

    private DemoIncident() {
    }

    /** {@code DemoIncident SOURCES_DIR OUT_FILE}: writes the demo bundle. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DemoIncident SOURCES_DIR OUT_FILE");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        write(Path.of(args[0]), out);
    }

    static void write(Path sources, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        DemoCluster cluster = new DemoCluster(json, sources);
        DemoMetrics metrics = new DemoMetrics(json, cluster::podOf);
        DemoTraces traces = new DemoTraces(json, cluster::podOf);
        DemoLogs logs = new DemoLogs(json, cluster::podOf, traces.checkouts());
        DemoAlertsAndFalco alerts = new DemoAlertsAndFalco(json, sources);
        BundleManifest header = BundleManifest.header("demo", DemoStory.END.plusSeconds(90), DemoStory.CLUSTER,
                DemoStory.CONTEXT, DemoStory.RANGE, List.of(DemoStory.NAMESPACE));
        try (BundleWriter w = BundleWriter.create(out, header)) {
            // the same capture code as a live session's, so the demo is redacted as a real capture is
            List<HasMetadata> objects = kubernetes(json, cluster);
            ClusterCapture.write(w, objects, cluster.changes(), DemoStory.RANGE);
            // the resource graphs of every scope, then a few queries to try in the PromQL bar
            List<RangeResult> series = new java.util.ArrayList<>(new DemoPanels(ClusterStates.from(objects, java.util.Map.of(),
                    java.util.Set.of(), java.util.Set.of(), DemoStory.END), cluster.cartsPod()).results());
            series.addAll(CapturedMetrics.readQueryRange(new java.io.ByteArrayInputStream(json.writeValueAsBytes(metrics.queries()))));
            w.add(MetricsCapture.QUERY_RANGE, "application/json", stream -> MetricsCapture.writeQueryRange(stream, series));
            w.add("logs/query_range.json", "application/json", json.writeValueAsBytes(logs.queryRange()));
            w.add("traces/zipkin.json", "application/json", json.writeValueAsBytes(traces.traces()));
            w.add("alerts/alerts.json", "application/json", json.writeValueAsBytes(alerts.alerts(cluster.cartsPod())));
            w.add("security/falco.ndjson", "application/x-ndjson",
                    (alerts.falcoLine(cluster.cartsPod()) + "\n").getBytes(StandardCharsets.UTF_8));
            // the posture checks a live capture runs, over the demo's objects
            List<io.pitwall.connectors.model.SecurityFinding> posture = DemoPosture.findings(objects);
            w.add(io.pitwall.connectors.security.SecurityCapture.FINDINGS, "application/x-ndjson",
                    stream -> io.pitwall.connectors.security.SecurityCapture.writeFindings(stream, posture));
            w.add("notes.md", "text/markdown", notes(cluster).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The demo's objects and events as the Kubernetes client reads them. */
    private static List<HasMetadata> kubernetes(ObjectMapper json, DemoCluster cluster) throws IOException {
        List<HasMetadata> all = new java.util.ArrayList<>();
        all.addAll(Serialization.unmarshal(json.writeValueAsString(cluster.objects()), KubernetesList.class).getItems());
        all.addAll(Serialization.unmarshal(json.writeValueAsString(cluster.events()), EventList.class).getItems());
        return all;
    }

    /** Copies the bundled demo into {@code dir} (a bundle is read from a file). Blocking I/O. */
    public static Path extractTo(Path dir) throws IOException {
        try (InputStream in = DemoIncident.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the demo incident is missing from this build of Pitwall");
            }
            Path file = dir.resolve(FILE_NAME);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private static String notes(DemoCluster cluster) {
        return """
                # Demo incident: carts out of memory

                On %s, between %s and %s UTC, checkouts in the `sock-shop` shop slowed down and then failed.

                - From %s the `carts` service (Spring Boot, 256 MiB memory limit) leaks heap. Its working set climbs
                  to the limit and the kernel kills it: **OOMKilled** four times, at %s, %s, %s and %s. The kubelet
                  backs off longer each time (`CrashLoopBackOff`).
                - `orders` and `front-end` cannot reach carts while it restarts: checkouts fail with 500s, and
                  before each kill they take seconds while carts is busy collecting garbage.
                - **KubePodCrashLooping** fired at %s for pod `%s`.
                - At %s someone opened an interactive shell in the carts container: Falco reported
                  **Terminal shell in container** (Critical). Was it the on-call engineer debugging, or not?

                The cluster objects are a real GKE cluster's `sock-shop` namespace (kubevious/parser, Apache-2.0);
                the Falco event is Falco's documented example (CC-BY-4.0), moved onto the carts pod. The metrics,
                logs, traces, events and alert were written for this story.
                """.formatted(DemoStory.END.toString().substring(0, 10),
                DemoStory.RANGE.from().toString().substring(11, 16), DemoStory.END.toString().substring(11, 16),
                DemoStory.LEAK_STARTS.toString().substring(11, 16),
                time(0), time(1), time(2), time(3),
                DemoStory.ALERT_FIRES.toString().substring(11, 16), cluster.cartsPod(),
                DemoStory.SHELL_OPENED.toString().substring(11, 19));
    }

    private static String time(int kill) {
        return DemoStory.OOM_KILLS.get(kill).toString().substring(11, 19);
    }
}
