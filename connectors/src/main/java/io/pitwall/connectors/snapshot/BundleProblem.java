package io.pitwall.connectors.snapshot;

import java.util.Objects;

/**
 * Something that went wrong while capturing one signal, kept in the bundle so whoever opens it
 * knows what is missing and why: {@code logs: Loki answered 403}.
 *
 * @param signal  the signal concerned, e.g. {@code logs}
 * @param message what happened, in plain words
 */
public record BundleProblem(String signal, String message) {

    public BundleProblem {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return signal + ": " + message;
    }
}
