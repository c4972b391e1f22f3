package io.pitwall.connectors.snapshot;

/**
 * How much a reader accepts before it refuses a bundle, and how much a writer puts in one.
 * Sizes are uncompressed bytes, counted while streaming.
 *
 * @param maxEntryBytes    the largest single entry
 * @param maxTotalBytes    all entries together, {@code manifest.json} not included
 * @param maxEntries       how many entries, {@code manifest.json} not included
 * @param maxManifestBytes the largest {@code manifest.json}
 * @param maxRatio         how many times its compressed size an entry over {@link #RATIO_FLOOR} may
 *                         expand to (a reader's limit: a decompression bomb is refused before it is
 *                         inflated; real captures stay far below it, the most repetitive logs near 110)
 */
public record BundleLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries, long maxManifestBytes, int maxRatio) {

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    /** Entries up to this size may expand by any ratio: a mebibyte costs nothing to read. */
    public static final long RATIO_FLOOR = MIB;
    /** The default {@link #maxRatio}: deflate expands at most about 1,030 times, what a bomb does. */
    public static final int DEFAULT_RATIO = 400;

    /** 1 GiB per entry, 4 GiB in all, 10,000 entries, a 16 MiB manifest, 400 times compressed. */
    public static final BundleLimits DEFAULT = new BundleLimits(GIB, 4 * GIB, 10_000, 16 * MIB, DEFAULT_RATIO);

    public BundleLimits {
        if (maxEntryBytes < 0 || maxTotalBytes < 0 || maxEntries < 0 || maxManifestBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("bundle limits must not be negative: " + maxEntryBytes + ", "
                    + maxTotalBytes + ", " + maxEntries + ", " + maxManifestBytes + ", " + maxRatio);
        }
    }

    /** Limits with the default {@link #maxRatio}. */
    public BundleLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries, long maxManifestBytes) {
        this(maxEntryBytes, maxTotalBytes, maxEntries, maxManifestBytes, DEFAULT_RATIO);
    }
}
