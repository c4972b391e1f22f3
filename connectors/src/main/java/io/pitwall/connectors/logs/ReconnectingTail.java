package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * A live tail over a connection that may drop: it reconnects after a backoff, resuming from the
 * newest line it gave (no line twice, {@link TailResume}), and tells its listener, one call at a
 * time, of lines, dropped lines and where the connection stands. A connection that ends for
 * good (a refused query, missing credentials) stops it.
 */
final class ReconnectingTail implements LogTail {

    /** The default backoff: 1 s, 2 s, 4 s... up to 30 s. */
    static final LongUnaryOperator BACKOFF = attempt -> Math.min(30_000L, 1000L << Math.min(5, Math.max(0, attempt - 1)));

    /** Opens one connection from {@code resumeFromNanos} on; it reports through {@code events}. */
    @FunctionalInterface
    interface Connector {
        AutoCloseable open(long resumeFromNanos, Events events) throws Exception;
    }

    /** What one connection reports. Calls after the connection was replaced or the tail closed are ignored. */
    interface Events {
        void opened();

        void entries(List<LogEntry> entries);

        void dropped(int count);

        /** The connection ended; {@code permanent} stops the tail. */
        void ended(String reason, boolean permanent);
    }

    private final Connector connector;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final LongUnaryOperator backoff;
    private final TailResume resume;
    private int generation;
    private int attempt;
    private long droppedTotal;
    private AutoCloseable connection;
    private boolean closed;

    private ReconnectingTail(Connector connector, Listener listener, ScheduledExecutorService scheduler,
                             LongUnaryOperator backoff, long startNanos) {
        this.connector = connector;
        this.listener = listener;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.resume = new TailResume(startNanos);
    }

    /** Starts a tail from {@code startNanos}; the first connection opens on {@code scheduler}. */
    static ReconnectingTail start(Connector connector, Listener listener, ScheduledExecutorService scheduler,
                                  LongUnaryOperator backoff, long startNanos) {
        ReconnectingTail t = new ReconnectingTail(connector, listener, scheduler, backoff, startNanos);
        scheduler.execute(t::connect);
        return t;
    }

    private void connect() {
        int gen;
        long from;
        synchronized (this) {
            if (closed) {
                return;
            }
            gen = ++generation;
            from = resume.resumeFrom();
        }
        try {
            AutoCloseable c = connector.open(from, new ConnectionEvents(gen));
            boolean late;
            synchronized (this) {
                late = closed || gen != generation;
                if (!late) {
                    connection = c;
                }
            }
            if (late) {
                quietly(c);
            }
        } catch (Exception e) {
            ended(gen, LokiReplies.asLogQueryException(e).getMessage(), false);
        }
    }

    private final class ConnectionEvents implements Events {
        private final int gen;

        ConnectionEvents(int gen) {
            this.gen = gen;
        }

        @Override
        public void opened() {
            synchronized (ReconnectingTail.this) {
                if (current(gen)) {
                    attempt = 0;
                    listener.state(new TailState.Connected());
                }
            }
        }

        @Override
        public void entries(List<LogEntry> entries) {
            synchronized (ReconnectingTail.this) {
                if (current(gen)) {
                    List<LogEntry> fresh = resume.fresh(entries);
                    if (!fresh.isEmpty()) {
                        listener.entries(fresh);
                    }
                }
            }
        }

        @Override
        public void dropped(int count) {
            synchronized (ReconnectingTail.this) {
                if (current(gen) && count > 0) {
                    droppedTotal += count;
                    listener.dropped(count, droppedTotal);
                }
            }
        }

        @Override
        public void ended(String reason, boolean permanent) {
            ReconnectingTail.this.ended(gen, reason, permanent);
        }
    }

    private boolean current(int gen) {
        return !closed && gen == generation;
    }

    private void ended(int gen, String reason, boolean permanent) {
        AutoCloseable old;
        synchronized (this) {
            if (!current(gen)) {
                return;
            }
            old = connection;
            connection = null;
            generation++; // later events of the ended connection are ignored
            if (permanent) {
                closed = true;
                listener.state(new TailState.Stopped(reason));
            } else {
                long delay = backoff.applyAsLong(++attempt);
                try {
                    scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
                    listener.state(new TailState.Reconnecting(reason, delay));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    closed = true;
                    listener.state(new TailState.Stopped(reason + "; the source is closed"));
                }
            }
        }
        quietly(old);
    }

    @Override
    public void close() {
        AutoCloseable old;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            old = connection;
            connection = null;
            listener.state(new TailState.Stopped("closed"));
        }
        quietly(old);
    }

    private static void quietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a connection that already ended
            }
        }
    }
}
