package io.pitwall.connectors.snapshot;

/**
 * How much a reader accepts before it refuses a bundle, and how much a writer puts in one.
 * Sizes are uncompressed bytes, counted while streaming.
 *
 * @param maxEntryBytes    the largest single entry
 * @param maxTotalBytes    all entries together, {@code manifest.json} not included
 * @param maxEntries       how many entries, {@code manifest.json} not included
 * @param maxManifestBytes the largest {@code manifest.json}
 */
public record BundleLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries, long maxManifestBytes) {

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    /** 1 GiB per entry, 4 GiB in all, 10,000 entries, a 16 MiB manifest. */
    public static final BundleLimits DEFAULT = new BundleLimits(GIB, 4 * GIB, 10_000, 16 * MIB);

    public BundleLimits {
        if (maxEntryBytes < 0 || maxTotalBytes < 0 || maxEntries < 0 || maxManifestBytes < 1) {
            throw new IllegalArgumentException("bundle limits must not be negative: " + maxEntryBytes + ", "
                    + maxTotalBytes + ", " + maxEntries + ", " + maxManifestBytes);
        }
    }
}
