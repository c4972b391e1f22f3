package io.pitwall.connectors.prometheus;

/**
 * What {@code /api/v1/status/buildinfo} says about the server (Prometheus, Thanos, Mimir and
 * VictoriaMetrics answer it). Fields it lacks are "".
 */
public record BuildInfo(String version, String revision, String branch, String buildDate, String goVersion) {

    /** "Prometheus 2.53.0" or the version alone. */
    public String summary() {
        return version.isEmpty() ? "unknown version" : "version " + version;
    }
}
