package io.pitwall.connectors;

/** Turning exceptions into the one line a person reads. */
public final class Errors {

    private Errors() {
    }

    /** The first line of {@code e}'s message, or its class name when it has none. */
    public static String firstLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
