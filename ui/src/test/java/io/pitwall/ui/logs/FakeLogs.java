package io.pitwall.ui.logs;

import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogTail;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A logs source that answers from what the test gave it, on the calling thread; its tail is driven by the test. */
final class FakeLogs implements LogsSource {

    static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    static final LogStream CARTS = new LogStream(Map.of("namespace", "sock-shop", "pod", "carts-7d9f-abc12", "container", "carts"));
    static final LogStream ORDERS = new LogStream(Map.of("namespace", "sock-shop", "pod", "orders-5c6b-xyz34", "container", "orders"));

    final List<LogQuery> queries = new ArrayList<>();
    final List<LogQuery> tails = new ArrayList<>();
    List<LogEntry> lines = List.of();
    CompletableFuture<LogResult> answer;
    boolean logql = true;
    LogTail.Listener listener;
    boolean tailClosed;

    @Override
    public String describe() {
        return "Loki";
    }

    @Override
    public boolean speaksLogQL() {
        return logql;
    }

    @Override
    public CompletableFuture<LogResult> query(LogQuery query) {
        queries.add(query);
        if (answer != null) {
            return answer;
        }
        return CompletableFuture.completedFuture(new LogResult(query, lines, Optional.empty(), false, List.of()));
    }

    @Override
    public CompletableFuture<List<String>> labelNames(TimeRange range) {
        return CompletableFuture.completedFuture(List.of("namespace", "pod", "container", "app"));
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
        return CompletableFuture.completedFuture(label.equals("namespace") ? List.of("sock-shop", "kube-system") : List.of());
    }

    @Override
    public LogTail tail(LogQuery query, LogTail.Listener l) {
        tails.add(query);
        listener = l;
        tailClosed = false;
        return () -> tailClosed = true;
    }

    /** {@code n} lines a second apart from T0, mixed formats; every 97th says "payment declined" (an error). */
    static List<LogEntry> mixed(int n) {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(line(i));
        }
        return out;
    }

    static LogEntry line(int i) {
        long t = LogEntry.nanos(T0) + i * 1_000_000_000L;
        LogStream s = i % 2 == 0 ? CARTS : ORDERS;
        String text;
        if (i % 97 == 5) {
            text = "{\"level\":\"error\",\"msg\":\"payment declined\",\"order\":" + i
                    + ",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
        } else if (i % 10 == 3) {
            text = "level=warn msg=\"slow query\" took=" + (i % 900) + "ms line=" + i;
        } else if (i % 3 == 0) {
            text = "2026-11-24 03:00:00.000  INFO 1 --- [main] c.w.s.carts.CartResource : GET /carts/" + i;
        } else {
            text = "I1124 03:00:00.000000       1 handler.go:42] served request " + i;
        }
        return new LogEntry(t, s, text);
    }
}
