package io.pitwall.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The demo's logs: a Loki {@code /loki/api/v1/query_range} response (streams) for the
 * sock-shop namespace: carts (a Spring Boot service running out of heap), orders and front-end
 * (their calls to carts failing), each line in its service's own format.
 */
final class DemoLogs {

    private static final DateTimeFormatter SPRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private record Line(Instant at, String text) {
    }

    private final ObjectMapper json;
    private final Function<String, String> podOf;
    private final Random random = new Random(7);

    private final List<DemoTraces.Checkout> checkouts;

    /** @param checkouts the traced checkouts, which orders logs with their trace ids */
    DemoLogs(ObjectMapper json, Function<String, String> podOf, List<DemoTraces.Checkout> checkouts) {
        this.json = json;
        this.podOf = podOf;
        this.checkouts = List.copyOf(checkouts);
    }

    ObjectNode queryRange() {
        ObjectNode response = json.createObjectNode();
        response.put("status", "success");
        ObjectNode data = response.putObject("data");
        data.put("resultType", "streams");
        ArrayNode result = data.putArray("result");
        result.add(stream("carts", carts()));
        result.add(stream("orders", orders()));
        result.add(stream("front-end", frontEnd()));
        return response;
    }

    private List<Line> carts() {
        List<Line> lines = new ArrayList<>();
        for (Instant t = DemoStory.RANGE.from(); t.isBefore(DemoStory.RANGE.to()); t = t.plusSeconds(20 + random.nextInt(25))) {
            if (DemoStory.cartsDown(t)) {
                continue;
            }
            double fill = (DemoStory.cartsWorkingSet(t) - DemoStory.HEALTHY_WORKING_SET)
                    / (DemoStory.MEMORY_LIMIT - DemoStory.HEALTHY_WORKING_SET);
            String thread = "nio-80-exec-" + (1 + random.nextInt(10));
            if (fill > 0.85) {
                lines.add(new Line(t, spring(t, "WARN", thread, "o.s.b.a.h.DiskSpaceHealthIndicator",
                        "Health check took " + (900 + random.nextInt(4000)) + " ms: GC overhead, heap "
                                + Math.round(90 + 10 * fill) + "% used")));
            } else {
                lines.add(new Line(t, spring(t, "INFO", thread, "w.w.s.c.CartsController",
                        "GET /carts/" + customer() + "/items 200 in " + (8 + random.nextInt(30)) + " ms")));
            }
        }
        for (int i = 0; i < DemoStory.OOM_KILLS.size(); i++) {
            Instant kill = DemoStory.OOM_KILLS.get(i);
            lines.add(new Line(kill.minusMillis(1800), spring(kill.minusMillis(1800), "ERROR", "nio-80-exec-3",
                    "o.a.c.c.C.[.[.[/].[dispatcherServlet]", "Servlet.service() for servlet [dispatcherServlet] threw"
                            + " exception: java.lang.OutOfMemoryError: Java heap space")));
            lines.add(new Line(kill.minusMillis(1790), "java.lang.OutOfMemoryError: Java heap space"));
            lines.add(new Line(kill.minusMillis(1780), "\tat java.util.Arrays.copyOf(Arrays.java:3332)"));
            lines.add(new Line(kill.minusMillis(1770),
                    "\tat works.weave.socks.cart.cart.CartResource.contents(CartResource.java:41)"));
            Instant up = DemoStory.restartAfter(i).plusSeconds(9);
            lines.add(new Line(up, spring(up, "INFO", "main", "w.w.s.c.CartApplication",
                    "Started CartApplication in 8.712 seconds (JVM running for 9.64)")));
        }
        return lines;
    }

    private List<Line> orders() {
        List<Line> lines = new ArrayList<>();
        for (Instant t = DemoStory.RANGE.from(); t.isBefore(DemoStory.RANGE.to()); t = t.plusSeconds(30 + random.nextInt(40))) {
            if (DemoStory.cartsDown(t) || DemoStory.cartsDown(t.minusSeconds(20))) {
                lines.add(new Line(t, spring(t, "ERROR", "nio-80-exec-" + (1 + random.nextInt(5)), "w.w.s.o.c.OrdersController",
                        "Unable to create order: GET http://carts/carts/" + customer()
                                + "/items: I/O error: Connection refused (Connection refused)")));
            } else if (!t.isBefore(DemoStory.LEAK_STARTS.plusSeconds(900)) && random.nextInt(3) == 0) {
                lines.add(new Line(t, spring(t, "WARN", "nio-80-exec-" + (1 + random.nextInt(5)), "w.w.s.o.c.OrdersController",
                        "Slow call to carts: " + (2000 + random.nextInt(6000)) + " ms")));
            } else {
                lines.add(new Line(t, spring(t, "INFO", "nio-80-exec-" + (1 + random.nextInt(5)), "w.w.s.o.c.OrdersController",
                        "Order created for customer " + customer())));
            }
        }
        // each traced checkout, with its trace id as Spring Cloud Sleuth's MDC puts it
        for (DemoTraces.Checkout c : checkouts) {
            Instant t = c.at().plusMillis(c.millis());
            lines.add(new Line(t, c.failed()
                    ? spring(t, "ERROR", "nio-80-exec-" + (1 + random.nextInt(5)), "w.w.s.o.c.OrdersController",
                            "Checkout failed after " + c.millis() + " ms: carts unavailable traceId=" + c.traceId())
                    : spring(t, "INFO", "nio-80-exec-" + (1 + random.nextInt(5)), "w.w.s.o.c.OrdersController",
                            "Checkout completed in " + c.millis() + " ms traceId=" + c.traceId())));
        }
        return lines;
    }

    private List<Line> frontEnd() {
        List<Line> lines = new ArrayList<>();
        for (Instant t = DemoStory.RANGE.from(); t.isBefore(DemoStory.RANGE.to()); t = t.plusSeconds(15 + random.nextInt(20))) {
            boolean failing = DemoStory.cartsDown(t);
            String status = failing ? "500" : "200";
            long ms = failing ? 3 + random.nextInt(10) : 20 + random.nextInt(60);
            lines.add(new Line(t, "GET /basket.html " + status + " " + ms + " ms - " + (failing ? 94 : 8411)));
            if (failing) {
                lines.add(new Line(t.plusMillis(5), "Error: connect ECONNREFUSED 10.11.244.137:80 (carts) at TCPConnectWrap"
                        + ".afterConnect [as oncomplete] (net.js:1141:16)"));
            }
        }
        return lines;
    }

    private ObjectNode stream(String app, List<Line> lines) {
        ObjectNode s = json.createObjectNode();
        ObjectNode labels = s.putObject("stream");
        labels.put("namespace", DemoStory.NAMESPACE);
        labels.put("pod", podOf.apply(app));
        labels.put("container", app);
        labels.put("app", app);
        labels.put("job", DemoStory.NAMESPACE + "/" + app);
        ArrayNode values = s.putArray("values");
        // Loki returns newest first within a stream (direction=backward)
        lines.stream().sorted(Comparator.comparing(Line::at).reversed()).forEach(l -> values.addArray()
                .add(Long.toString(l.at().getEpochSecond() * 1_000_000_000L + l.at().getNano()))
                .add(l.text()));
        return s;
    }

    private static String spring(Instant t, String level, String thread, String logger, String message) {
        return SPRING.format(t) + " " + String.format("%5s", level) + " 1 --- [" + String.format("%15s", thread) + "] "
                + String.format("%-40s", logger) + " : " + message;
    }

    private String customer() {
        return "57a98d98e4b00679b4a830a" + Integer.toHexString(random.nextInt(16));
    }

}
