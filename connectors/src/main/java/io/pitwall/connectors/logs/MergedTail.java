package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several tails (one per container) as one: their lines reach the listener one call at a time;
 * the state is Connected while every member is, Stopped once every member has stopped (each one's
 * reason), else the first member's trouble, named.
 */
final class MergedTail implements LogTail {

    private final Listener listener;
    private final int size;
    private final List<LogTail> members = new CopyOnWriteArrayList<>();
    private final Map<String, TailState> states = new ConcurrentHashMap<>();
    private long droppedTotal;
    private TailState reported;
    private boolean closed;

    MergedTail(Listener listener, int size) {
        this.listener = listener;
        this.size = size;
        if (size == 0) {
            closed = true;
            listener.state(new TailState.Stopped("no pods to follow"));
        }
    }

    void add(LogTail member) {
        members.add(member);
    }

    /** The listener of the member named {@code title}. */
    Listener member(String title) {
        return new Listener() {
            @Override
            public void entries(List<LogEntry> entries) {
                synchronized (MergedTail.this) {
                    if (!closed) {
                        listener.entries(entries);
                    }
                }
            }

            @Override
            public void dropped(long count, long total) {
                synchronized (MergedTail.this) {
                    droppedTotal += count;
                    listener.dropped(count, droppedTotal);
                }
            }

            @Override
            public void state(TailState state) {
                synchronized (MergedTail.this) {
                    if (closed) {
                        return;
                    }
                    states.put(title, state);
                    report();
                }
            }
        };
    }

    private void report() {
        TailState s = states.size() < size ? null : new TailState.Connected(); // null: not every member has connected yet
        if (s != null && states.values().stream().allMatch(TailState.Stopped.class::isInstance)) {
            // nothing is left to follow or to retry: stopped, with each member's reason (they name their container)
            tell(new TailState.Stopped(String.join("; ", new java.util.TreeMap<>(states).values().stream()
                    .map(st -> ((TailState.Stopped) st).reason()).toList())));
            return;
        }
        for (Map.Entry<String, TailState> e : states.entrySet()) {
            switch (e.getValue()) {
                case TailState.Reconnecting r -> s = new TailState.Reconnecting(e.getKey() + ": " + r.reason(), r.retryInMillis());
                case TailState.Stopped st -> {
                    if (s == null || s instanceof TailState.Connected) {
                        s = new TailState.Reconnecting(e.getKey() + " stopped: " + st.reason(), 0);
                    }
                }
                default -> {
                }
            }
        }
        if (s != null) {
            tell(s);
        }
    }

    private void tell(TailState s) {
        if (!s.equals(reported)) {
            reported = s;
            listener.state(s);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        members.forEach(LogTail::close);
        synchronized (this) {
            listener.state(new TailState.Stopped("closed"));
        }
    }
}
