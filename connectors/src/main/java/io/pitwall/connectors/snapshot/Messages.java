package io.pitwall.connectors.snapshot;

import java.nio.file.Path;

/** Small pieces of the one-line messages users see. */
final class Messages {

    private Messages() {
    }

    /** The file as a message names it: its last segment, control characters escaped. */
    static String file(Path file) {
        if (file == null) {
            return "the bundle";
        }
        Path name = file.getFileName();
        String quoted = EntryPaths.quote(name == null ? file.toString() : name.toString());
        return quoted.substring(1, quoted.length() - 1);
    }

    /** A byte count, in MiB or GiB when it is a whole number of them. */
    static String bytes(long n) {
        long mib = 1024L * 1024L;
        long gib = 1024L * mib;
        if (n >= gib && n % gib == 0) {
            return n / gib + " GiB";
        }
        if (n >= mib && n % mib == 0) {
            return n / mib + " MiB";
        }
        return n == 1 ? "1 byte" : n + " bytes";
    }

    /** A message from elsewhere (the JDK, Jackson), cut to one short line. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("");
        String quoted = EntryPaths.quote(line);
        return quoted.substring(1, quoted.length() - 1);
    }
}
