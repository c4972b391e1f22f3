package io.pitwall.ui.logs;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A million log lines without an object per line: the text in large byte chunks (Latin-1 when
 * every character fits, else UTF-8), and per line a byte address, a length, a time, a stream id
 * (into a small table of {@link LogStream}s) and a level byte, in parallel arrays kept in time
 * order. Lines arrive in time order (appended) or not (merged pods, a late batch: inserted where
 * they belong); beyond the cap the oldest go first.
 *
 * <p>A line's index moves when older lines are evicted; its <em>id</em> ({@link #evicted()} plus
 * its index) does not, until a batch is inserted before it, which bumps {@link #version()}.
 * Thread-safe: one writer at a time, readers (the view drawing, searches in slices) in parallel,
 * each holding the lock only briefly.
 */
public final class LogBuffer {

    public static final int DEFAULT_CAP = 2_000_000;
    /**
     * A chunk's size: small enough never to be a G1 humongous object (half a region or more, which
     * takes whole regions: a 4 MB chunk in 4 MB regions would cost 8 MB), large enough to be few.
     */
    static final int CHUNK = (1 << 18) - 64;
    private static final int UTF8 = 0x80;
    private static final int LEVEL_BITS = 0x07;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int cap;

    // chunks of line bytes; a line never spans two. A freed chunk (all its lines evicted) is null.
    final List<byte[]> chunks = new ArrayList<>();
    private int[] chunkLive = new int[16];
    private int writeChunk = -1;
    private int writePos;

    // per line, at physical position head + index
    private int head;
    // the counters are written under the write lock and volatile, so that one alone is read without the lock
    private volatile int size;
    long[] addr = new long[1024];
    int[] length = new int[1024];
    long[] time = new long[1024];
    int[] stream = new int[1024];
    byte[] flags = new byte[1024];

    private final List<LogStream> streams = new ArrayList<>();
    private final Map<LogStream, Integer> streamIds = new HashMap<>();
    private final Map<LogStream, Integer> streamSeen = new IdentityHashMap<>();
    private volatile long evicted;
    private volatile long version;
    private volatile long received;

    public LogBuffer() {
        this(DEFAULT_CAP);
    }

    /** @param cap the most lines kept; beyond it the oldest are evicted */
    public LogBuffer(int cap) {
        if (cap <= 0) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
    }

    // --- writing ------------------------------------------------------------------------------

    /** Adds lines in any order; each lands after the lines older than or as old as it. */
    public void append(List<LogEntry> entries) {
        int m = entries.size();
        if (m == 0) {
            return;
        }
        // the costly part (levels, encoding) outside the lock
        byte[][] bytes = new byte[m][];
        byte[] fl = new byte[m];
        long[] t = new long[m];
        boolean sorted = true;
        for (int k = 0; k < m; k++) {
            LogEntry e = entries.get(k);
            String line = e.line();
            boolean latin1 = latin1(line);
            bytes[k] = line.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            fl[k] = (byte) (LevelDetector.detect(line).ordinal() | (latin1 ? 0 : UTF8));
            t[k] = e.epochNanos();
            sorted &= k == 0 || t[k] >= t[k - 1];
        }
        Integer[] order = null;
        if (!sorted) {
            order = new Integer[m];
            for (int k = 0; k < m; k++) {
                order[k] = k;
            }
            long[] tt = t;
            Arrays.sort(order, (a, b) -> Long.compare(tt[a], tt[b])); // stable: ties keep their order
        }
        lock.writeLock().lock();
        try {
            received += m;
            long[] newAddr = new long[m];
            int[] newStream = new int[m];
            long[] newTime = new long[m];
            int[] newLen = new int[m];
            byte[] newFlags = new byte[m];
            for (int j = 0; j < m; j++) {
                int k = order == null ? j : order[j];
                newAddr[j] = put(bytes[k]);
                newLen[j] = bytes[k].length;
                newStream[j] = streamId(entries.get(k).stream());
                newTime[j] = t[k];
                newFlags[j] = fl[k];
            }
            int p = upperBound(newTime[0]);
            ensureRoom(m);
            if (p == size) {
                int at = head + size;
                System.arraycopy(newAddr, 0, addr, at, m);
                System.arraycopy(newLen, 0, length, at, m);
                System.arraycopy(newTime, 0, time, at, m);
                System.arraycopy(newStream, 0, stream, at, m);
                System.arraycopy(newFlags, 0, flags, at, m);
                size += m;
            } else {
                merge(p, newAddr, newLen, newTime, newStream, newFlags);
                version++;
            }
            if (size > cap) {
                evict(size - cap);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Merges the sorted batch with the lines from index {@code p} on (all newer than the batch's first). */
    private void merge(int p, long[] bAddr, int[] bLen, long[] bTime, int[] bStream, byte[] bFlags) {
        int m = bAddr.length;
        int r = size - p;
        int from = head + p;
        long[] oAddr = Arrays.copyOfRange(addr, from, from + r);
        int[] oLen = Arrays.copyOfRange(length, from, from + r);
        long[] oTime = Arrays.copyOfRange(time, from, from + r);
        int[] oStream = Arrays.copyOfRange(stream, from, from + r);
        byte[] oFlags = Arrays.copyOfRange(flags, from, from + r);
        int i = 0;
        int j = 0;
        int out = from;
        while (i < r || j < m) {
            boolean old = j >= m || (i < r && oTime[i] <= bTime[j]);
            if (old) {
                addr[out] = oAddr[i];
                length[out] = oLen[i];
                time[out] = oTime[i];
                stream[out] = oStream[i];
                flags[out] = oFlags[i];
                i++;
            } else {
                addr[out] = bAddr[j];
                length[out] = bLen[j];
                time[out] = bTime[j];
                stream[out] = bStream[j];
                flags[out] = bFlags[j];
                j++;
            }
            out++;
        }
        size += m;
    }

    private void evict(int k) {
        for (int i = head; i < head + k; i++) {
            int c = (int) (addr[i] >>> 32);
            chunkLive[c] -= length[i];
            if (chunkLive[c] == 0 && c != writeChunk) {
                chunks.set(c, null);
            }
        }
        head += k;
        size -= k;
        evicted += k;
    }

    private void ensureRoom(int m) {
        if (head + size + m <= addr.length) {
            return;
        }
        int need = size + m;
        int capacity = addr.length;
        if (need > capacity / 2 || head == 0) {
            // grow by half, but not far past the cap (a full buffer evicts as much as it takes in)
            long grown = Math.max(need + (long) need / 2, 1024);
            capacity = (int) Math.max(need, Math.min(grown, cap + (long) cap / 4));
        }
        addr = move(addr, new long[capacity]);
        length = move(length, new int[capacity]);
        time = move(time, new long[capacity]);
        stream = move(stream, new int[capacity]);
        flags = move(flags, new byte[capacity]);
        head = 0;
    }

    private <A> A move(A from, A to) {
        System.arraycopy(from, head, to, 0, size);
        return to;
    }

    /** Stores a line's bytes, returning their address: chunk in the high int, offset in the low. */
    private long put(byte[] b) {
        if (writeChunk < 0 || writePos + b.length > chunks.get(writeChunk).length) {
            if (writeChunk >= 0 && chunkLive[writeChunk] == 0) {
                chunks.set(writeChunk, null);
            }
            chunks.add(new byte[Math.max(CHUNK, b.length)]);
            writeChunk = chunks.size() - 1;
            writePos = 0;
            if (writeChunk >= chunkLive.length) {
                chunkLive = Arrays.copyOf(chunkLive, chunkLive.length * 2);
            }
        }
        System.arraycopy(b, 0, chunks.get(writeChunk), writePos, b.length);
        long a = ((long) writeChunk << 32) | writePos;
        writePos += b.length;
        chunkLive[writeChunk] += b.length;
        return a;
    }

    private int streamId(LogStream s) {
        Integer id = streamSeen.get(s);
        if (id == null) {
            if (streamSeen.size() > 4096) {
                streamSeen.clear(); // a source that makes a new instance per batch must not grow this
            }
            id = streamIds.computeIfAbsent(s, k -> {
                streams.add(k);
                return streams.size() - 1;
            });
            streamSeen.put(s, id);
        }
        return id;
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** The first index whose time is after {@code t} (caller holds a lock). */
    private int upperBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[head + mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // --- reading ------------------------------------------------------------------------------

    public int size() {
        return size;
    }

    public int cap() {
        return cap;
    }

    /** How many lines were evicted so far: a line's id is this plus its index. */
    public long evicted() {
        return evicted;
    }

    /** Bumped when a batch lands before existing lines (their ids change). */
    public long version() {
        return version;
    }

    /** How many lines were ever given to {@link #append} (kept or since evicted). */
    public long received() {
        return received;
    }

    /** A consistent view of the counters: size, evicted, version. */
    public Counts counts() {
        lock.readLock().lock();
        try {
            return new Counts(size, evicted, version);
        } finally {
            lock.readLock().unlock();
        }
    }

    public record Counts(int size, long evicted, long version) {
    }

    /** The line's text; index in {@code [0, size())}. */
    public String line(int index) {
        lock.readLock().lock();
        try {
            int i = physical(index);
            long a = addr[i];
            return new String(chunks.get((int) (a >>> 32)), (int) a, length[i],
                    (flags[i] & UTF8) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One line's fields, read together under one lock so that they belong to the same line; reused by its one reader. */
    static final class Line {
        /** The text, cut at the characters asked for (never inside a surrogate pair). */
        String text;
        /** The whole text's length, in chars. */
        int length;
        long nanos;
        LogLevel level;
        LogStream stream;
    }

    /**
     * Reads the line {@code id} ({@link #evicted()} plus its index) into {@code into}, its text cut
     * at {@code maxChars}: false when the line is not held (evicted since the id was taken).
     */
    boolean read(long id, int maxChars, Line into) {
        lock.readLock().lock();
        try {
            long index = id - evicted;
            if (index < 0 || index >= size) {
                return false;
            }
            int i = head + (int) index;
            long a = addr[i];
            byte[] chunk = chunks.get((int) (a >>> 32));
            int off = (int) a;
            int len = length[i];
            if (utf8(flags[i])) {
                // chars from the bytes: one per lead byte, two for a 4-byte sequence (a surrogate pair)
                int chars = 0;
                int cut = len;
                for (int k = 0; k < len; k++) {
                    int b = chunk[off + k] & 0xFF;
                    if ((b & 0xC0) != 0x80) {
                        int units = b >= 0xF0 ? 2 : 1;
                        if (cut == len && chars + units > maxChars) {
                            cut = k;
                        }
                        chars += units;
                    }
                }
                into.length = chars;
                into.text = new String(chunk, off, cut, StandardCharsets.UTF_8);
            } else {
                into.length = len;
                into.text = new String(chunk, off, Math.min(len, Math.max(0, maxChars)), StandardCharsets.ISO_8859_1);
            }
            into.nanos = time[i];
            into.level = LogLevel.of(levelOrdinal(flags[i]));
            into.stream = streams.get(stream[i]);
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    public long timeNanos(int index) {
        lock.readLock().lock();
        try {
            return time[physical(index)];
        } finally {
            lock.readLock().unlock();
        }
    }

    public LogLevel level(int index) {
        lock.readLock().lock();
        try {
            return LogLevel.of(flags[physical(index)] & LEVEL_BITS);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The line's stream id, an index into {@link #streams()}. */
    public int streamId(int index) {
        lock.readLock().lock();
        try {
            return stream[physical(index)];
        } finally {
            lock.readLock().unlock();
        }
    }

    public LogStream stream(int index) {
        lock.readLock().lock();
        try {
            return streams.get(stream[physical(index)]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The distinct streams, in the order first seen (a stream's id is its position). */
    public List<LogStream> streams() {
        lock.readLock().lock();
        try {
            return List.copyOf(streams);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The first index whose time is at or after {@code nanos} ({@code size()} when none is). */
    public int firstAtOrAfter(long nanos) {
        lock.readLock().lock();
        try {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (time[head + mid] < nanos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The text bytes held now (live lines only), for the benchmark's report. */
    public long textBytes() {
        lock.readLock().lock();
        try {
            long sum = 0;
            for (int i = head; i < head + size; i++) {
                sum += length[i];
            }
            return sum;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The physical array position of an index; the caller holds a lock. */
    int physical(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return head + index;
    }

    /** Unchecked accessors for {@link LogMatcher}, under a read lock. */
    int sizeLocked() {
        return size;
    }

    int headLocked() {
        return head;
    }

    long evictedLocked() {
        return evicted;
    }

    long versionLocked() {
        return version;
    }

    static boolean utf8(byte flags) {
        return (flags & UTF8) != 0;
    }

    static int levelOrdinal(byte flags) {
        return flags & LEVEL_BITS;
    }
}
