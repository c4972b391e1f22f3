package io.pitwall.ui.logs;

/**
 * The rows the view shows over a buffer: every line, or the lines a filter kept (their ids), as
 * they stand now (lines evicted since the filter ran are skipped).
 */
final class RowMap {

    private final Matches rows;
    private final long evicted;
    private final int first;
    private final int count;

    RowMap(LogBuffer.Counts counts, Matches rows) {
        this.rows = rows;
        this.evicted = counts.evicted();
        if (rows == null) {
            first = 0;
            count = counts.size();
        } else {
            first = rows.lowerBound(evicted);
            int end = rows.lowerBound(evicted + counts.size());
            count = end - first;
        }
    }

    int count() {
        return count;
    }

    /** The line index shown at {@code row}. */
    int index(int row) {
        return rows == null ? row : (int) (rows.ids()[first + row] - evicted);
    }

    long id(int row) {
        return evicted + index(row);
    }

    /** The first row showing the line {@code index} or a later one ({@code count()} when none). */
    int rowOf(int index) {
        return rows == null ? index : rows.lowerBound(evicted + index) - first;
    }

    /** The row of the line with {@code id}, or the first after it. */
    int rowOfId(long id) {
        return rowOf((int) Math.max(0, id - evicted));
    }

    long evicted() {
        return evicted;
    }
}
