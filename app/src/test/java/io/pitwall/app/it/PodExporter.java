package io.pitwall.app.it;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * What cAdvisor and kube-state-metrics would say about a namespace's pods, served on
 * 127.0.0.1:{@value #PORT} where the test Prometheus scrapes it every second
 * ({@code backends/config/prometheus.yml}, job {@code pitwall-test-pods}, labels honoured): CPU
 * and network counters growing at a pod's own pace, memory, restarts, owners. There is no
 * kubelet here, so these are the only metrics the pods have. Not served: the requests and limits
 * and the CFS throttling counters, which {@code PrometheusSourcesIT} holds the test Prometheus to
 * lack (it tests how a graph explains a metric kube-state-metrics or cAdvisor would export).
 */
final class PodExporter implements AutoCloseable {

    static final int PORT = 9099;

    /**
     * A pod as the exporter tells of it: its container, its pace (CPU cores), its restarts, and
     * the ReplicaSet and Deployment that own it (empty for a pod of its own).
     */
    record Pod(String namespace, String name, String container, double cores, int restarts, String replicaSet,
               String deployment) {
    }

    private final MockWebServer server = new MockWebServer();
    private final long started = System.nanoTime();
    private final List<Pod> pods;

    PodExporter(List<Pod> pods) throws IOException {
        this.pods = List.copyOf(pods);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; version=0.0.4")
                        .body(metrics()).build();
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), PORT);
    }

    private String metrics() {
        double t = (System.nanoTime() - started) / 1e9;
        StringBuilder b = new StringBuilder();
        for (Pod p : pods) {
            String pod = "namespace=\"" + p.namespace() + "\",pod=\"" + p.name() + "\"";
            String c = pod + ",container=\"" + p.container() + "\"";
            line(b, "container_cpu_usage_seconds_total", c, t * p.cores());
            line(b, "container_memory_working_set_bytes", c, 100e6 + p.cores() * 200e6);
            line(b, "container_network_receive_bytes_total", pod + ",interface=\"eth0\"", t * 20_000 * p.cores());
            line(b, "container_network_transmit_bytes_total", pod + ",interface=\"eth0\"", t * 5_000 * p.cores());
            line(b, "kube_pod_container_status_restarts_total", c, p.restarts());
            boolean owned = !p.replicaSet().isEmpty();
            line(b, "kube_pod_owner", pod + ",owner_kind=\"" + (owned ? "ReplicaSet" : "<none>") + "\",owner_name=\""
                    + (owned ? p.replicaSet() : "<none>") + "\",owner_is_controller=\"" + owned + "\"", 1);
        }
        pods.stream().filter(p -> !p.replicaSet().isEmpty()).map(p -> "namespace=\"" + p.namespace() + "\",replicaset=\""
                + p.replicaSet() + "\",owner_kind=\"Deployment\",owner_name=\"" + p.deployment() + "\",owner_is_controller=\"true\"")
                .distinct().forEach(labels -> line(b, "kube_replicaset_owner", labels, 1));
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String labels, double value) {
        b.append(name).append('{').append(labels).append("} ").append(String.format(Locale.ROOT, "%.3f", value)).append('\n');
    }

    @Override
    public void close() {
        server.close();
    }
}
