package io.pitwall.connectors.session;

import java.time.Duration;
import java.util.Objects;

/** Where a signal's source stands, as the status bar and the panes' empty states show it. */
public sealed interface SourceState {

    /** One line for the status bar. */
    String summary();

    /** Answering normally. */
    record Connected(String endpoint) implements SourceState {
        public Connected {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public String summary() {
            return "connected to " + endpoint;
        }
    }

    /** Being reached for the first time. */
    record Connecting(String endpoint) implements SourceState {
        @Override
        public String summary() {
            return "connecting to " + endpoint;
        }
    }

    /** Answering, but slower than it should. */
    record Slow(String endpoint, Duration latency) implements SourceState {
        @Override
        public String summary() {
            return "slow (" + latency.toMillis() + " ms) at " + endpoint;
        }
    }

    /** Not answering, or answering with errors; {@code reason} is fit to show the user. */
    record Failing(String reason) implements SourceState {
        public Failing {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String summary() {
            return "failing: " + reason;
        }
    }

    /** Nothing configured for this signal; {@code whatToConnect} says what would be. */
    record NotConfigured(String whatToConnect) implements SourceState {
        @Override
        public String summary() {
            return "not connected";
        }
    }

    /**
     * Served from an incident bundle, with no network.
     *
     * @param present  whether the bundle holds this signal
     * @param contents what it holds of it, e.g. "metrics/query_range.json (53 KB)"
     */
    record Offline(String bundleName, boolean present, String contents) implements SourceState {
        @Override
        public String summary() {
            return present ? "offline bundle " + bundleName : "not in bundle " + bundleName;
        }
    }
}
