package io.pitwall.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * JavaFX for the frame benchmarks: the software renderer (what headless Monocle offers, and the
 * same with a display, so figures compare), Monocle when there is no DISPLAY; work handed to the
 * FX thread and waited for.
 */
final class FxBench {

    private static boolean started;

    private FxBench() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32");
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("java.awt.headless", "true");
        }
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Lets pulses and queued work run (a few frames' time). */
    static void settle() throws Exception {
        Thread.sleep(100);
        run(() -> { });
        Thread.sleep(50);
        run(() -> { });
    }

    /** The value at quantile {@code q} (0..1) of {@code values} (sorted here). */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1) + 0.5))];
    }
}
