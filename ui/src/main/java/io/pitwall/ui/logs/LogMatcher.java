package io.pitwall.ui.logs;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Runs a {@link LogFilter} over a {@link LogBuffer}: in slices of lines, each under a brief read
 * lock (a live tail keeps appending meanwhile), the slices in parallel. A plain needle is looked
 * for in the stored bytes themselves (ASCII bytes mean the same in Latin-1 and UTF-8, so an ASCII
 * needle folds case byte by byte); a regular expression reads Latin-1 lines through a
 * CharSequence over their bytes and decodes only UTF-8 ones. Never on the FX thread.
 */
public final class LogMatcher {

    static final int SLICE = 1 << 15;
    private static final byte[] LOWER = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    private LogMatcher() {
    }

    /** Every matching line, or null when {@code cancelled} turned true first. */
    public static Matches match(LogBuffer buffer, LogFilter filter, BooleanSupplier cancelled) {
        return match(buffer, filter, 0, cancelled);
    }

    /**
     * The matching lines whose ids are at or after {@code fromId} (lines appended since an earlier
     * search), or null when cancelled. Starts over if a batch lands among the lines meanwhile.
     */
    public static Matches match(LogBuffer buffer, LogFilter filter, long fromId, BooleanSupplier cancelled) {
        while (true) {
            LogBuffer.Counts c = buffer.counts();
            long from = Math.max(fromId, c.evicted());
            long to = c.evicted() + c.size();
            int slices = (int) ((to - from + SLICE - 1) / SLICE);
            long[][] parts = IntStream.range(0, slices).parallel()
                    .mapToObj(s -> slice(buffer, filter, from + (long) s * SLICE, Math.min(to, from + (long) (s + 1) * SLICE),
                            c.version(), cancelled))
                    .toArray(long[][]::new);
            if (cancelled.getAsBoolean()) {
                return null;
            }
            boolean moved = false;
            int total = 0;
            for (long[] p : parts) {
                moved |= p == null;
                total += p == null ? 0 : (int) p[0];
            }
            if (moved) {
                continue; // a batch was inserted among the lines: their ids changed
            }
            long[] ids = new long[total];
            int at = 0;
            for (long[] p : parts) {
                int n = (int) p[0];
                System.arraycopy(p, 1, ids, at, n);
                at += n;
            }
            return new Matches(ids, total, from, to, c.version());
        }
    }

