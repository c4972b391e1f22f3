package io.pitwall.ui.logs;

/**
 * The selected lines, by id (so that they stay selected while older lines are evicted): the
 * anchor (where a Shift-extended selection started) and the lead (the line last clicked or moved
 * to). FX thread only; the painter reads it to shade what is selected.
 */
final class LogSelection {

    /** The most lines Ctrl+C copies at once. */
    static final int COPY_MAX = 100_000;

    private long anchor = -1;
    private long lead = -1;

    void clear() {
        anchor = -1;
        lead = -1;
    }

    /** Selects the line {@code id}: alone, or from the anchor to it when {@code extend}. */
    void select(long id, boolean extend) {
        if (!extend || anchor < 0) {
            anchor = id;
        }
        lead = id;
    }

    /** The line last selected, or -1. */
    long lead() {
        return lead;
    }

    boolean isEmpty() {
        return lead < 0;
    }

    boolean contains(long id) {
        return lead >= 0 && id >= Math.min(anchor, lead) && id <= Math.max(anchor, lead);
    }

    /** The selected lines as shown in {@code rows} (at most {@link #COPY_MAX}), each ended by a newline. */
    String text(LogBuffer buffer, RowMap rows) {
        if (lead < 0 || rows == null || rows.count() == 0) {
            return "";
        }
        int a = rows.rowOfId(Math.min(anchor, lead));
        int b = Math.min(rows.count() - 1, rows.rowOfId(Math.max(anchor, lead)));
        if (b - a + 1 > COPY_MAX) {
            b = a + COPY_MAX - 1;
        }
        StringBuilder out = new StringBuilder();
        LogBuffer.Line line = new LogBuffer.Line();
        for (int row = a; row <= b; row++) {
            if (buffer.read(rows.id(row), Integer.MAX_VALUE, line)) { // by id: lines evicted since are skipped
                out.append(line.text).append('\n');
            }
        }
        return out.toString();
    }
}
