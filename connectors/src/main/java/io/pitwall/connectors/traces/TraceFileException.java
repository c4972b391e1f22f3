package io.pitwall.connectors.traces;

import java.io.IOException;

/**
 * A trace file or response that cannot be read: its message says why in words fit for the user
 * (empty, not JSON, cut short, JSON of another kind), without a stack trace.
 */
public class TraceFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public TraceFileException(String message) {
        super(message);
    }

    public TraceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
