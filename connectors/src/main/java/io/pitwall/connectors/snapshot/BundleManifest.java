package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.model.TimeRange;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code manifest.json} says: where the bundle comes from, the window it covers, and every
 * entry with its size and SHA-256. The layout is specified in {@code docs/bundle-format.md}.
 *
 * @param formatVersion {@code major.minor}; this code writes {@value #FORMAT_VERSION} and reads every 1.x
 * @param appVersion    the Pitwall version that captured the bundle
 * @param createdAt     when the bundle was written
 * @param cluster       the cluster name, or null if unknown
 * @param context       the kubeconfig context name, or null if unknown
 * @param timeRange     the window the captured signals cover
 * @param namespaces    the namespaces captured; empty means not restricted
 * @param entries       every file in the bundle except {@code manifest.json}, in the order written
 * @param redactions    how many values capture redacted, by kind; empty if none
 * @param problems      what could not be captured and why; empty if nothing went wrong
 */
public record BundleManifest(
        String formatVersion,
        String appVersion,
        Instant createdAt,
        String cluster,
        String context,
        TimeRange timeRange,
        List<String> namespaces,
        List<BundleEntry> entries,
        Map<String, Long> redactions,
        List<BundleProblem> problems) {

    /** The format this code writes. */
    public static final String FORMAT_VERSION = "1.0";
    /** The format major version this code reads. */
    public static final int FORMAT_MAJOR = 1;

    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

    public BundleManifest {
        Objects.requireNonNull(formatVersion, "formatVersion");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(timeRange, "timeRange");
        if (!VERSION.matcher(formatVersion).matches()) {
            throw new IllegalArgumentException("format version must be major.minor: " + EntryPaths.quote(formatVersion));
        }
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        entries = entries == null ? List.of() : List.copyOf(entries);
        problems = problems == null ? List.of() : List.copyOf(problems);
        if (redactions == null || redactions.isEmpty()) {
            redactions = Map.of();
        } else {
            TreeMap<String, Long> sorted = new TreeMap<>();
            redactions.forEach((kind, count) -> {
                Objects.requireNonNull(kind, "redaction kind");
                if (Objects.requireNonNull(count, "redaction count") < 0) {
                    throw new IllegalArgumentException("negative redaction count for " + kind + ": " + count);
                }
                sorted.put(kind, count);
            });
            redactions = Collections.unmodifiableMap(sorted);
        }
    }

    /**
     * The header a capture starts from: format {@value #FORMAT_VERSION}, no entries, no
     * redactions, no problems. {@link BundleWriter} fills in the rest.
     */
    public static BundleManifest header(String appVersion, Instant createdAt, String cluster, String context,
            TimeRange timeRange, List<String> namespaces) {
        return new BundleManifest(FORMAT_VERSION, appVersion, createdAt, cluster, context, timeRange, namespaces,
                List.of(), Map.of(), List.of());
    }

    /** This manifest as {@code manifest.json} holds it, as a JSON tree. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJsonTree() {
        return ManifestCodec.toTree(this);
    }

    /** The major part of {@link #formatVersion()}. */
    public int formatMajor() {
        return versionPart(formatVersion, 1);
    }

    /** The minor part of {@link #formatVersion()}. */
    public int formatMinor() {
        return versionPart(formatVersion, 2);
    }

    /** This manifest with other entries, redactions and problems. */
    BundleManifest with(List<BundleEntry> newEntries, Map<String, Long> newRedactions, List<BundleProblem> newProblems) {
        return new BundleManifest(formatVersion, appVersion, createdAt, cluster, context, timeRange, namespaces,
                newEntries, newRedactions, newProblems);
    }

    /** Whether {@code version} is a well-formed {@code major.minor} version. */
    static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** The major part of a well-formed version. */
    static int major(String version) {
        return versionPart(version, 1);
    }

    private static int versionPart(String version, int group) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("format version must be major.minor: " + version);
        }
        return Integer.parseInt(m.group(group));
    }
}
