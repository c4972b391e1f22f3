package io.pitwall.connectors.metrics;

/** What a metric's values measure, so that axes and tooltips say "512 MiB", not "536870912". */
public enum Unit {
    /** CPU cores (0.25 = 250 millicores). */
    CORES,
    BYTES,
    BYTES_PER_SECOND,
    /** A plain count (restarts, pods). */
    COUNT,
    /** 0..1, shown as a percentage. */
    RATIO,
    SECONDS
}
