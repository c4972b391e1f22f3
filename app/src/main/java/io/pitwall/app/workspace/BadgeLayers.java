package io.pitwall.app.workspace;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.topology.Badge;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The topology's badges from every pane that marks objects (firing alerts, security findings): one
 * badge per object, the loudest of its layers' (the earlier layer on a tie), handed on whenever a
 * layer changes.
 */
final class BadgeLayers {

    /** Who marks objects, in the order that wins a tie. */
    enum Layer {
        ALERTS, SECURITY
    }

    private final Map<Layer, Map<KubeRef, Badge>> layers = new EnumMap<>(Layer.class);
    private final Consumer<Map<KubeRef, Badge>> target;

    BadgeLayers(Consumer<Map<KubeRef, Badge>> target) {
        this.target = target;
    }

    void set(Layer layer, Map<KubeRef, Badge> badges) {
        layers.put(layer, Map.copyOf(badges));
        Map<KubeRef, Badge> merged = new HashMap<>();
        layers.values().forEach(m -> m.forEach((ref, b) -> merged.merge(ref, b, Badge::louder)));
        target.accept(merged);
    }
}
