package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.util.List;

/** A live tail: new lines as they are written, until closed. */
public interface LogTail extends AutoCloseable {

    /** Receives a tail's news, on a connector thread, one call at a time. */
    interface Listener {

        /** New lines, oldest first. */
        void entries(List<LogEntry> entries);

        /**
         * Lines the server dropped because the client was too slow (Loki's {@code dropped_entries}),
         * counted; {@code total} is the count since the tail opened.
         */
        default void dropped(long count, long total) {
        }

        /** The tail's connection changed: connected, reconnecting (and why), or given up (and why). */
        void state(TailState state);
    }

    /** Where a tail's connection stands. */
    sealed interface TailState {
        record Connected() implements TailState {
        }

        /** Lost and trying again after {@code retryInMillis}; {@code reason} is fit for the user. */
        record Reconnecting(String reason, long retryInMillis) implements TailState {
        }

        /** Given up (a 401/403/404/400, or closed by the caller); {@code reason} is fit for the user. */
        record Stopped(String reason) implements TailState {
        }
    }

    /** Stops the tail. Never throws. */
    @Override
    void close();
}
