package io.pitwall.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The demo's metrics: for each query a Prometheus {@code /api/v1/query_range} response (matrix,
 * 15 s step), as a capture stores them, with the cAdvisor and kube-state-metrics names real
 * clusters expose.
 */
final class DemoMetrics {

    static final Duration STEP = Duration.ofSeconds(15);

    private final ObjectMapper json;
    private final Function<String, String> podOf;
    private final Random noise = new Random(42);

    /** @param podOf the pod of each sock-shop app, by its {@code name} label */
    DemoMetrics(ObjectMapper json, Function<String, String> podOf) {
        this.json = json;
        this.podOf = podOf;
    }

    ArrayNode queries() {
        ArrayNode all = json.createArrayNode();
        all.add(query("container_memory_working_set_bytes{namespace=\"sock-shop\",container!=\"\",container!=\"POD\"}",
                Map.of("carts", t -> DemoStory.cartsWorkingSet(t) * jitter(0.01),
                        "orders", t -> 310e6 * jitter(0.02),
                        "front-end", t -> 92e6 * jitter(0.03)), "container"));
        all.add(query("sum by (container) (rate(container_cpu_usage_seconds_total{namespace=\"sock-shop\",container!=\"\"}[1m]))",
                Map.of("carts", t -> DemoStory.cartsDown(t) ? Double.NaN : cpuOfCarts(t) * jitter(0.05),
                        "orders", t -> 0.06 * jitter(0.1),
                        "front-end", t -> 0.09 * jitter(0.1)), "container"));
        all.add(query("kube_pod_container_status_restarts_total{namespace=\"sock-shop\",container=\"carts\"}",
                Map.of("carts", t -> (double) DemoStory.cartsRestarts(t)), "container"));
        all.add(query("histogram_quantile(0.99, sum by (le, service) (rate(request_duration_seconds_bucket{namespace=\"sock-shop\"}[1m])))",
                Map.of("front-end", t -> latency(t, 0.12), "orders", t -> latency(t, 0.09)), "service"));
        return all;
    }

    /** GC works harder as the heap fills. */
    private static double cpuOfCarts(Instant t) {
        double ws = DemoStory.cartsWorkingSet(t);
        double fill = (ws - DemoStory.HEALTHY_WORKING_SET) / (DemoStory.MEMORY_LIMIT - DemoStory.HEALTHY_WORKING_SET);
        return 0.05 + 0.40 * Math.pow(Math.max(0, fill), 3);
    }

    /** Checkout latency follows the carts service's trouble. */
    private double latency(Instant t, double healthy) {
        if (t.isBefore(DemoStory.LEAK_STARTS.plusSeconds(600))) {
            return healthy * jitter(0.1);
        }
        if (DemoStory.cartsDown(t)) {
            return 10.0 * jitter(0.05);
        }
        double fill = (DemoStory.cartsWorkingSet(t) - DemoStory.HEALTHY_WORKING_SET)
                / (DemoStory.MEMORY_LIMIT - DemoStory.HEALTHY_WORKING_SET);
        return (healthy + 6.0 * Math.pow(Math.max(0, fill), 4)) * jitter(0.1);
    }

    private double jitter(double amount) {
        return 1 + (noise.nextDouble() * 2 - 1) * amount;
    }

    private ObjectNode query(String promql, Map<String, Function<Instant, Double>> series, String label) {
        ObjectNode q = json.createObjectNode();
        q.put("query", promql);
        q.put("start", DemoStory.RANGE.from().toString());
        q.put("end", DemoStory.RANGE.to().toString());
        q.put("step", STEP.toSeconds());
        ObjectNode response = q.putObject("response");
        response.put("status", "success");
        ObjectNode data = response.putObject("data");
        data.put("resultType", "matrix");
        ArrayNode result = data.putArray("result");
        series.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode s = result.addObject();
            ObjectNode metric = s.putObject("metric");
            metric.put("namespace", DemoStory.NAMESPACE);
            metric.put(label, e.getKey());
            if ("container".equals(label)) {
                metric.put("pod", podOf.apply(e.getKey()));
            }
            ArrayNode values = s.putArray("values");
            for (Instant t = DemoStory.RANGE.from(); !t.isAfter(DemoStory.RANGE.to()); t = t.plus(STEP)) {
                double v = e.getValue().apply(t);
                if (!Double.isNaN(v)) {
                    values.addArray().add(t.getEpochSecond()).add(format(v));
                }
            }
        });
        return q;
    }

    /** Prometheus sends sample values as strings. */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }
}
