package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large, realistic Jaeger v1 trace ({@code {"data":[trace]}}, as {@code /api/traces/{id}}
 * answers): 50 services of 6 operations each, fan-out from 2 to 6 (a tree 8 to 14 levels deep),
 * children inside their parents, HTTP-ish tags with a unique URL each, an error on about one span
 * in a hundred and a log on about one in ten. 100,000 spans make about 55 MB. The same seed writes
 * the same file. {@code main(path, spans)} writes one for the benchmarks or for looking at.
 */
public final class TraceGenerator {

    public static final int SERVICES = 50;
    private static final String TRACE_ID = "5c1ab1e0000000000000000000100000";
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final String[] KINDS = {"server", "client", "internal", "producer", "consumer"};

    /** What was written: spans, how many carry {@code error=true}, how many have a log. */
    public record Written(int spans, int errors, int logs) {
    }

    private TraceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "trace-100k.json");
        int spans = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Written w = write(out, spans, 42);
        System.out.println(out + ": " + w);
    }

    public static Written write(Path file, int spans, long seed) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(out, spans, seed);
        }
    }

    public static Written write(OutputStream out, int spans, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long[] start = new long[spans];
        long[] duration = new long[spans];
        int errors = 0;
        int logs = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            g.writeStartObject();
            g.writeStringField("traceID", TRACE_ID);
            g.writeArrayFieldStart("spans");
            for (int i = 0; i < spans; i++) {
                int parent = i == 0 ? -1 : (int) ((i - 1) / (2 + random.nextDouble() * 4));
                if (parent < 0) {
                    start[i] = 1_760_000_000_000_000L;
                    duration[i] = 30_000_000L;
                } else {
                    long room = Math.max(1, duration[parent]);
                    duration[i] = Math.max(1, (long) (room * (0.05 + random.nextDouble() * 0.6)));
                    start[i] = start[parent] + random.nextLong(Math.max(1, room - duration[i] + 1));
                }
                int service = i == 0 ? 0 : random.nextInt(SERVICES);
                boolean error = random.nextInt(100) == 0;
                boolean log = random.nextInt(10) == 0;
                errors += error ? 1 : 0;
                logs += log ? 1 : 0;
                g.writeStartObject();
                g.writeStringField("traceID", TRACE_ID);
                g.writeStringField("spanID", String.format("%016x", 0x1000_0000L + i));
                g.writeStringField("operationName", operation(service, random.nextInt(6)));
                g.writeArrayFieldStart("references");
                if (parent >= 0) {
                    g.writeStartObject();
                    g.writeStringField("refType", "CHILD_OF");
                    g.writeStringField("traceID", TRACE_ID);
                    g.writeStringField("spanID", String.format("%016x", 0x1000_0000L + parent));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("startTime", start[i]);
                g.writeNumberField("duration", duration[i]);
                g.writeArrayFieldStart("tags");
                tag(g, "span.kind", KINDS[random.nextInt(KINDS.length)]);
                tag(g, "http.method", METHODS[random.nextInt(METHODS.length)]);
                tag(g, "http.url", "http://service-" + service + ".shop.svc:8080/api/v1/items/" + i + "?page=" + random.nextInt(20));
                tag(g, "http.status_code", error ? "500" : "200");
                tag(g, "peer.service", "service-" + random.nextInt(SERVICES));
                if (error) {
                    g.writeStartObject();
                    g.writeStringField("key", "error");
                    g.writeStringField("type", "bool");
                    g.writeBooleanField("value", true);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("logs");
                if (log) {
                    g.writeStartObject();
                    g.writeNumberField("timestamp", start[i] + duration[i] / 2);
                    g.writeArrayFieldStart("fields");
                    tag(g, "event", error ? "error" : "cache miss");
                    tag(g, "message", "item " + i + " was not in the cache; fetched from the database");
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("processID", "p" + service);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("processes");
            for (int s = 0; s < SERVICES; s++) {
                g.writeObjectFieldStart("p" + s);
                g.writeStringField("serviceName", "service-" + s);
                g.writeArrayFieldStart("tags");
                tag(g, "hostname", "service-" + s + "-7d9f8b6c5-x2x4z");
                tag(g, "ip", "10.0." + (s / 250) + "." + (s % 250));
                tag(g, "jaeger.version", "Go-2.30.0");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeNullField("warnings");
            g.writeEndObject();
            g.writeEndArray();
            g.writeNumberField("total", 0);
            g.writeNumberField("limit", 0);
            g.writeNumberField("offset", 0);
            g.writeNullField("errors");
            g.writeEndObject();
        }
        return new Written(spans, errors, logs);
    }

    private static String operation(int service, int op) {
        return switch (op) {
            case 0 -> "GET /api/v1/items";
            case 1 -> "POST /api/v1/orders";
            case 2 -> "SELECT items";
            case 3 -> "redis GET";
            case 4 -> "grpc.shop.Service" + service + "/Call";
            default -> "kafka publish";
        };
    }

    private static void tag(JsonGenerator g, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeStringField("type", "string");
        g.writeStringField("value", value);
        g.writeEndObject();
    }
}
