package io.pitwall.ui.logs;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the view's search off the FX thread (an injected executor) and hands the result to the FX
 * thread; a new search cancels the one running (its slices stop, its answer is dropped). Lines
 * appended since are searched on their own and added ({@link #extend}).
 */
final class LogSearch {

    /**
     * What a search found: the hits of the text among the kept levels (null without text), and the
     * lines to show (null: every line; in filter mode the hits; else the lines of the kept levels).
     */
    record Found(LogBuffer buffer, LogFilter filter, boolean filterMode, Matches hits, Matches rows) {
    }

    private final Executor background;
    private final Executor fx;
    private final Consumer<Found> sink;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean extending;

    LogSearch(Executor background, Executor fx, Consumer<Found> sink) {
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.sink = sink;
    }

    /** Searches the whole buffer; the previous search, if running, stops. */
    void run(LogBuffer buffer, LogFilter filter, boolean filterMode) {
        long mine = generation.incrementAndGet();
        if (buffer == null || filter.matchesEverything()) {
            fx.execute(() -> deliver(mine, new Found(buffer, filter, filterMode, null, null)));
            return;
        }
        background.execute(() -> {
            Found found = search(buffer, filter, filterMode, null, mine);
            if (found != null) {
                fx.execute(() -> deliver(mine, found));
            }
        });
    }

    /** Searches only the lines appended since {@code found} (all of them if some were inserted among them). */
    void extend(Found found) {
        if (found.buffer() == null || (found.hits() == null && found.rows() == null) || extending) {
            return;
        }
        long mine = generation.get();
        extending = true;
        background.execute(() -> {
            try {
                Found more = search(found.buffer(), found.filter(), found.filterMode(), found, mine);
                if (more != null) {
                    fx.execute(() -> deliver(mine, more));
                }
            } finally {
                extending = false;
            }
        });
    }

    private void deliver(long mine, Found found) {
        if (generation.get() == mine) {
            sink.accept(found);
        }
    }

    private Found search(LogBuffer b, LogFilter f, boolean filterMode, Found since, long mine) {
        java.util.function.BooleanSupplier cancelled = () -> generation.get() != mine;
        boolean incremental = since != null && b.version() == anyVersion(since);
        Matches hits = null;
        if (f.hasText()) {
            hits = incremental ? more(b, f, since.hits(), cancelled) : LogMatcher.match(b, f, cancelled);
            if (hits == null) {
                return null;
            }
        }
        Matches rows = null;
        if (filterMode && f.hasText()) {
            rows = hits;
        } else if ((f.levels() & LogLevel.ALL_MASK) != LogLevel.ALL_MASK) {
            LogFilter levels = LogFilter.ALL.withLevels(f.levels());
            rows = incremental ? more(b, levels, since.rows(), cancelled) : LogMatcher.match(b, levels, cancelled);
            if (rows == null) {
                return null;
            }
        }
        return new Found(b, f, filterMode, hits, rows);
    }

    private static long anyVersion(Found f) {
        return f.hits() != null ? f.hits().version() : f.rows().version();
    }

    private static Matches more(LogBuffer b, LogFilter f, Matches before, java.util.function.BooleanSupplier cancelled) {
        Matches later = LogMatcher.match(b, f, before.toId(), cancelled);
        return later == null ? null : before.concat(later).dropBelow(b.evicted());
    }
}
