package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.TimeRange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A logs source for tests that only need one to exist (Loki or the log API): queries fail with
 * "not asked here", label lists are empty, a tail is refused; a test overrides what it drives.
 */
public class StubLogsSource implements LogsSource {

    private final String name;
    private final boolean logql;

    public StubLogsSource(String name, boolean logql) {
        this.name = name;
        this.logql = logql;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public boolean speaksLogQL() {
        return logql;
    }

    @Override
    public CompletableFuture<LogResult> query(LogQuery query) {
        return CompletableFuture.failedFuture(new IllegalStateException("not asked here"));
    }

    @Override
    public CompletableFuture<List<String>> labelNames(TimeRange range) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public LogTail tail(LogQuery query, LogTail.Listener listener) {
        throw new IllegalStateException("this stub does not tail");
    }
}
