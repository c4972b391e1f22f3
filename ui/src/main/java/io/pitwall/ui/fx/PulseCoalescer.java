package io.pitwall.ui.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the latest of many values from any thread to the FX thread, at most one hand-over in
 * flight at a time: a flood of a thousand watch events costs one redraw, not a thousand.
 *
 * <p>Producers call {@link #offer} from any thread; the newest value wins. The first offer after
 * a delivery schedules one task on the FX executor ({@code Platform::runLater} in the app, a
 * same-thread executor in tests); that task takes whatever is newest when it runs.
 */
public final class PulseCoalescer<T> {

    private final Executor fxExecutor;
    private final Consumer<? super T> sink;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public PulseCoalescer(Executor fxExecutor, Consumer<? super T> sink) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Records {@code value} as the newest state; schedules a delivery unless one is pending. */
    public void offer(T value) {
        latest.set(Objects.requireNonNull(value, "value"));
        if (scheduled.compareAndSet(false, true)) {
            fxExecutor.execute(this::deliver);
        }
    }

    private void deliver() {
        // clear the flag first: an offer racing with this delivery schedules the next one
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            sink.accept(value);
        }
    }
}
