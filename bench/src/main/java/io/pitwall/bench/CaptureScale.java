package io.pitwall.bench;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Kube;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code pitwall capture} of one hour of a 1,000-pod namespace from the real servers
 * ({@code backends/backends.sh up} first), against the budget of 30 s. The namespace: ten
 * Deployments of 100 pods each, made by the real controller-manager; an hour of the pods' cAdvisor
 * and kube-state-metrics series (every 30 s) backfilled into the test Prometheus with
 * {@code promtool tsdb create-blocks-from openmetrics} (Prometheus loads new blocks within a
 * minute); 300 traces of the hour in Zipkin; the firing alert of the test Prometheus. There is no
 * real Loki here, so no logs. Each capture runs in its own JVM as a user runs it; the figures are
 * each run's wall time, the median against the budget, and the bundle.
 *
 * <pre>BenchMain CaptureScale [--runs N] [--pods N] [--jfr DIR]</pre>
 * {@code --jfr} records each capture with Java Flight Recorder into DIR (where its time goes).
 */
public final class CaptureScale {

    static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Path PROMETHEUS_DATA = Path.of(System.getenv().getOrDefault("PITWALL_BACKENDS_DIR",
            "/tmp/pitwall-backends"), "data", "prometheus");

    private CaptureScale() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int pods = 1000;
        Path jfr = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--pods" -> pods = Integer.parseInt(args[i + 1]);
                case "--jfr" -> jfr = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--runs --pods --jfr)");
            }
        }
        Backends backends = Backends.load();
        URI prometheus = backends.require(Backends.Server.PROMETHEUS);
        URI alertmanager = backends.require(Backends.Server.ALERTMANAGER);
        URI zipkin = backends.require(Backends.Server.ZIPKIN);
        String context = backends.adminContext();
        String ns = "pitwall-bench-" + HexFormat.of().formatHex(random(3));
        Path tmp = Files.createTempDirectory("capture-scale");
        try (KubernetesClient admin = Kube.client(backends, context)) {
            try {
                long t0 = System.nanoTime();
                List<String> names = namespace(admin, ns, pods);
                System.out.printf(Locale.ROOT, "CaptureScale: namespace %s with %,d pods made in %.1f s%n", ns, names.size(),
                        seconds(t0));
                t0 = System.nanoTime();
                Instant now = Instant.now();
                long samples = backfill(tmp, ns, names, now.minus(Duration.ofMinutes(62)), now.minus(Duration.ofMinutes(2)));
                awaitHistory(prometheus, ns, names.size(), now.minus(Duration.ofMinutes(30)));
                System.out.printf(Locale.ROOT, "CaptureScale: an hour of their series (%,d samples) in Prometheus in %.1f s%n",
                        samples, seconds(t0));
                t0 = System.nanoTime();
                int traces = ZipkinTraces.post(zipkin, now.minus(Duration.ofMinutes(60)), Duration.ofMinutes(58), 300);
                System.out.printf(Locale.ROOT, "CaptureScale: %d traces in Zipkin in %.1f s%n", traces, seconds(t0));
                capture(tmp, jfr, backends.kubeconfig(), context, ns, runs, new ContextEndpoints(List.of(
                        PrometheusEndpoint.url("prometheus", prometheus.toString())), Optional.empty(),
                        Optional.of(AlertmanagerEndpoint.url("alertmanager", alertmanager.toString())))
                        .withTraces(Optional.of(TraceEndpoint.url("zipkin", TraceEndpoint.Protocol.ZIPKIN, zipkin.toString()))));
            } finally {
                admin.namespaces().withName(ns).delete();
                deleteTree(tmp);
            }
        }
    }

    /** Ten Deployments sharing {@code pods} pods, and the pods' names once the controller-manager made them. */
    private static List<String> namespace(KubernetesClient admin, String ns, int pods) throws Exception {
        Kube.createNamespace(admin, ns);
        int deployments = 10;
        for (int d = 0; d < deployments; d++) {
            String app = "svc-" + d;
            admin.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withNewMetadata().withName(app)
                    .addToLabels("app", app).endMetadata().withNewSpec().withReplicas(pods / deployments + (d < pods % deployments ? 1 : 0))
                    .withNewSelector().addToMatchLabels("app", app).endSelector().withNewTemplate().withNewMetadata()
                    .addToLabels("app", app).endMetadata().withNewSpec().addNewContainer().withName("main")
                    .withImage("registry.invalid/" + app + ":1").withNewResources().addToRequests("cpu",
                            new io.fabric8.kubernetes.api.model.Quantity("250m")).endResources().endContainer().endSpec()
                    .endTemplate().endSpec().build()).create();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            List<String> names = admin.pods().inNamespace(ns).list().getItems().stream().map(p -> p.getMetadata().getName())
                    .sorted().toList();
            if (names.size() >= pods) {
                return names;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the controller-manager made " + names.size() + " of " + pods + " pods in 5 min");
            }
            Thread.sleep(1000);
        }
    }

    /**
     * The pods' series from {@code from} to {@code to} every 30 s, as OpenMetrics text, into
     * blocks with promtool, moved into Prometheus's data folder. The number of samples.
     */
    private static long backfill(Path tmp, String ns, List<String> pods, Instant from, Instant to) throws Exception {
        Path text = tmp.resolve("history.om");
        long samples = 0;
        long first = from.getEpochSecond();
        long last = to.getEpochSecond();
        String[] families = {"container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
            "container_network_receive_bytes_total", "container_network_transmit_bytes_total",
            "kube_pod_container_status_restarts_total", "kube_pod_owner"};
        // not the requests, limits or CFS counters: PrometheusSourcesIT holds the test Prometheus to lack them
        try (BufferedWriter w = Files.newBufferedWriter(text)) {
            for (String family : families) {
                for (int i = 0; i < pods.size(); i++) {
                    String pod = pods.get(i);
                    String app = pod.substring(0, pod.indexOf('-', 4));
                    String labels = switch (family) {
                        case "container_network_receive_bytes_total", "container_network_transmit_bytes_total" ->
                                "namespace=\"" + ns + "\",pod=\"" + pod + "\",interface=\"eth0\"";
                        case "kube_pod_owner" -> "namespace=\"" + ns + "\",pod=\"" + pod + "\",owner_kind=\"ReplicaSet\",owner_name=\""
                                + pod.substring(0, pod.lastIndexOf('-')) + "\",owner_is_controller=\"true\"";
                        default -> "namespace=\"" + ns + "\",pod=\"" + pod + "\",container=\"main\"";
                    };
                    double pace = 0.05 + (i % 17) / 20.0;
                    for (long t = first; t <= last; t += 30) {
                        double x = t - first;
                        double v = switch (family) {
                            case "container_cpu_usage_seconds_total" -> x * pace;
                            case "container_memory_working_set_bytes" -> 1e8 * (1 + pace) + (x % 600) * 1e5;
                            case "container_network_receive_bytes_total" -> x * pace * 20_000;
                            case "container_network_transmit_bytes_total" -> x * pace * 5_000;
                            case "kube_pod_container_status_restarts_total" -> i % 50 == 0 ? Math.floor(x / 900) : 0;
                            default -> 1;
                        };
                        w.write(family + "{" + labels + ",app=\"" + app + "\"} " + String.format(Locale.ROOT, "%.3f", v) + " " + t + "\n");
                        samples++;
                    }
                }
            }
            w.write("# EOF\n");
        }
        Path blocks = Files.createDirectories(tmp.resolve("blocks"));
        Process p = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", text.toString(), blocks.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("promtool.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("promtool failed: " + Files.readString(tmp.resolve("promtool.log")));
        }
        try (Stream<Path> made = Files.list(blocks)) {
            for (Path block : made.toList()) {
                // into the data folder in one rename, so Prometheus never sees half a block
                Path staged = PROMETHEUS_DATA.resolve(block.getFileName() + ".tmp-for-creation");
                copyTree(block, staged);
                Files.move(staged, PROMETHEUS_DATA.resolve(block.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(text);
        return samples;
    }

    /** Waits (up to three minutes) until Prometheus answers for every pod at {@code at}. */
    private static void awaitHistory(URI prometheus, String ns, int pods, Instant at) throws Exception {
        String q = "count(container_cpu_usage_seconds_total{namespace=\"" + ns + "\"})";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (true) {
                String body = http.send(HttpRequest.newBuilder(prometheus.resolve("/api/v1/query?time=" + at.getEpochSecond()
                        + "&query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"" + pods + "\"]")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Prometheus did not load the backfilled blocks within 3 min: " + body);
                }
                Thread.sleep(2000);
            }
        }
    }

    /** {@code runs} captures of the hour, each in its own JVM; prints each and the median against the budget. */
    private static void capture(Path tmp, Path jfr, Path kubeconfig, String context, String ns, int runs,
                                ContextEndpoints endpoints) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path config = Files.createDirectories(tmp.resolve("config").resolve("pitwall"));
        new EndpointSettings(Map.of(context, endpoints)).write(config.resolve(EndpointSettings.FILE_NAME));
        List<Double> times = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            Path out = tmp.resolve("capture-" + r + ".pitwall");
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path")));
            if (jfr != null) {
                command.add("-XX:StartFlightRecording=filename=" + Files.createDirectories(jfr).resolve("capture-" + r + ".jfr"));
            }
            command.addAll(List.of("io.pitwall.app.Main", "capture", "--context", context, "-n", ns, "--since", "1h", "--out",
                    out.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("KUBECONFIG", kubeconfig.toString());
            pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
            pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
            long t0 = System.nanoTime();
            Process p = pb.start();
            // the progress lines with the time they came: where the time goes
            List<String> progress = Collections.synchronizedList(new ArrayList<>());
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        progress.add(String.format(Locale.ROOT, "%5.1f s  %s", seconds(t0), l));
                    }
                } catch (java.io.IOException e) {
                    progress.add("(stderr: " + e.getMessage() + ")");
                }
            });
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("pitwall capture did not end in 5 min");
            }
            double s = seconds(t0);
            reader.join(5000);
            times.add(s);
            String said = Files.readString(tmp.resolve("out.txt"));
            System.out.printf(Locale.ROOT, "CaptureScale: run %d: %.1f s, exit %d, %,d bytes%n", r, s, p.exitValue(),
                    Files.exists(out) ? Files.size(out) : 0);
            if (r == 1 || p.exitValue() != 0) {
                said.lines().forEach(l -> System.out.println("    " + l));
                progress.forEach(l -> System.out.println("    " + l));
            }
        }
        List<Double> sorted = times.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf(Locale.ROOT, "CaptureScale: median %.1f s of %d runs (budget %d s): %s%n", median, runs,
                BUDGET.toSeconds(), median <= BUDGET.toSeconds() ? "within" : "OVER");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
