package io.pitwall.bench;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic mixed log lines of about 150 bytes: zap-style JSON, logfmt, klog, Spring Boot and
 * plain text, mostly INFO with some DEBUG, WARN and ERROR, some carrying a trace id, from 40 pods
 * of a handful of services. Deterministic for a seed.
 */
final class GeneratedLogs {

    private static final String[] SERVICES = {"carts", "orders", "payment", "front-end", "catalogue", "user", "shipping", "queue-master"};
    private static final String[] PATHS = {"/carts/items", "/orders", "/paymentAuth", "/catalogue?size=5", "/customers/57a98d98e4b00679b4a830af",
        "/login", "/shipping", "/health"};
    private static final String[] WORDS = {"request served", "cache miss for key", "connection pool exhausted, waiting",
        "retrying upstream call", "order placed", "payment declined by gateway", "slow query on carts collection",
        "heartbeat ok", "rebalancing partitions", "token refreshed"};

    private final SplittableRandom random;
    private final List<LogStream> streams = new ArrayList<>();
    private long time;

    GeneratedLogs(long seed, long startNanos) {
        random = new SplittableRandom(seed);
        time = startNanos;
        for (int i = 0; i < 40; i++) {
            String svc = SERVICES[i % SERVICES.length];
            streams.add(new LogStream(Map.of("namespace", "sock-shop", "app", svc, "container", svc,
                    "pod", svc + "-7d9f8b6c5-" + Integer.toString(10000 + i * 7919, 36))));
        }
    }

    /** The next {@code n} lines, about {@code stepNanos} apart on average. */
    List<LogEntry> next(int n, long stepNanos) {
        List<LogEntry> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            time += 1 + random.nextLong(Math.max(1, 2 * stepNanos));
            out.add(new LogEntry(time, streams.get(random.nextInt(streams.size())), line()));
        }
        return out;
    }

    private String line() {
        String base = body();
        // request ids and callers, as services add them: about 150 bytes a line in all
        return base + (base.endsWith("}") ? "" : " request_id=" + hex(16) + " caller=handler.go:" + random.nextInt(900));
    }

    private String body() {
        int r = random.nextInt(100);
        String level = r < 70 ? "info" : r < 82 ? "debug" : r < 94 ? "warn" : "error";
        String trace = random.nextInt(4) == 0 ? hex(32) : null;
        String msg = WORDS[random.nextInt(WORDS.length)];
        String path = PATHS[random.nextInt(PATHS.length)];
        int ms = random.nextInt(2000);
        return switch (random.nextInt(5)) {
            case 0 -> "{\"level\":\"" + level + "\",\"ts\":\"2026-11-24T03:" + two(random.nextInt(60)) + ":" + two(random.nextInt(60))
                    + "Z\",\"msg\":\"" + msg + "\",\"path\":\"" + path + "\",\"took_ms\":" + ms
                    + (trace == null ? ",\"user\":\"u" + random.nextInt(99999) + "\"" : ",\"trace_id\":\"" + trace + "\"")
                    + ",\"request_id\":\"" + hex(16) + "\",\"caller\":\"server/handler.go:" + random.nextInt(900) + "\"}";
            case 1 -> "ts=2026-11-24T03:12:" + two(random.nextInt(60)) + ".123Z level=" + level + " msg=\"" + msg + "\" path=" + path
                    + " took=" + ms + "ms" + (trace == null ? " status=200" : " traceID=" + trace);
            case 2 -> Character.toUpperCase(level.charAt(0) == 'd' ? 'i' : level.charAt(0)) + "1124 03:12:" + two(random.nextInt(60))
                    + ".123456       1 controller.go:" + random.nextInt(900) + "] \"" + msg + "\" path=\"" + path + "\" duration=\"" + ms + "ms\"";
            case 3 -> "2026-11-24 03:12:" + two(random.nextInt(60)) + ".123  " + level.toUpperCase() + " 1 --- [nio-8080-exec-"
                    + random.nextInt(10) + "] c.w.s." + SERVICES[random.nextInt(SERVICES.length)] + ".Resource : " + msg + " " + path;
            default -> "[" + level.toUpperCase() + "] " + msg + " for " + path + " after " + ms + " ms"
                    + (trace == null ? " (attempt " + random.nextInt(5) + ")" : " traceparent=00-" + trace + "-" + hex(16) + "-01");
        };
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private String hex(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
