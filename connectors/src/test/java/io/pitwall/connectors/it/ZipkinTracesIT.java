package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import io.pitwall.connectors.prometheus.Transports;
import io.pitwall.connectors.traces.HttpTracesSource;
import io.pitwall.connectors.traces.TraceQuery;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The Zipkin connector against the real Zipkin of {@code backends/backends.sh}: a two-service
 * trace posted in Zipkin v2 JSON (a tag on the frontend, an error on the backend) is listed,
 * found by service and tag, read back span for span, and shows as a dependency with its error.
 */
class ZipkinTracesIT {

    @Test
    void aPostedTwoServiceTraceIsFoundReadAndLinked() throws Exception {
        URI zipkin = Backends.load().require(Server.ZIPKIN);
        String run = hex(3);
        String frontend = "pitwall-frontend-" + run;
        String backend = "pitwall-backend-" + run;
        String traceId = hex(16);
        String a = hex(8);
        String b = hex(8);
        String c = hex(8);
        long now = Instant.now().toEpochMilli() * 1000;
        String spans = """
                [{"traceId":"%1$s","id":"%2$s","name":"get /checkout","kind":"SERVER","timestamp":%5$d,"duration":90000,
                  "localEndpoint":{"serviceName":"%6$s"},"tags":{"http.method":"GET","pitwall.run":"%8$s"}},
                 {"traceId":"%1$s","parentId":"%2$s","id":"%3$s","name":"get /api/cart","kind":"CLIENT","timestamp":%9$d,
                  "duration":60000,"localEndpoint":{"serviceName":"%6$s"},"remoteEndpoint":{"serviceName":"%7$s"}},
                 {"traceId":"%1$s","parentId":"%3$s","id":"%4$s","name":"get /api/cart","kind":"SERVER","timestamp":%10$d,
                  "duration":50000,"localEndpoint":{"serviceName":"%7$s"},
                  "tags":{"error":"cart service unavailable","http.status_code":"503"}}]"""
                .formatted(traceId, a, b, c, now, frontend, backend, run, now + 10_000, now + 15_000);
        Request post = new Request.Builder().url(zipkin.resolve("/api/v2/spans").toString())
                .post(RequestBody.create(spans, MediaType.get("application/json"))).build();
        try (Response r = Http.CLIENT.newCall(post).execute()) {
            assertThat(r.code()).as("Zipkin accepts the spans").isEqualTo(202);
        }

        TraceEndpoint endpoint = TraceEndpoint.url("zipkin", TraceEndpoint.Protocol.ZIPKIN, zipkin.toString());
        TimeRange window = TimeRange.ending(Instant.now().plusSeconds(60), Duration.ofMinutes(10));
        try (HttpTracesSource source = HttpTracesSource.start(endpoint, Transports.direct(Thread.ofVirtual()::start),
                state -> { })) {
            assertThat(source.describe()).startsWith("Zipkin http://");

            List<String> services = eventually("both services listed", () -> source.services(window).get(),
                    l -> l.contains(frontend) && l.contains(backend));
            assertThat(services).isSorted();
            assertThat(source.operations(frontend, window).get()).contains("get /checkout", "get /api/cart");

            List<TraceSummary> found = eventually("the trace found by its tag", () -> source.search(new TraceQuery(frontend,
                    "", Map.of("pitwall.run", run), Optional.empty(), Optional.empty(), 10, window)).get(),
                    l -> !l.isEmpty());
            assertThat(found).singleElement().satisfies(s -> {
                assertThat(s.traceId()).isEqualTo(traceId);
                assertThat(s.rootService()).isEqualTo(frontend);
                assertThat(s.rootOperation()).isEqualTo("get /checkout");
                assertThat(s.spanCount()).isEqualTo(3);
                assertThat(s.errorCount()).isEqualTo(1);
                assertThat(s.durationNanos()).isEqualTo(90_000_000L);
            });
            assertThat(source.search(new TraceQuery(frontend, "", Map.of("pitwall.run", run + "-not"), Optional.empty(),
                    Optional.empty(), 10, window)).get()).isEmpty();
            assertThat(source.search(new TraceQuery(backend, "", Map.of("error", "true"), Optional.empty(),
                    Optional.empty(), 10, window)).get()).extracting(TraceSummary::traceId).containsExactly(traceId);

            Trace t = source.trace(traceId).get();
            assertThat(t.traceId()).isEqualTo(traceId);
            assertThat(t.spanCount()).isEqualTo(3);
            assertThat(t.services()).containsExactly(backend, frontend);
            int ia = only(t, a);
            int ib = only(t, b);
            int ic = only(t, c);
            assertThat(t.parent(ia)).isEqualTo(-1);
            assertThat(t.parent(ib)).isEqualTo(ia);
            assertThat(t.parent(ic)).isEqualTo(ib);
            assertThat(t.service(ic)).isEqualTo(backend);
            assertThat(t.kind(ib)).isEqualTo(SpanKind.CLIENT);
            assertThat(new long[] {t.durationNanos(ia), t.durationNanos(ib), t.durationNanos(ic)})
                    .containsExactly(90_000_000L, 60_000_000L, 50_000_000L);
            assertThat(t.startNanos(ic) - t.startNanos(ia)).isEqualTo(15_000_000L);
            assertThat(t.isError(ic)).isTrue();
            assertThat(t.isError(ia)).isFalse();
            assertThat(t.span(ia).tags()).containsEntry("pitwall.run", run);

            List<DependencyLink> links = eventually("the dependency link", () -> source.dependencies(window).get(),
                    l -> l.stream().anyMatch(d -> d.parent().equals(frontend)));
            assertThat(links).filteredOn(d -> d.parent().equals(frontend) || d.child().equals(backend))
                    .containsExactly(new DependencyLink(frontend, backend, 1, 1));
        }
    }

    private static int only(Trace t, String spanId) {
        int[] found = t.indexOf(spanId);
        assertThat(found).as("spans with id " + spanId).hasSize(1);
        return found[0];
    }

    private static <T> T eventually(String what, Callable<T> call, Predicate<T> done) throws Exception {
        T last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            last = call.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        return fail("Zipkin did not show " + what + " within 10 s; last answer: " + last);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
