package io.pitwall.ui.logs;

import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogQueryException;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogTail;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.ui.fx.PulseCoalescer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Logs pane's state: queries the session's logs for the selection over the time range (and a
 * LogQL query when the source speaks it), loads the answer into a {@link LogBuffer} off the FX
 * thread, and, when live, tails new lines into it (the view hears of them at most once per pulse).
 * Failures are shown in words (the source's {@link LogQueryException} message), never a trace.
 * Properties change on the FX thread only.
 */
public final class LogsViewModel implements AutoCloseable {

    /** What the pane shows. */
    public enum Phase { NO_SOURCE, NO_SCOPE, LOADING, EMPTY, LINES, FAILED }

    /** The most lines one query asks for (Loki's own default cap is 5,000). */
    public static final int DEFAULT_LIMIT = 5000;

    private final Optional<LogsSource> source;
    private final Executor background;
    private final Executor fx;
    private final PulseCoalescer<Boolean> appended;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong tails = new AtomicLong();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyObjectWrapper<LogBuffer> buffer = new ReadOnlyObjectWrapper<>(this, "buffer");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper tailState = new ReadOnlyStringWrapper(this, "tailState", "");
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private final LabelCompletion completion;
    private Runnable onAppended = () -> { };
    private LogScope scope;
    private TimeRange range;
    private String logql = "";
    private boolean live;
    private int limit = DEFAULT_LIMIT;
    private int cap = LogBuffer.DEFAULT_CAP;
    private LogTail tail;

    /**
     * @param source     the session's logs
     * @param background where answers are loaded into the buffer (virtual threads in the app)
     * @param fx         the FX thread ({@code Platform::runLater}; same-thread in tests)
     */
    public LogsViewModel(LogsSource source, Executor background, Executor fx) {
        this(Optional.of(source), background, fx);
    }

    /** A session may have no logs: then the pane says what to connect. */
    public LogsViewModel(Optional<LogsSource> source, Executor background, Executor fx) {
        this.source = Objects.requireNonNull(source, "source");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.appended = new PulseCoalescer<>(fx, x -> linesArrived());
        this.completion = new LabelCompletion(source, () -> range);
        phase.set(source.isPresent() ? Phase.NO_SCOPE : Phase.NO_SOURCE);
    }

    // --- inputs -------------------------------------------------------------------------------

    /** Whose logs (the selection); null for nothing selected. Loads. */
    public void setScope(LogScope next) {
        scope = next;
        reload();
    }

    /** The shared time range. Loads. */
    public void setRange(TimeRange next) {
        range = next;
        reload();
    }

    /** Live: after loading, new lines are tailed into the buffer until turned off. */
    public void setLive(boolean on) {
        if (on == live) {
            return;
        }
        live = on;
        if (!on) {
            stopTail("stopped");
        } else if (buffer.get() != null && phase.get() != Phase.FAILED && phase.get() != Phase.LOADING) {
            startTail(buffer.get(), generation.get());
        }
    }

    /** A LogQL query typed by the user ("" for the scope's streams); loads. Only when {@link #speaksLogQL()}. */
    public void setLogQL(String query) {
        logql = query == null ? "" : query.strip();
        reload();
    }

    public void setLimit(int lines) {
        limit = Math.max(1, lines);
    }

    /** The most lines the buffer keeps while tailing (the oldest go first). */
    public void setCap(int lines) {
        cap = Math.max(1, lines);
    }

    /** Called on the FX thread, at most once per pulse, when tailed lines arrived in the buffer. */
    public void setOnAppended(Runnable action) {
        onAppended = action == null ? () -> { } : action;
    }

    public boolean speaksLogQL() {
        return source.map(LogsSource::speaksLogQL).orElse(false);
    }

    /** "Loki", "Kubernetes log API"..., or "" without a source. */
    public String sourceName() {
        return source.map(LogsSource::describe).orElse("");
    }

    public Optional<LogScope> scope() {
        return Optional.ofNullable(scope);
    }

    public Optional<TimeRange> range() {
        return Optional.ofNullable(range);
    }

    public boolean live() {
        return live;
    }

    LabelCompletion completion() {
        return completion;
    }

    Executor background() {
        return background;
    }

    Executor fx() {
        return fx;
    }

    // --- loading ------------------------------------------------------------------------------

    /** Queries again for the scope, range and LogQL query (a newer query wins over one still running). */
    public void reload() {
        long mine = generation.incrementAndGet();
        stopTail("");
        if (source.isEmpty()) {
            set(Phase.NO_SOURCE, "");
            return;
        }
        if (scope == null || range == null) {
            set(Phase.NO_SCOPE, "");
            return;
        }
        set(Phase.LOADING, "Loading the logs of " + scope.title() + "…");
        LogsSource s = source.get();
        LogQuery query = new LogQuery(scope, s.speaksLogQL() ? logql : "", range, limit, true);
        int keep = cap;
        // asked off the FX thread: a bundle's or a file's source answers by filtering its lines there and then
        CompletableFuture.supplyAsync(() -> s.query(query), background).thenCompose(f -> f).thenApplyAsync(result -> {
            LogBuffer b = new LogBuffer(keep);
            b.append(result.entries());
            return new Loaded(result, b);
        }, background).whenComplete((loaded, error) -> fx.execute(() -> {
            if (generation.get() != mine) {
                return;
            }
            if (error != null) {
                buffer.set(null);
                set(Phase.FAILED, words(error));
                return;
            }
            buffer.set(loaded.buffer());
            set(loaded.buffer().size() == 0 ? Phase.EMPTY : Phase.LINES, notes(loaded.result()));
            if (live) {
                startTail(loaded.buffer(), mine);
            }
        }));
    }

    private record Loaded(LogResult result, LogBuffer buffer) {
    }

    private static String notes(LogResult r) {
        StringBuilder out = new StringBuilder();
        if (r.matrix().isPresent()) {
            out.append("A metric query: its series belong in the Metrics pane. ");
        }
        if (r.limited()) {
            out.append(String.format("The newest %,d lines of the range (the limit); narrow the range for older ones. ",
                    r.entries().size()));
        }
        r.warnings().forEach(w -> out.append(w).append(' '));
        return out.toString().strip();
    }

    /** A failure in words: the source's message, or the exception's, never a stack trace. */
    static String words(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof LogQueryException q) {
            return q.getMessage();
        }
        String m = e.getMessage();
        return "The logs could not be read: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
    }

    private void set(Phase p, String text) {
        phase.set(p);
        message.set(text == null ? "" : text);
    }

    // --- tailing ------------------------------------------------------------------------------

    private void startTail(LogBuffer into, long mine) {
        stopTail("");
        LogsSource s = source.orElseThrow();
        Instant start = into.size() > 0 ? Instant.ofEpochSecond(0, into.timeNanos(into.size() - 1) + 1) : range.to();
        TimeRange from = new TimeRange(start, start.plus(Duration.ofSeconds(1)).isAfter(range.to()) ? start.plus(Duration.ofSeconds(1))
                : range.to());
        LogQuery query = new LogQuery(scope, s.speaksLogQL() ? logql : "", from, limit, false);
        tailState.set("connecting…");
        dropped.set(0);
        long tailId = tails.incrementAndGet();
        tail = s.tail(query, new LogTail.Listener() {
            @Override
            public void entries(List<LogEntry> entries) {
                if (generation.get() == mine && tails.get() == tailId) {
                    into.append(entries);
                    appended.offer(Boolean.TRUE);
                }
            }

            @Override
            public void dropped(long count, long total) {
                fx.execute(() -> {
                    if (generation.get() == mine && tails.get() == tailId) {
                        dropped.set(total);
                    }
                });
            }

            @Override
            public void state(LogTail.TailState state) {
                fx.execute(() -> {
                    if (generation.get() == mine && tails.get() == tailId) {
                        tailState.set(describe(state));
                    }
                });
            }
        });
    }

    static String describe(LogTail.TailState state) {
        return switch (state) {
            case LogTail.TailState.Connected c -> "live";
            case LogTail.TailState.Reconnecting r -> "reconnecting: " + r.reason();
            case LogTail.TailState.Stopped s -> s.reason().isBlank() ? "stopped" : "stopped: " + s.reason();
        };
    }

    private void linesArrived() {
        LogBuffer b = buffer.get();
        if (b != null && phase.get() == Phase.EMPTY && b.size() > 0) {
            set(Phase.LINES, message.get());
        }
        onAppended.run();
    }

    private void stopTail(String why) {
        tails.incrementAndGet();
        if (tail != null) {
            tail.close();
            tail = null;
            tailState.set(why);
        }
    }

    /** Stops the tail. */
    @Override
    public void close() {
        generation.incrementAndGet();
        stopTail("stopped");
    }

    // --- state --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The loaded lines (a new buffer per query), or null. */
    public ReadOnlyObjectProperty<LogBuffer> bufferProperty() {
        return buffer.getReadOnlyProperty();
    }

    /** What went wrong (FAILED), or notes on the answer (limited, warnings), or what is loading. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The tail's state: "live", "reconnecting: why", "stopped: why", or "" when not tailing. */
    public ReadOnlyStringProperty tailStateProperty() {
        return tailState.getReadOnlyProperty();
    }

    /** Lines the server dropped since the tail opened (the client was too slow). */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }
}
