package io.pitwall.ui.topology;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.paint.Color;

/**
 * The theme's colour tokens as the topology draws with them, read through hidden labels styled
 * with each token (a Canvas has no CSS of its own). Re-read when the theme changes.
 */
final class TopologyColours {

    private final io.pitwall.ui.fx.TokenProbes tokens = new io.pitwall.ui.fx.TokenProbes(io.pitwall.ui.fx.TokenProbes.COMMON);
    private final Map<PodHealth, Color> health = new EnumMap<>(PodHealth.class);
    private final Map<Badge.Severity, Color> severity = new EnumMap<>(Badge.Severity.class);

    TopologyColours() {
        read();
    }

    /** The hidden labels, to be added to the view's children. */
    Iterable<? extends Node> probes() {
        return tokens.probes();
    }

    /** Reads the tokens again (after a theme change). */
    void read() {
        tokens.read();
        health.put(PodHealth.RUNNING, get("-pw-ok"));
        health.put(PodHealth.PENDING, get("-pw-info"));
        health.put(PodHealth.NOT_READY, get("-pw-warn"));
        health.put(PodHealth.CRASH_LOOPING, get("-pw-critical"));
        health.put(PodHealth.FAILED, get("-pw-critical").interpolate(get("-pw-fg-muted"), 0.45));
        health.put(PodHealth.EVICTED, get("-pw-series-4"));
        health.put(PodHealth.SUCCEEDED, get("-pw-fg-muted").interpolate(get("-pw-bg"), 0.5));
        severity.put(Badge.Severity.INFO, get("-pw-info"));
        severity.put(Badge.Severity.WARNING, get("-pw-warn"));
        severity.put(Badge.Severity.CRITICAL, get("-pw-critical"));
    }

    Color get(String token) {
        return tokens.get(token);
    }

    Color health(PodHealth h) {
        return health.get(h);
    }

    Color severity(Badge.Severity s) {
        return severity.get(s);
    }

    Color bg() {
        return get("-pw-bg");
    }

    Color subtle() {
        return get("-pw-bg-subtle");
    }

    Color inset() {
        return get("-pw-bg-inset");
    }

    Color fg() {
        return get("-pw-fg");
    }

    Color muted() {
        return get("-pw-fg-muted");
    }

    Color border() {
        return get("-pw-border");
    }

    Color accent() {
        return get("-pw-accent");
    }
}
