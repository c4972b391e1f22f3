package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a tail stands, so that a reconnect resumes without duplicates: the newest time seen and
 * the lines already given at that very time. A reconnect asks from that time on (inclusive: a
 * line written in the same nanosecond, or the same second for the Kubernetes log API, is not
 * lost) and {@link #fresh} drops what was already given. Not thread-safe: one tail's events come
 * one at a time.
 */
final class TailResume {

    private long last;
    private final Set<Key> atLast = new HashSet<>();

    private record Key(Object stream, String line) {
    }

    /** @param start where the tail begins (nanoseconds since the epoch): older lines are dropped */
    TailResume(long start) {
        this.last = start;
    }

    /** The time to resume from (nanoseconds since the epoch). */
    long resumeFrom() {
        return last;
    }

    /** The entries (ascending) not given before; remembers them. */
    List<LogEntry> fresh(List<LogEntry> entries) {
        List<LogEntry> out = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            long t = e.epochNanos();
            if (t < last) {
                continue;
            }
            Key k = new Key(e.stream().labels(), e.line());
            if (t == last) {
                if (!atLast.add(k)) {
                    continue;
                }
            } else {
                last = t;
                atLast.clear();
                atLast.add(k);
            }
            out.add(e);
        }
        return out;
    }
}
