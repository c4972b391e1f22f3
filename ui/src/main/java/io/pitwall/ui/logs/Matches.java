package io.pitwall.ui.logs;

import java.util.Arrays;

/**
 * The ids of the lines a {@link LogFilter} matched, ascending, over the ids {@code [fromId, toId)}
 * of a buffer at {@code version}; ids below the buffer's {@link LogBuffer#evicted()} have gone.
 */
public record Matches(long[] ids, int count, long fromId, long toId, long version) {

    public static Matches none(long version) {
        return new Matches(new long[0], 0, 0, 0, version);
    }

    /** This followed by {@code later} (which starts where this ends), as one. */
    public Matches concat(Matches later) {
        long[] all = Arrays.copyOf(ids, Math.max(count + later.count, 1));
        System.arraycopy(later.ids, 0, all, count, later.count);
        return new Matches(all, count + later.count, fromId, later.toId, later.version);
    }

    /** The position of the first id at or after {@code id} ({@code count} when none). */
    public int lowerBound(long id) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ids[mid] < id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Without the ids below {@code minId} (lines evicted since). */
    public Matches dropBelow(long minId) {
        int first = lowerBound(minId);
        if (first == 0) {
            return this;
        }
        return new Matches(Arrays.copyOfRange(ids, first, count), count - first, Math.max(fromId, minId), toId, version);
    }
}
