package io.pitwall.connectors.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A bundle that cannot be read or written as it is. The message is one line, fit to show a user:
 * it names the file, the entry when there is one, and the problem in plain words.
 */
public final class BundleException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, for callers that react differently to different problems. */
    public enum Reason {
        /** Empty, missing, truncated, not a zip, or a zip without {@code manifest.json}. */
        NOT_A_BUNDLE,
        /** An entry cannot be decompressed, or holds a different number of bytes than listed. */
        CORRUPT,
        /** The manifest's format major version is not 1. */
        UNSUPPORTED_VERSION,
        /** An entry name that could escape a folder or confuse a file system (zip-slip). */
        UNSAFE_PATH,
        /** Over one of the {@link BundleLimits}. */
        TOO_LARGE,
        /** An entry's SHA-256 differs from the manifest's. */
        CHECKSUM_MISMATCH,
        /** The manifest lists an entry the zip does not hold, or a caller asked for one. */
        MISSING_ENTRY,
        /** The zip holds an entry the manifest does not list. */
        UNLISTED_ENTRY,
        /** Two entries with the same name (compared ignoring case). */
        DUPLICATE_ENTRY,
        /** {@code manifest.json} is not JSON, or a field is missing or malformed. */
        BAD_MANIFEST
    }

    private final Reason reason;
    private final transient Path file;
    private final String entry;

    /**
     * @param reason  what is wrong
     * @param file    the bundle file
     * @param entry   the entry concerned, or null
     * @param message the whole one-line message, already naming the file and the entry
     */
    public BundleException(Reason reason, Path file, String entry, String message) {
        this(reason, file, entry, message, null);
    }

    public BundleException(Reason reason, Path file, String entry, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file;
        this.entry = entry;
    }

    public Reason reason() {
        return reason;
    }

    /** The bundle file, or null if it is not known. */
    public Path file() {
        return file;
    }

    /** The entry name concerned (as found, possibly unsafe), or null. */
    public String entry() {
        return entry;
    }
}
