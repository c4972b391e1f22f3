package io.pitwall.ui.logs;

import java.util.function.IntConsumer;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;

/**
 * The log view's two scroll bars, in whole rows and columns: set from what the view shows
 * ({@link #sync}), and what the user drags reported back (never the bars' own echo of a sync).
 */
final class LogScrollBars {

    final ScrollBar vertical = new ScrollBar();
    final ScrollBar horizontal = new ScrollBar();
    private boolean syncing;

    /**
     * @param onRow    the top row the user scrolled to
     * @param onColumn the first column the user scrolled to
     */
    LogScrollBars(IntConsumer onRow, IntConsumer onColumn) {
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setId("log-vbar");
        horizontal.setId("log-hbar");
        vertical.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                onRow.accept((int) Math.round(b.doubleValue()));
            }
        });
        horizontal.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                onColumn.accept((int) Math.round(b.doubleValue()));
            }
        });
    }

    /**
     * @param count    rows in all
     * @param lastTop  the top row that shows the last row at the bottom
     * @param visible  rows that fit the view
     * @param top      the top row shown
     * @param longest  the longest line drawn, in characters
     * @param columns  characters that fit the view's width
     * @param column   the first column shown
     */
    void sync(int count, int lastTop, int visible, int top, int longest, int columns, int column) {
        syncing = true;
        vertical.setMin(0);
        vertical.setMax(Math.max(0, lastTop));
        vertical.setVisibleAmount(Math.max(1, Math.min(count, visible)));
        vertical.setBlockIncrement(Math.max(1, visible - 1));
        vertical.setValue(top);
        vertical.setDisable(lastTop == 0);
        horizontal.setMax(Math.max(0, longest - 10));
        horizontal.setVisibleAmount(Math.max(1, columns));
        horizontal.setValue(column);
        syncing = false;
    }
}
