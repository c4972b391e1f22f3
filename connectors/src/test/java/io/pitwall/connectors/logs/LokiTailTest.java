package io.pitwall.connectors.logs;

import static io.pitwall.connectors.logs.MockLoki.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.model.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tail websocket on MockWebServer: messages, a drop mid-stream and the resume, dropped entries, refusals. */
class LokiTailTest {

    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        server.close();
    }

    /** Everything a tail told its listener, in order. */
    static final class Recorder implements LogTail.Listener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void entries(List<LogEntry> entries) {
            entries.forEach(events::add);
        }

        @Override
        public void dropped(long count, long total) {
            events.add("dropped " + count + " of " + total);
        }

        @Override
        public void state(LogTail.TailState state) {
            events.add(state);
        }

        Object next() throws InterruptedException {
            Object e = events.poll(20, TimeUnit.SECONDS);
            assertThat(e).as("the tail's next event").isNotNull();
            return e;
        }

        String nextLine() throws InterruptedException {
            Object e = next();
            assertThat(e).isInstanceOf(LogEntry.class);
            return ((LogEntry) e).line();
        }
    }

    /**
     * A server side that sends {@code messages} once the socket opens, then, when {@code drop},
     * goes away mid-stream as a Loki querier does when it restarts (close code 1011).
     */
    private static MockResponse socket(boolean drop, String... messages) {
        return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                for (String m : messages) {
                    webSocket.send(m);
                }
                if (drop) {
                    webSocket.close(1011, "querier restarting");
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }
        }).build();
    }

    private ReconnectingTail tail(String logql, long startNanos) throws Exception {
        var connector = LokiTail.okHttp(server.url("/"), HttpClients.create(HttpSettings.DEFAULT), logql, 100);
        return ReconnectingTail.start(connector, recorder, scheduler, attempt -> 0, startNanos);
    }

    @Test
    void aDroppedConnectionResumesFromTheLastLineWithoutDuplicates() throws Exception {
        server.enqueue(socket(true, fixture("tail-1.json")));
        server.enqueue(socket(false, fixture("tail-2-overlapping.json"), fixture("tail-dropped.json")));
        long start = 1764040800000000000L;
        try (var t = tail("{namespace=\"sock-shop\"}", start)) {
            assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Connected());
            assertThat(recorder.nextLine()).isEqualTo("tail line one");
            assertThat(recorder.nextLine()).isEqualTo("tail line two");
            Object lost = recorder.next();
            assertThat(lost).isInstanceOfSatisfying(LogTail.TailState.Reconnecting.class, r -> {
                assertThat(r.retryInMillis()).isZero();
                assertThat(r.reason()).isEqualTo(server.url("/").toString().replaceAll("/$", "")
                        + " closed the tail: querier restarting");
            });
            assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Connected());
            // "one" and "two" came again from the server and are not given twice
            assertThat(recorder.nextLine()).isEqualTo("tail line two and a half");
            assertThat(recorder.nextLine()).isEqualTo("tail line three");
            assertThat(recorder.nextLine()).isEqualTo("tail line four");
            assertThat(recorder.next()).isEqualTo("dropped 2 of 2");
        }
        assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Stopped("closed"));

        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/loki/api/v1/tail");
        assertThat(first.getUrl().queryParameter("query")).isEqualTo("{namespace=\"sock-shop\"}");
        assertThat(first.getUrl().queryParameter("start")).isEqualTo(Long.toString(start));
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("100");
        assertThat(first.getHeaders().get("Upgrade")).isEqualToIgnoringCase("websocket");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().queryParameter("start")).as("resumed from the newest line seen").isEqualTo("1764040901000000000");
    }

    @Test
    void linesOlderThanTheStartAreNotGiven() throws Exception {
        server.enqueue(socket(false, fixture("tail-1.json")));
        try (var t = tail("{namespace=\"sock-shop\"}", 1764040901000000000L)) {
            assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Connected());
            assertThat(recorder.nextLine()).isEqualTo("tail line two");
        }
        assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Stopped("closed"));
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void aRefusedQueryStopsTheTailWithLokisWords() throws Exception {
        server.enqueue(MockLoki.text(400, "parse error at line 1, col 2: syntax error: unexpected IDENTIFIER\n"));
        try (var t = tail("{oops", 0)) {
            assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Stopped(
                    "parse error at line 1, col 2: syntax error: unexpected IDENTIFIER"));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedAndAnUnreadableMessageReconnects() throws Exception {
        server.enqueue(MockLoki.text(503, "too many outstanding requests"));
        server.enqueue(socket(false, "not json"));
        server.enqueue(socket(false, fixture("tail-1.json")));
        try (var t = tail("{namespace=\"sock-shop\"}", 0)) {
            assertThat(recorder.next()).isInstanceOfSatisfying(LogTail.TailState.Reconnecting.class,
                    r -> assertThat(r.reason()).contains("HTTP 503: too many outstanding requests"));
            assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Connected());
            assertThat(recorder.next()).isInstanceOfSatisfying(LogTail.TailState.Reconnecting.class,
                    r -> assertThat(r.reason()).contains("sent a tail message Pitwall cannot read"));
            assertThat(recorder.next()).isEqualTo(new LogTail.TailState.Connected());
            assertThat(recorder.nextLine()).isEqualTo("tail line one");
        }
    }

    @Test
    void theBackoffGrowsToHalfAMinute() {
        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            delays.add(ReconnectingTail.BACKOFF.applyAsLong(attempt));
        }
        assertThat(delays).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }

    @Test
    void theTailMessageParserCountsDroppedEntries() throws Exception {
        LokiJson.TailMessage m = LokiJson.tailMessage(fixture("tail-dropped.json"), new LokiJson.Interner());
        assertThat(m.dropped()).isEqualTo(2);
        assertThat(m.entries()).extracting(LogEntry::line).containsExactly("tail line four");
    }
}