    /** One slice's matches as {count, id, id, ...}, or null when the buffer's version moved. */
    private static long[] slice(LogBuffer b, LogFilter f, long fromId, long toId, long version, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return new long[1];
        }
        Search search = new Search(f);
        b.lock.readLock().lock();
        try {
            if (b.versionLocked() != version) {
                return null;
            }
            long evicted = b.evictedLocked();
            int lo = (int) Math.max(0, fromId - evicted);
            int hi = (int) Math.min(b.sizeLocked(), toId - evicted);
            long[] out = new long[Math.max(1, hi - lo + 1)];
            int n = 0;
            int head = b.headLocked();
            List<byte[]> chunks = b.chunks;
            for (int i = lo; i < hi; i++) {
                int p = head + i;
                byte fl = b.flags[p];
                if ((f.levels() & (1 << LogBuffer.levelOrdinal(fl))) == 0) {
                    continue;
                }
                if (f.hasText()) {
                    long a = b.addr[p];
                    if (!search.test(chunks.get((int) (a >>> 32)), (int) a, b.length[p], LogBuffer.utf8(fl))) {
                        continue;
                    }
                }
                out[++n] = evicted + i;
            }
            out[0] = n;
            return n + 1 < out.length / 2 ? java.util.Arrays.copyOf(out, n + 1) : out;
        } finally {
            b.lock.readLock().unlock();
        }
    }

    /** One thread's search state: needles, a matcher, a reusable view of Latin-1 bytes. */
    private static final class Search {
        private final boolean bytes;
        private final boolean fold;
        private final byte[] latin1;
        private final byte[] utf8;
        private final Matcher matcher;
        private final Latin1Chars chars = new Latin1Chars();

        Search(LogFilter f) {
            bytes = f.byteSearch();
            fold = !f.caseSensitive();
            latin1 = bytes ? f.needle(false) : null;
            utf8 = bytes ? f.needle(true) : null;
            Pattern pattern = bytes || !f.hasText() ? null : f.pattern();
            matcher = pattern == null ? null : pattern.matcher("");
        }

        boolean test(byte[] chunk, int off, int len, boolean isUtf8) {
            if (bytes) {
                byte[] n = isUtf8 ? utf8 : latin1;
                return n != null && (fold ? containsFolded(chunk, off, len, n) : contains(chunk, off, len, n));
            }
            if (isUtf8) {
                matcher.reset(new String(chunk, off, len, java.nio.charset.StandardCharsets.UTF_8));
            } else {
                chars.set(chunk, off, len);
                matcher.reset(chars);
            }
            return matcher.find();
        }
    }

    static boolean contains(byte[] h, int from, int len, byte[] n) {
        int nl = n.length;
        int last = from + len - nl;
        byte first = n[0];
        for (int i = from; i <= last; i++) {
            if (h[i] != first) {
                continue;
            }
            int k = 1;
            while (k < nl && h[i + k] == n[k]) {
                k++;
            }
            if (k == nl) {
                return true;
            }
        }
        return false;
    }

    /** {@code n} is lower case ASCII: the haystack's ASCII capitals are lowered as they are read. */
    static boolean containsFolded(byte[] h, int from, int len, byte[] n) {
        int nl = n.length;
        int last = from + len - nl;
        byte first = n[0];
        byte firstUpper = (byte) (first >= 'a' && first <= 'z' ? first - 32 : first);
        for (int i = from; i <= last; i++) {
            byte b = h[i];
            if (b != first && b != firstUpper) {
                continue;
            }
            int k = 1;
            while (k < nl && LOWER[h[i + k] & 0xFF] == n[k]) {
                k++;
            }
            if (k == nl) {
                return true;
            }
        }
        return false;
    }

    /** Latin-1 bytes as chars, without copying: one per search thread, moved from line to line. */
    private static final class Latin1Chars implements CharSequence {
        private byte[] a;
        private int off;
        private int len;

        void set(byte[] bytes, int offset, int length) {
            a = bytes;
            off = offset;
            len = length;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return (char) (a[off + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(a, off + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(a, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** Lines per level in time buckets over {@code [from, to)}: counts[level][bucket]. */
    public static int[][] volume(LogBuffer b, long fromNanos, long toNanos, int buckets) {
        int[][] counts = new int[LogLevel.ALL.size()][buckets];
        double width = Math.max(1, (toNanos - fromNanos) / (double) buckets);
        b.lock.readLock().lock();
        try {
            int head = b.headLocked();
            int end = head + b.sizeLocked();
            for (int i = head; i < end; i++) {
                long t = b.time[i];
                if (t >= fromNanos && t < toNanos) {
                    counts[LogBuffer.levelOrdinal(b.flags[i])][Math.min(buckets - 1, (int) ((t - fromNanos) / width))]++;
                }
            }
        } finally {
            b.lock.readLock().unlock();
        }
        return counts;
    }

    /** Hits per time bucket over {@code [from, to)}: where the search hits are, for the histogram. */
    public static int[] hitVolume(LogBuffer b, Matches hits, long fromNanos, long toNanos, int buckets) {
        int[] counts = new int[buckets];
        double width = Math.max(1, (toNanos - fromNanos) / (double) buckets);
        b.lock.readLock().lock();
        try {
            if (hits.version() != b.versionLocked()) {
                return counts;
            }
            long evicted = b.evictedLocked();
            int head = b.headLocked();
            int size = b.sizeLocked();
            for (int k = hits.lowerBound(evicted); k < hits.count(); k++) {
                long index = hits.ids()[k] - evicted;
                if (index >= size) {
                    break;
                }
                long t = b.time[head + (int) index];
                if (t >= fromNanos && t < toNanos) {
                    counts[Math.min(buckets - 1, (int) ((t - fromNanos) / width))]++;
                }
            }
        } finally {
            b.lock.readLock().unlock();
        }
        return counts;
    }
}
