package io.pitwall.bench;

import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogTail;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.themes.Theme;
import io.pitwall.ui.logs.LogView;
import io.pitwall.ui.logs.LogsView;
import io.pitwall.ui.logs.LogsViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A live tail of 20,000 generated lines a second for 60 s (in batches every 10 ms, as a Loki
 * websocket delivers them) through the app's path: a tail listener on its own thread appends to
 * the {@link LogsViewModel}'s buffer, the view hears of it once per pulse and follows the newest
 * line in a {@link LogsView} shown at 1600x1000 (dark theme). Prints the frame time (a pulse that
 * drew the lines, from its start to after the view drew and its Canvas was rasterised, forced by
 * a one-pixel snapshot as ChartRedraw does: median and p95), the FX thread's busy
 * share, and whether every line sent is in the buffer. {@code -Dpitwall.bench.seconds=N} and
 * {@code -Dpitwall.bench.rate=N} change the run.
 */
final class LogTailBenchmark {

    static final double BUDGET_MS = 16;

    record Figures(int seconds, int rate, long sent, long held, int frames, double median, double p95, double fxShare,
                   long shownLast) {
    }

    private LogTailBenchmark() {
    }

    /** A source whose tail is a generator on its own thread. */
    private static final class GeneratedTail implements LogsSource {
        final AtomicLong sent = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final int seconds;
        final int rate;

        GeneratedTail(int seconds, int rate) {
            this.seconds = seconds;
            this.rate = rate;
        }

        @Override
        public String describe() {
            return "generated tail";
        }

        @Override
        public boolean speaksLogQL() {
            return true;
        }

        @Override
        public CompletableFuture<LogResult> query(LogQuery query) {
            return CompletableFuture.completedFuture(new LogResult(query, List.of(), Optional.empty(), false, List.of()));
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
            running.set(true);
            Thread producer = Thread.ofPlatform().name("generated-tail").start(() -> {
                listener.state(new LogTail.TailState.Connected());
                GeneratedLogs gen = new GeneratedLogs(7, LogEntry.nanos(query.range().from()));
                int perBatch = rate / 100;
                long period = 10_000_000L;
                long start = System.nanoTime();
                long batches = (long) seconds * 100;
                for (long k = 0; k < batches && running.get(); k++) {
                    long wait = start + k * period - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    listener.entries(gen.next(perBatch, 50_000L));
                    sent.addAndGet(perBatch);
                }
                done.complete(null);
            });
            return () -> {
                running.set(false);
                producer.interrupt();
            };
        }
    }

    static Figures run() throws Exception {
        int seconds = Integer.getInteger("pitwall.bench.seconds", 60);
        int rate = Integer.getInteger("pitwall.bench.rate", 20_000);
        FxBench.start();
        GeneratedTail source = new GeneratedTail(seconds, rate);
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        long[] pulseStart = new long[1];
        long[] lastFrames = new long[1];
        List<Double> frameMillis = new ArrayList<>();
        AtomicBoolean measuring = new AtomicBoolean();
        javafx.scene.image.WritableImage pixel = new javafx.scene.image.WritableImage(1, 1);
        javafx.scene.SnapshotParameters onePixel = new javafx.scene.SnapshotParameters();
        // one pixel of the lines: rasterising it renders the view's Canvas (its text included)
        onePixel.setViewport(new javafx.geometry.Rectangle2D(200, 300, 1, 1));
        LogsView pane = FxBench.call(() -> {
            LogsViewModel vm = new LogsViewModel(source, background, Platform::runLater);
            LogsView v = new LogsView(vm);
            Scene scene = new Scene(v, 1600, 1000);
            Theme.DARK.apply(scene);
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            // after the view's own listener: it has drawn
            scene.addPostLayoutPulseListener(() -> {
                long f = v.lines().frames();
                if (measuring.get() && f != lastFrames[0]) {
                    v.lines().snapshot(onePixel, pixel);
                    frameMillis.add((System.nanoTime() - pulseStart[0]) / 1e6);
                }
                lastFrames[0] = f;
            });
            Instant now = Instant.now();
            vm.setRange(TimeRange.ending(now, Duration.ofMinutes(15)));
            vm.setScope(new LogScope.Namespace("sock-shop"));
            return v;
        });
        FxBench.settle();
        long fxThread = FxBench.call(() -> Thread.currentThread().threadId());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        measuring.set(true);
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long wall0 = System.nanoTime();
        FxBench.run(() -> pane.setLive(true));
        source.done.get();
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getThreadCpuTime(fxThread) - cpu0;
        measuring.set(false);
        FxBench.settle();
        LogView view = pane.lines();
        long held = FxBench.call(() -> (long) view.buffer().size());
        long shownLast = FxBench.call(() -> {
            int[] drawn = view.drawnLines();
            return drawn.length == 0 ? -1L : drawn[drawn.length - 1];
        });
        double[] d = FxBench.call(() -> frameMillis.stream().mapToDouble(Double::doubleValue).toArray());
        FxBench.run(() -> {
            pane.model().close();
            pane.getScene().getWindow().hide();
        });
        background.shutdownNow();
        return new Figures(seconds, rate, source.sent.get(), held, d.length, d.length == 0 ? 0 : FxBench.quantile(d, 0.5),
                d.length == 0 ? 0 : FxBench.quantile(d, 0.95), cpu / (double) wall, shownLast);
    }

    static void print(Figures f) {
        System.out.println();
        BenchMain.printBudget(String.format(Locale.ROOT, "log tail frame, %,d lines/s for %d s, median", f.rate(), f.seconds()),
                f.median(), "ms", BUDGET_MS);
        System.out.printf(Locale.ROOT, "%-46s %s%n", "lines kept after the tail:", f.held() == f.sent()
                ? String.format(Locale.ROOT, "all %,d (none dropped)", f.sent())
                : String.format(Locale.ROOT, "%,d of %,d sent: LOST %,d", f.held(), f.sent(), f.sent() - f.held()));
        System.out.printf(Locale.ROOT, "  frames that drew lines: %,d (p95 %.1f ms); FX thread busy %.1f %% of the run%n", f.frames(),
                f.p95(), 100 * f.fxShare());
        System.out.printf(Locale.ROOT, "  (LogsView at 1600x1000, dark, following: the last line drawn is %,d of %,d)%n", f.shownLast(),
                f.held() - 1);
    }

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }
}
