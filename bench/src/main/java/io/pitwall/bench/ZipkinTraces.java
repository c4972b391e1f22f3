package io.pitwall.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Traces posted to a real Zipkin ({@code POST /api/v2/spans}) for {@link CaptureScale}: a gateway
 * calling two of ten services {@code svc-0} to {@code svc-9}, spread over a time span, one in ten
 * failed.
 */
final class ZipkinTraces {

    private ZipkinTraces() {
    }

    /** Posts {@code count} traces starting between {@code from} and {@code from + span}; how many were accepted. */
    static int post(URI zipkin, Instant from, Duration span, int count) throws Exception {
        SplittableRandom r = new SplittableRandom(20261203);
        HexFormat hex = HexFormat.of();
        int posted = 0;
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int batch = 0; batch < count; batch += 50) {
                StringBuilder body = new StringBuilder("[");
                for (int i = batch; i < Math.min(count, batch + 50); i++) {
                    String trace = hex.toHexDigits(r.nextLong()) + hex.toHexDigits(r.nextLong());
                    long start = from.plusMillis((long) (span.toMillis() * (i / (double) count))).toEpochMilli() * 1000;
                    boolean failed = i % 10 == 0;
                    String root = hex.toHexDigits(r.nextLong());
                    span(body, trace, root, null, "gateway", "GET /api/orders", start, 40_000 + r.nextInt(400_000), failed);
                    for (int c = 0; c < 2; c++) {
                        span(body.append(','), trace, hex.toHexDigits(r.nextLong()), root, "svc-" + r.nextInt(10),
                                "call " + c, start + 1000 + c * 5000L, 10_000 + r.nextInt(30_000), failed && c == 1);
                    }
                    body.append(i + 1 < Math.min(count, batch + 50) ? "," : "");
                }
                body.append(']');
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/spans"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 202) {
                    throw new IllegalStateException("Zipkin refused the spans: " + res.statusCode() + " " + res.body());
                }
                posted += Math.min(count, batch + 50) - batch;
            }
        }
        return posted;
    }

    private static void span(StringBuilder b, String trace, String id, String parent, String service, String name, long start,
                             long duration, boolean error) {
        b.append("{\"traceId\":\"").append(trace).append("\",\"id\":\"").append(id).append('"');
        if (parent != null) {
            b.append(",\"parentId\":\"").append(parent).append('"');
        }
        b.append(",\"name\":\"").append(name).append("\",\"kind\":\"SERVER\",\"timestamp\":").append(start)
                .append(",\"duration\":").append(duration).append(",\"localEndpoint\":{\"serviceName\":\"").append(service)
                .append("\"}");
        if (error) {
            b.append(",\"tags\":{\"error\":\"upstream reset\",\"http.status_code\":\"503\"}");
        }
        b.append('}');
    }
}
