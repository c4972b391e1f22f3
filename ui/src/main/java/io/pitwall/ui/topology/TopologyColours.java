package io.pitwall.ui.topology;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The theme's colour tokens as the topology draws with them, read through hidden labels styled
 * with each token (a Canvas has no CSS of its own). Re-read when the theme changes.
 */
final class TopologyColours extends io.pitwall.ui.fx.TokenProbes {

    private final Map<PodHealth, Color> health = new EnumMap<>(PodHealth.class);
    private final Map<Badge.Severity, Color> severity = new EnumMap<>(Badge.Severity.class);

    TopologyColours() {
        read();
    }

    /** Reads the tokens again (after a theme change). */
    @Override
    public void read() {
        super.read();
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

    Color health(PodHealth h) {
        return health.get(h);
    }

    Color severity(Badge.Severity s) {
        return severity.get(s);
    }

}
