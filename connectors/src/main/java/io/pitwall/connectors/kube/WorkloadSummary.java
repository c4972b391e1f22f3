package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.pitwall.connectors.model.KubeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a Deployment, StatefulSet, DaemonSet or ReplicaSet stood after a watched change, as a
 * {@link io.pitwall.connectors.model.WatchEvent}'s summary carries it: readable in the Events pane
 * and parsed back by the timeline ("replicas 3, ready 2, revision 4, image app=carts:0.4.9,
 * image was app=carts:0.4.8, owner Deployment carts"). The "was" parts are there only when the
 * change altered them.
 *
 * @param replicas         the replicas it wants (a DaemonSet: the nodes it should run on), -1 when unknown
 * @param previousReplicas what it wanted before the change, -1 when unchanged or unknown
 * @param ready            its ready pods, -1 when unknown
 * @param revision         the {@code deployment.kubernetes.io/revision} annotation, "" when none
 * @param images           its pod template's images by container, in the template's order
 * @param previousImages   the images that the change replaced, by container (empty when none changed)
 * @param owner            its controller (a ReplicaSet's Deployment), if any
 */
public record WorkloadSummary(int replicas, int previousReplicas, int ready, String revision, Map<String, String> images,
                              Map<String, String> previousImages, Optional<KubeRef> owner) {

    public static final String REVISION = "deployment.kubernetes.io/revision";

    public WorkloadSummary {
        revision = revision == null ? "" : revision;
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
        previousImages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previousImages));
        owner = owner == null ? Optional.empty() : owner;
    }

    /** Whether {@code object} is a kind this summary describes. */
    public static boolean describes(HasMetadata object) {
        return object instanceof Deployment || object instanceof StatefulSet || object instanceof DaemonSet
                || object instanceof ReplicaSet;
    }

    /**
     * The summary of {@code after}, with what changed from {@code before} (null for an added or
     * deleted object); empty for other kinds.
     */
    public static Optional<WorkloadSummary> of(HasMetadata before, HasMetadata after) {
        Optional<WorkloadSummary> now = of(after);
        if (now.isEmpty() || before == null) {
            return now;
        }
        Optional<WorkloadSummary> was = of(before);
        if (was.isEmpty()) {
            return now;
        }
        WorkloadSummary n = now.get();
        WorkloadSummary w = was.get();
        Map<String, String> replaced = new LinkedHashMap<>();
        w.images().forEach((c, image) -> {
            if (n.images().containsKey(c) && !n.images().get(c).equals(image)) {
                replaced.put(c, image);
            }
        });
        int previous = w.replicas() != n.replicas() ? w.replicas() : -1;
        return Optional.of(new WorkloadSummary(n.replicas(), previous, n.ready(), n.revision(), n.images(), replaced, n.owner()));
    }

    private static Optional<WorkloadSummary> of(HasMetadata o) {
        int replicas;
        int ready;
        PodTemplateSpec template;
        switch (o) {
            case Deployment d -> {
                replicas = d.getSpec() == null ? -1 : orMinus(d.getSpec().getReplicas());
                ready = d.getStatus() == null ? -1 : orZero(d.getStatus().getReadyReplicas());
                template = d.getSpec() == null ? null : d.getSpec().getTemplate();
            }
            case StatefulSet s -> {
                replicas = s.getSpec() == null ? -1 : orMinus(s.getSpec().getReplicas());
                ready = s.getStatus() == null ? -1 : orZero(s.getStatus().getReadyReplicas());
                template = s.getSpec() == null ? null : s.getSpec().getTemplate();
            }
            case DaemonSet s -> {
                replicas = s.getStatus() == null ? -1 : orMinus(s.getStatus().getDesiredNumberScheduled());
                ready = s.getStatus() == null ? -1 : orZero(s.getStatus().getNumberReady());
                template = s.getSpec() == null ? null : s.getSpec().getTemplate();
            }
            case ReplicaSet r -> {
                replicas = r.getSpec() == null ? -1 : orMinus(r.getSpec().getReplicas());
                ready = r.getStatus() == null ? -1 : orZero(r.getStatus().getReadyReplicas());
                template = r.getSpec() == null ? null : r.getSpec().getTemplate();
            }
            case null, default -> {
                return Optional.empty();
            }
        }
        Map<String, String> images = new LinkedHashMap<>();
        if (template != null && template.getSpec() != null && template.getSpec().getContainers() != null) {
            for (Container c : template.getSpec().getContainers()) {
                images.put(Objects.requireNonNullElse(c.getName(), ""), Objects.requireNonNullElse(c.getImage(), ""));
            }
        }
        Map<String, String> annotations = o.getMetadata() == null ? null : o.getMetadata().getAnnotations();
        String revision = annotations == null ? "" : annotations.getOrDefault(REVISION, "");
        return Optional.of(new WorkloadSummary(replicas, -1, ready, revision, images, Map.of(), KubeMapping.owner(o)));
    }

    private static int orMinus(Integer i) {
        return i == null ? -1 : i;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    /** The summary's text, as the watch event keeps it. */
    public String text() {
        StringBuilder s = new StringBuilder();
        if (replicas >= 0) {
            part(s, "replicas " + replicas);
        }
        if (previousReplicas >= 0) {
            part(s, "replicas was " + previousReplicas);
        }
        if (ready >= 0) {
            part(s, "ready " + ready);
        }
        if (!revision.isEmpty()) {
            part(s, "revision " + revision);
        }
        images.forEach((c, image) -> part(s, "image " + c + "=" + image));
        previousImages.forEach((c, image) -> part(s, "image was " + c + "=" + image));
        owner.ifPresent(r -> part(s, "owner " + r.kind() + " " + r.name()));
        return s.toString();
    }

    private static void part(StringBuilder s, String p) {
        if (!s.isEmpty()) {
            s.append(", ");
        }
        s.append(p);
    }

    /**
     * Reads a summary {@link #text()} wrote back, in {@code namespace} (the owner's); empty when
     * {@code text} is not one (a pod's summary, or an older bundle's empty one).
     */
    public static Optional<WorkloadSummary> parse(String text, String namespace) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int replicas = -1;
        int previous = -1;
        int ready = -1;
        String revision = "";
        Map<String, String> images = new LinkedHashMap<>();
        Map<String, String> was = new LinkedHashMap<>();
        Optional<KubeRef> owner = Optional.empty();
        boolean any = false;
        try {
            for (String part : text.split(", ")) {
                if (part.startsWith("replicas was ")) {
                    previous = Integer.parseInt(part.substring(13));
                } else if (part.startsWith("replicas ")) {
                    replicas = Integer.parseInt(part.substring(9));
                } else if (part.startsWith("ready ")) {
                    ready = Integer.parseInt(part.substring(6));
                } else if (part.startsWith("revision ")) {
                    revision = part.substring(9);
                } else if (part.startsWith("image was ")) {
                    pair(part.substring(10), was);
                } else if (part.startsWith("image ")) {
                    pair(part.substring(6), images);
                } else if (part.startsWith("owner ") && part.indexOf(' ', 6) > 0) {
                    int sp = part.indexOf(' ', 6);
                    owner = Optional.of(new KubeRef(part.substring(6, sp), namespace, part.substring(sp + 1)));
                } else {
                    return Optional.empty();
                }
                any = true;
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return any ? Optional.of(new WorkloadSummary(replicas, previous, ready, revision, images, was, owner)) : Optional.empty();
    }

    private static void pair(String kv, Map<String, String> into) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
            into.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
    }
}
