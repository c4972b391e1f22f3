package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.FileSessions;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs offline: captured into a bundle and read back, filtered by scope and simple LogQL; Loki and text files opened directly. */
class CapturedLogsTest {

    private static final TimeRange WINDOW = new TimeRange(Instant.parse("2025-11-25T03:15:00Z"), Instant.parse("2025-11-25T03:25:00Z"));
    private static final LogStream CARTS = new LogStream(Map.of("namespace", "sock-shop", "pod", "carts-5d8f7b6c9d-x7k2p",
            "container", "carts"));
    private static final LogStream CARTS_DB = new LogStream(Map.of("namespace", "sock-shop", "pod", "carts-db-0",
            "container", "mongo"));
    private static final LogStream ORDERS = new LogStream(Map.of("namespace", "orders", "pod", "orders-7c9d5f6b8-q2w4e",
            "container", "orders"));

    @TempDir
    Path dir;

    private static LogEntry at(String time, LogStream s, String line) {
        return new LogEntry(LogEntry.nanos(Instant.parse(time)), s, line);
    }

    private static CapturedLogs live() {
        return new CapturedLogs(List.of(
                at("2025-11-25T03:20:05.000000300Z", CARTS, "java.lang.OutOfMemoryError: Java heap space"),
                at("2025-11-25T03:20:01Z", CARTS, "Added item to cart \"57a9\""),
                at("2025-11-25T03:20:02Z", CARTS_DB, "slow query: 812 ms"),
                at("2025-11-25T03:20:03Z", ORDERS, "POST /orders 503: carts did not answer"),
                at("2025-11-25T03:10:00Z", CARTS, "before the window")), "test");
    }

    private static List<String> lines(LogsSource s, LogQuery q) throws Exception {
        return s.query(q).get().entries().stream().map(LogEntry::line).toList();
    }

    @Test
    void scopesAndRangeAndLimit() throws Exception {
        CapturedLogs logs = live();
        assertThat(lines(logs, new LogQuery(new LogScope.Workload(new KubeRef("Deployment", "sock-shop", "carts")), "", WINDOW, 10,
                true))).containsExactly("Added item to cart \"57a9\"", "java.lang.OutOfMemoryError: Java heap space");
        assertThat(lines(logs, new LogQuery(new LogScope.Workload(new KubeRef("StatefulSet", "sock-shop", "carts-db")), "", WINDOW,
                10, true))).containsExactly("slow query: 812 ms");
        assertThat(lines(logs, new LogQuery(new LogScope.Namespace("sock-shop"), "", WINDOW, 10, true))).hasSize(3);
        assertThat(lines(logs, new LogQuery(new LogScope.Container(new KubeRef("Pod", "orders", "orders-7c9d5f6b8-q2w4e"),
                "orders", false), "", WINDOW, 10, true))).containsExactly("POST /orders 503: carts did not answer");
        LogResult newest = logs.query(new LogQuery(new LogScope.Cluster(), "", WINDOW, 2, true)).get();
        assertThat(newest.entries()).extracting(LogEntry::line).containsExactly("POST /orders 503: carts did not answer",
                "java.lang.OutOfMemoryError: Java heap space");
        assertThat(newest.limited()).isTrue();
        LogResult oldest = logs.query(new LogQuery(new LogScope.Cluster(), "", WINDOW, 2, false)).get();
        assertThat(oldest.entries()).extracting(LogEntry::line).containsExactly("Added item to cart \"57a9\"", "slow query: 812 ms");
    }

    @Test
    void aStreamSelectorWithLineFiltersIsEvaluatedAndTheRestOfLogQLIsRefused() throws Exception {
        CapturedLogs logs = live();
        LogScope any = new LogScope.Cluster();
        assertThat(lines(logs, new LogQuery(any, "{namespace=\"sock-shop\"} |= \"cart\" != \"Added\"", WINDOW, 10, true))).isEmpty();
        assertThat(lines(logs, new LogQuery(any, "{namespace=~\"sock.*\", pod!~\"carts-db-.*\"} |~ \"(?i)outofmemory\"", WINDOW,
                10, true))).containsExactly("java.lang.OutOfMemoryError: Java heap space");
        assertThat(lines(logs, new LogQuery(any, "{namespace!=\"sock-shop\"} !~ `^GET`", WINDOW, 10, true)))
                .containsExactly("POST /orders 503: carts did not answer");
        assertThat(lines(logs, new LogQuery(any, "{pod=\"carts-5d8f7b6c9d-x7k2p\"} |= \"\\\"57a9\\\"\"", WINDOW, 10, true)))
                .containsExactly("Added item to cart \"57a9\"");
        LogQueryException json = MockLoki.failure(logs.query(new LogQuery(any, "{namespace=\"sock-shop\"} | json | level=\"error\"",
                WINDOW, 10, true)));
        assertThat(json.kind()).isEqualTo("not_supported");
        assertThat(json.getMessage()).contains("stream selector and line filters");
        assertThat(MockLoki.failure(logs.query(new LogQuery(any, "count_over_time({a=\"b\"}[5m])", WINDOW, 10, true))).kind())
                .isEqualTo("not_supported");
        assertThat(MockLoki.failure(logs.query(new LogQuery(any, "{a=~\"(\"}", WINDOW, 10, true))).kind()).isEqualTo("bad_query");
        assertThat(logs.labelValues("namespace", WINDOW).get()).containsExactly("orders", "sock-shop");
    }

