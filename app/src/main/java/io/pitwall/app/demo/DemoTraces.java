package io.pitwall.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The demo's traces, as Zipkin v2 {@code /api/v2/traces} returns them (a list of traces, each a
 * list of spans): checkouts through front-end, orders and carts, slow while carts runs out of
 * heap and failing while it restarts. Each span names its pod ({@code k8s.pod.name}), and orders
 * logs each checkout with its trace id ({@link #checkouts()}), so that a span leads to its pod and
 * its log lines.
 */
final class DemoTraces {

    /** One checkout: when it started, its trace, whether carts was down, how long it took. */
    record Checkout(Instant at, String traceId, boolean failed, long millis) {
    }

    private final ObjectMapper json;
    private final Function<String, String> podOf;
    private final Random random = new Random(11);
    private final List<Checkout> checkouts = new ArrayList<>();
    private ArrayNode traces;

    DemoTraces(ObjectMapper json, Function<String, String> podOf) {
        this.json = json;
        this.podOf = podOf;
    }

    ArrayNode traces() {
        if (traces == null) {
            traces = json.createArrayNode();
            for (Instant t = DemoStory.RANGE.from().plusSeconds(20); t.isBefore(DemoStory.RANGE.to());
                    t = t.plusSeconds(45 + random.nextInt(60))) {
                traces.add(checkout(t));
            }
        }
        return traces;
    }

    /** The checkouts of {@link #traces()}, oldest first. */
    List<Checkout> checkouts() {
        traces();
        return List.copyOf(checkouts);
    }

    private ArrayNode checkout(Instant start) {
        String traceId = hex(16);
        boolean down = DemoStory.cartsDown(start);
        double fill = down ? 1 : Math.max(0, (DemoStory.cartsWorkingSet(start) - DemoStory.HEALTHY_WORKING_SET)
                / (DemoStory.MEMORY_LIMIT - DemoStory.HEALTHY_WORKING_SET));
        long cartsMicros = down ? 3_000 : (long) ((12 + random.nextInt(20)) * 1000 + 7_500_000 * Math.pow(fill, 4));
        long startMicros = TimeUnit.SECONDS.toMicros(start.getEpochSecond()) + start.getNano() / 1000;

        ArrayNode spans = json.createArrayNode();
        String root = hex(8);
        String ordersSpan = hex(8);
        String ordersClient = hex(8);
        long ordersMicros = cartsMicros + 25_000 + random.nextInt(30_000);
        long total = ordersMicros + 15_000 + random.nextInt(20_000);
        checkouts.add(new Checkout(start, traceId, down, total / 1000));
        spans.add(span(traceId, root, null, "post /orders", "SERVER", "front-end", startMicros, total,
                down ? "500" : "201", down));
        spans.add(span(traceId, ordersClient, root, "post /orders", "CLIENT", "front-end", startMicros + 4_000, ordersMicros + 2_000,
                down ? "500" : "201", down));
        spans.add(span(traceId, ordersSpan, ordersClient, "post /orders", "SERVER", "orders", startMicros + 5_000, ordersMicros,
                down ? "500" : "201", down));
        long t = startMicros + 9_000;
        for (String call : new String[] {"user", "payment"}) {
            long d = 4_000 + random.nextInt(9_000);
            spans.add(span(traceId, hex(8), ordersSpan, "get /" + (call.equals("user") ? "customers" : "paymentAuth"),
                    "CLIENT", "orders", t, d, "200", false));
            t += d + 500;
        }
        String cartsClient = hex(8);
        spans.add(span(traceId, cartsClient, ordersSpan, "get /carts/{id}/items", "CLIENT", "orders", t, cartsMicros + 1_000,
                down ? null : "200", down));
        if (!down) {
            spans.add(span(traceId, hex(8), cartsClient, "get /carts/{id}/items", "SERVER", "carts", t + 500, cartsMicros,
                    "200", false));
        } else {
            ((ObjectNode) spans.get(spans.size() - 1)).with("tags").put("error", "Connection refused");
        }
        return spans;
    }

    private ObjectNode span(String traceId, String id, String parent, String name, String kind, String service,
                            long timestamp, long duration, String status, boolean error) {
        ObjectNode s = json.createObjectNode();
        s.put("traceId", traceId);
        if (parent != null) {
            s.put("parentId", parent);
        }
        s.put("id", id);
        s.put("kind", kind);
        s.put("name", name);
        s.put("timestamp", timestamp);
        s.put("duration", duration);
        s.putObject("localEndpoint").put("serviceName", service);
        ObjectNode tags = s.putObject("tags");
        tags.put("http.method", name.substring(0, name.indexOf(' ')).toUpperCase(java.util.Locale.ROOT));
        tags.put("http.path", name.substring(name.indexOf(' ') + 1));
        if (status != null) {
            tags.put("http.status_code", status);
        }
        tags.put("k8s.namespace.name", DemoStory.NAMESPACE);
        tags.put("k8s.pod.name", podOf.apply(service));
        if (error) {
            tags.put("error", status == null ? "true" : status);
        }
        return s;
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
