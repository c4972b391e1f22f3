package io.pitwall.ui.logs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;

/**
 * Follow mode: while on, the view keeps the newest line in view; scrolling away pauses it, and a
 * button counts the lines that arrived since ("1,204 new lines — resume") and follows again.
 * FX thread only.
 */
final class LogFollow {

    final BooleanProperty on;
    final ReadOnlyLongWrapper newLines;
    final Button button = new Button();
    private final Runnable toEnd;
    private long received;

    /**
     * @param bean  the view, the properties' bean
     * @param toEnd scrolls the view to its last line
     */
    LogFollow(Object bean, Runnable toEnd) {
        this.toEnd = toEnd;
        on = new SimpleBooleanProperty(bean, "follow");
        newLines = new ReadOnlyLongWrapper(bean, "newLines");
        button.setId("log-resume");
        button.getStyleClass().addAll("accent", "small");
        button.setVisible(false);
        button.setOnAction(e -> resume());
        on.addListener((o, a, b) -> {
            if (b) {
                resume();
            }
        });
        newLines.addListener((o, a, b) -> {
            button.setText(String.format("%,d new lines — resume", b.longValue()));
            button.setVisible(b.longValue() > 0 && !on.get());
        });
    }

    boolean isOn() {
        return on.get();
    }

    /** Stops following (the user scrolled or moved away from the end). */
    void pause() {
        on.set(false);
    }

    /** A new buffer, which had received {@code count} lines: none of them is new. */
    void reset(long count) {
        received = count;
        newLines.set(0);
    }

    /** The buffer has now received {@code count} lines in all: while paused, those since are counted. */
    void arrived(long count) {
        long came = count - received;
        received = count;
        if (!on.get()) {
            newLines.set(newLines.get() + came);
        }
    }

    /** Follows the newest lines again. */
    void resume() {
        newLines.set(0);
        if (!on.get()) {
            on.set(true);
            return; // the listener calls back
        }
        toEnd.run();
    }

    /** Centres the button above {@code bottom} in a view {@code w} wide. */
    void layout(double w, double bottom) {
        button.autosize();
        button.relocate((w - button.getWidth()) / 2, bottom - button.getHeight() - 12);
    }
}