    @Test
    void capturedIntoABundleAndServedOffline() throws Exception {
        Path file = dir.resolve("incident.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", Instant.parse("2025-11-25T03:30:00Z"),
                null, null, WINDOW, List.of()))) {
            LogsCapture.write(w, live(), WINDOW, List.of(new LogScope.Namespace("sock-shop"),
                    new LogScope.Pod(new KubeRef("Pod", "sock-shop", "carts-5d8f7b6c9d-x7k2p"))),
                    List.of("{namespace=\"orders\"}", "rate({a=\"b\"}[1m])"), 100);
        }
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.state(Signal.LOGS)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.contents()).contains(LogsCapture.ENTRIES));
            assertThat(s.bundle().manifest().problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("rate({a=\"b\"}[1m])").contains("not the rest of LogQL"));
            LogsSource logs = s.logs().orElseThrow();
            LogResult all = logs.query(new LogQuery(new LogScope.Cluster(), "", WINDOW, 100, true)).get();
            assertThat(all.entries()).as("each line once, though two scopes held it").hasSize(4);
            assertThat(all.entries().getLast().epochNanos()).isEqualTo(LogEntry.nanos(Instant.parse("2025-11-25T03:20:05.000000300Z")));
            assertThat(all.entries().getFirst().stream().labels()).isEqualTo(CARTS.labels());
            String ndjson = new String(s.bundle().read(LogsCapture.ENTRIES), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ndjson.lines().toList().getLast()).isEqualTo("{\"time\":\"2025-11-25T03:20:05.000000300Z\",\"labels\":"
                    + "{\"container\":\"carts\",\"namespace\":\"sock-shop\",\"pod\":\"carts-5d8f7b6c9d-x7k2p\"},"
                    + "\"line\":\"java.lang.OutOfMemoryError: Java heap space\"}");
            List<String> states = new java.util.ArrayList<>();
            logs.tail(new LogQuery(new LogScope.Cluster(), "", WINDOW, 10, true), new LogTail.Listener() {
                @Override
                public void entries(List<LogEntry> entries) {
                }

                @Override
                public void state(LogTail.TailState state) {
                    states.add(state.toString());
                }
            }).close();
            assertThat(states).singleElement().asString().contains("cannot follow new lines");
        }
    }

    @Test
    void aLokiResponseFileOpensAsOfflineLogs() throws Exception {
        Path file = dir.resolve("loki.json");
        Files.writeString(file, MockLoki.fixture("query_range-streams.json"));
        try (Session s = FileSessions.open(file)) {
            assertThat(s.state(Signal.LOGS)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).isEqualTo("Loki response, 5 lines");
            });
            assertThat(s.metrics()).isEmpty();
            TimeRange range = s.info().captured().orElseThrow();
            assertThat(range.from()).isEqualTo(Instant.parse("2025-11-25T03:20:01Z"));
            assertThat(lines(s.logs().orElseThrow(), new LogQuery(new LogScope.Pod(new KubeRef("Pod", "sock-shop",
                    "orders-7c9d5f6b8-q2w4e")), "", range, 10, true))).hasSize(2);
        }
    }

    @Test
    void aTextLogTakesEachLinesLeadingTimestamp() throws Exception {
        Path file = dir.resolve("mixed.log");
        Files.writeString(file, """
                2025-11-25T03:20:01.123456789Z rfc3339 with nanoseconds
                2025-11-25T04:20:02+01:00 rfc3339 with an offset
                2025-11-25 03:20:03.500 space separated, UTC
                I1125 03:20:04.250000   12345 reflector.go:138] klog
                \tcontinued without a timestamp
                Nov 25 03:20:05 host sshd[42]: syslog
                """);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.parse("2025-12-01T00:00:00Z")));
        try (Session s = FileSessions.open(file)) {
            LogResult r = s.logs().orElseThrow().query(new LogQuery(new LogScope.Cluster(), "", s.info().captured().orElseThrow(),
                    100, false)).get();
            assertThat(r.entries()).extracting(e -> e.time().toString()).containsExactly("2025-11-25T03:20:01.123456789Z",
                    "2025-11-25T03:20:02Z", "2025-11-25T03:20:03.500Z", "2025-11-25T03:20:04.250Z", "2025-11-25T03:20:04.250Z",
                    "2025-11-25T03:20:05Z");
            assertThat(r.entries().get(4).line()).isEqualTo("\tcontinued without a timestamp");
            assertThat(r.entries().getFirst().stream().labels()).isEqualTo(Map.of("file", "mixed.log"));
        }
    }

    @Test
    void aTextLogWithoutTimestampsKeepsItsOrder() throws Exception {
        Path file = dir.resolve("plain");
        Files.writeString(file, "starting\nlistening on :8080\nshutting down\n");
        Instant modified = Instant.parse("2025-12-01T00:00:00Z");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(modified));
        try (Session s = FileSessions.open(file)) {
            LogResult r = s.logs().orElseThrow().query(new LogQuery(new LogScope.Cluster(), "", s.info().captured().orElseThrow(),
                    100, false)).get();
            assertThat(r.entries()).extracting(LogEntry::line).containsExactly("starting", "listening on :8080", "shutting down");
            assertThat(r.entries().getLast().time()).isEqualTo(modified);
            assertThat(r.entries().getFirst().time()).isEqualTo(modified.minusMillis(2));
        }
    }

    @Test
    void bundleLinesThatCannotBeReadAreSkippedAndTheFirstSaid() throws Exception {
        String ndjson = """
                {"time":"2026-11-24T02:41:00Z","labels":{"pod":"carts-0"},"line":"OOMKilled"}
                {"time":"+1000000000-12-31T23:59:59Z","labels":{},"line":"beyond what nanoseconds hold"}
                {"time":12,"labels":{},"line":"a number for a time"}
                not json
                %s
                {"time":"2026-11-24T02:42:00Z","labels":{"pod":"carts-0"},"line":"restarted"}
                """.formatted("{\"line\":\"" + "x".repeat(io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS) + "\"}");
        LogsCapture.Read r = LogsCapture.readEntries(new java.io.ByteArrayInputStream(
                ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.entries()).extracting(LogEntry::line).containsExactly("OOMKilled", "restarted");
        assertThat(r.skipped()).isEqualTo(4);
        assertThat(r.firstSkipped()).isEqualTo("line 2: its time is not an RFC 3339 time Pitwall can hold");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "{\"time\":\"2026-11-24T02:41:0"})
    void aFileOfMoreLinesThanPitwallReadsIsReadThatFarAndSaysSo(String end) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append("{\"time\":\"2026-11-24T02:41:0").append(i).append("Z\",\"line\":\"").append(i).append("\"}\n");
        }
        byte[] bytes = (b + end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LogsCapture.Read r = LogsCapture.readEntries(() -> new java.io.ByteArrayInputStream(bytes), 5);
        assertThat(r.entries()).extracting(LogEntry::line).containsExactly("0", "1", "2", "3", "4");
        assertThat(r.more()).isTrue();
        assertThat(LogsCapture.readEntries(() -> new java.io.ByteArrayInputStream(bytes), 8).more()).isEqualTo(!end.isEmpty());
        assertThat(LogsCapture.readEntries(() -> new java.io.ByteArrayInputStream(bytes), 9).more()).isFalse();
    }

    @Test
    void millionsOfLinesThatAreNotEntriesAreCountedAndTheEntriesAmongThemRead() throws Exception {
        String other = "{\"at\":\"2026-11-24T02:41:00Z\",\"type\":\"ADDED\",\"kind\":\"Pod\",\"name\":\"p\"}\n";
        String ndjson = "not json\n" + other.repeat(50_000) + "{\"time\":\"2026-11-24T02:41:00Z\",\"line\":\"kept\"}\n"
                + "{\"time\":\"2026-11-24T02:41:01Z\",\"\\u006cine\":\"escaped\"}\n" + other;
        byte[] bytes = ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LogsCapture.Read r = LogsCapture.readEntries(() -> new java.io.ByteArrayInputStream(bytes));
        assertThat(r.entries()).extracting(LogEntry::line).containsExactly("kept", "escaped");
        assertThat(r.skipped()).isEqualTo(50_002);
        assertThat(r.firstSkipped()).startsWith("line 1: not JSON (");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2026-11-24T02:41:00Z", "2026-11-24T02:41:00.5Z",
        "2026-11-24T02:41:00.123456789Z", "1970-01-01T00:00:00Z", "2262-04-11T23:47:16.854775807Z", "2024-02-29T23:59:59.000001Z",
        "2026-11-24T03:41:00.25+01:00", "2026-11-24T24:00:00Z", "2026-11-24T02:41:00.Z"})
    void theFastReadingOfTimesAgreesWithInstantParse(String text) {
        assertThat(LogsCapture.epochNanos(text)).isEqualTo(LogEntry.nanos(Instant.parse(text)));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-24T02:41:00.1234567891Z", "2026-11-24 02:41:00Z", "+1000000000-12-31T23:59:59Z", "2262-04-11T23:47:16.854775808Z",
        "yesterday"})
    void timesThatAreNotOnesOrBeyond2262AreRefused(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogsCapture.epochNanos(text))
                .isInstanceOfAny(java.time.DateTimeException.class, ArithmeticException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "{\"time\":\"2026-11-24T02:41:00Z\",\"labels\":{\"pod\":\"a\",\"n\":\"1\"},\"line\":\"one\"}\n"
            + "{\"time\":\"2026-11-24T02:41:01.5Z\",\"labels\":{\"n\":\"1\",\"pod\":\"a\"},\"line\":\"two\"}\n",
        "{\"time\":\"+1000000000-01-01T00:00:00Z\",\"line\":\"far\"}\n[1,2]\n7\n{\"line\":\"no time\"}\n"
            + "{\"time\":{\"time\":\"2026-11-24T02:41:00Z\"},\"line\":\"nested\"}\n"
            + "{\"time\":\"2026-11-24T02:41:02Z\",\"labels\":{\"a:b\":\"1:2\",\"x\":{\"y\":1},\"z\":3},\"line\":\"ok\"}\n",
        "{\"time\":\"2026-11-24T02:41:00Z\",\"line\":\"one\"}{\"time\":\"2026-11-24T02:41:01Z\",\"line\":\"two\"}\n",
        "{\"time\":\"2026-11-24T02:41:00Z\",\"line\":\"cut\n{\"time\":\"2026-11-24T02:41:01Z\",\"line\":\"after\"}\n",
        "\r\n\n{\"time\":\"2026-11-24T02:41:00Z\",\"labels\":{},\"line\":\"crlf\"}\r\n",
        // damaged further on: the lines before are not read twice, and the line-by-line reading goes on from there
        "{\"time\":\"2026-11-24T02:41:00Z\",\"line\":\"été\"}\n{\"time\":\"2026-11-24T02:41:01Z\",\"line\":\"après\"}\n"
            + "{\"time\":\"2026-11-24T02:4",
        "{\"time\":\"2026-11-24T02:41:00Z\",\"line\":\"a\"}\n  {\"time\":\"2026-11-24T02:41:01Z\",\"line\":\"b\"} x\n"
            + "{\"time\":\"2026-11-24T02:41:02Z\",\"line\":\"c\"}\nnot json\n{\"time\":\"2026-11-24T02:41:03Z\",\"line\":\"d\"}\n",
        "\uFEFF{\"time\":\"2026-11-24T02:41:00Z\",\"line\":\"bom\"}\n{\"line\":\"no time\"}\n{\"time\":\"2026-11-24T02:41:01Z\","
            + "\"line\":\"x\"}{\"time\":\"2026-11-24T02:41:02Z\",\"line\":\"y\"}\n{\"time\":\"2026-11-24T02:41:03Z\",\"line\":\"z\"}\n",
    })
    void oneParseOfTheWholeFileReadsWhatLineByLineReads(String ndjson) throws Exception {
        byte[] bytes = ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LogsCapture.Read slow = LogsCapture.readEntries(new java.io.ByteArrayInputStream(bytes));
        LogsCapture.Read fast = LogsCapture.readEntries(() -> new java.io.ByteArrayInputStream(bytes));
        assertThat(fast.entries()).usingRecursiveFieldByFieldElementComparator().isEqualTo(slow.entries());
        assertThat(fast.skipped()).isEqualTo(slow.skipped());
        assertThat(fast.firstSkipped()).isEqualTo(slow.firstSkipped());
    }
}
