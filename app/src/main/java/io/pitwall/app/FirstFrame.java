package io.pitwall.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Notices the first frame after a window is shown: the second animation pulse starts only after
 * the first one, which laid out and painted the scene, has finished.
 *
 * <p>With the system property {@code pitwall.exitAfterFirstFrame}, Pitwall prints
 * {@link #MARKER} on standard output at its first frame and exits: the startup benchmark and
 * smoke checks time the real start-up path with it.
 */
public final class FirstFrame {

    public static final String MARKER = "pitwall: first frame";

    private FirstFrame() {
    }

    /** Runs {@code action} on the FX thread once the next frame has been painted. */
    public static void afterNextFrame(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /** Honours {@code -Dpitwall.exitAfterFirstFrame}: call right after the first window is shown. */
    public static void exitAfterFirstFrameIfAsked() {
        if (Boolean.getBoolean("pitwall.exitAfterFirstFrame")) {
            afterNextFrame(() -> {
                System.out.println(MARKER);
                System.out.flush();
                Platform.exit();
            });
        }
    }
}
