package io.pitwall.app.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * JavaFX without a display, for the CLI: Monocle's headless platform and the software
 * renderer, started once per process, with work handed to the FX thread and waited for.
 */
final class HeadlessFx {

    private HeadlessFx() {
    }

    /**
     * Makes Monocle's headless screen at least {@code width} by {@code height} (its default,
     * 1280x800, is smaller than a 1600x1000 render, and a stage larger than the screen overflows
     * its frame buffer). Takes effect only before the toolkit starts.
     */
    static void screenAtLeast(int width, int height) {
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", Math.max(1280, width) + "x" + Math.max(800, height) + "-32");
        }
    }

    /** Starts the toolkit headless (unless something already started it). */
    static void start() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T call(Callable<T> work, long timeout, TimeUnit unit) throws Exception {
        start();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout, unit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("rendering took longer than " + unit.toSeconds(timeout) + " s");
        }
    }

    /** Lays out the scene, draws it and encodes it as PNG. FX thread. */
    static byte[] snapshot(Scene scene) throws IOException {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return png(scene.snapshot(null));
    }

    private static byte[] png(WritableImage image) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(buffered, "png", png);
        return png.toByteArray();
    }
}
