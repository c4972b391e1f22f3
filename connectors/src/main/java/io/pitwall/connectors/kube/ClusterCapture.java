package io.pitwall.connectors.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's part of an incident bundle:
 * <ul>
 *   <li>{@code cluster/objects.json}: a v1 List of the objects at capture time (events aside);</li>
 *   <li>{@code cluster/events.json}: a v1 EventList of the events last seen in the window;</li>
 *   <li>{@code cluster/watch.ndjson}: the watch events of the window, one JSON object a line:
 *       {@code at, type (ADDED|MODIFIED|DELETED), kind, namespace, name, resourceVersion, summary}.</li>
 * </ul>
 * Every object is redacted first ({@link Redaction}): secret values, then every string by the
 * writer's text rules (annotations, ConfigMap data, args, env values, event messages); the
 * manifest counts what was taken out.
 */
public final class ClusterCapture {

    public static final String OBJECTS = "cluster/objects.json";
    public static final String EVENTS = "cluster/events.json";
    public static final String WATCH = "cluster/watch.ndjson";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ClusterCapture() {
    }

    public static void write(BundleWriter writer, Collection<? extends HasMetadata> objects, List<WatchEvent> journal,
                             TimeRange window) throws IOException {
        List<Object> items = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        Map<String, Long> redacted = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            Map<String, Object> tree = ObjectYaml.redactedTree(o, (kind, n) -> redacted.merge(kind, n, Long::sum),
                    writer.redaction());
            if (o instanceof Event e) {
                if (window.contains(KubeMapping.event(e).last())) {
                    events.add(tree);
                }
            } else {
                items.add(tree);
            }
        }
        writer.add(OBJECTS, "application/json", utf8(ObjectYaml.json(list("List", items))));
        writer.add(EVENTS, "application/json", utf8(ObjectYaml.json(list("EventList", events))));
        writer.add(WATCH, "application/x-ndjson", out -> {
            for (WatchEvent e : journal) {
                if (window.contains(e.at())) {
                    out.write(JSON.writeValueAsBytes(line(e, writer)));
                    out.write('\n');
                }
            }
        });
        redacted.forEach((kind, n) -> {
            if (n > 0) {
                writer.countRedactions(kind, n);
            }
        });
    }

    /** The watch events of a {@code cluster/watch.ndjson}; a line that is not one is skipped. */
    public static List<WatchEvent> readWatch(InputStream in) throws IOException {
        return readWatchLines(in).events();
    }

    /**
     * What a {@code cluster/watch.ndjson} held, how many lines were not watch events, and whether
     * it went on past {@link #MAX_READ} events (not read).
     */
    public record Watch(List<WatchEvent> events, int skipped, boolean more) {

        public Watch(List<WatchEvent> events, int skipped) {
            this(events, skipped, false);
        }
    }

    /**
     * The most watch events read from a bundle: twice what a capture writes (the journal's
     * {@link ClusterJournal#DEFAULT_CAPACITY}); 4.5 million events in a 300 MiB entry took 40 s.
     */
    public static final int MAX_READ = 2 * ClusterJournal.DEFAULT_CAPACITY;

    /**
     * The watch events of a {@code cluster/watch.ndjson}: a line that is not one (not JSON, a
     * time that is not RFC 3339, an unknown type, no kind or name, too long) costs that line, not
     * the timeline; they are counted.
     */
    public static Watch readWatchLines(InputStream in) throws IOException {
        return readWatchLines(in, MAX_READ);
    }

    /** {@link #readWatchLines(InputStream)} up to {@code max} events. */
    static Watch readWatchLines(InputStream in, int max) throws IOException {
        List<WatchEvent> out = new ArrayList<>();
        int skipped = 0;
        var lines = io.pitwall.connectors.BoundedLines.utf8(in, io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS);
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line != io.pitwall.connectors.BoundedLines.TOO_LONG && line.isBlank()) {
                continue;
            }
            if (out.size() >= max) {
                return new Watch(out, skipped, true);
            }
            // a line without "kind" is no watch event: counted, not parsed
            WatchEvent e = line == io.pitwall.connectors.BoundedLines.TOO_LONG
                    || io.pitwall.connectors.BoundedLines.lacksKey(line, "kind") ? null : watchEvent(line);
            if (e == null) {
                skipped++;
            } else {
                out.add(e);
            }
        }
        return new Watch(out, skipped);
    }

    private static WatchEvent watchEvent(String line) {
        try {
            var n = JSON.readTree(line);
            if (!n.isObject() || !n.path("at").isTextual() || !n.path("type").isTextual() || !n.path("kind").isTextual()
                    || !n.path("name").isTextual()) {
                return null;
            }
            WatchEvent.Type type;
            try {
                type = WatchEvent.Type.valueOf(n.path("type").asText());
            } catch (IllegalArgumentException unknown) {
                return null;
            }
            return new WatchEvent(Instant.parse(n.path("at").asText()), type,
                    new KubeRef(n.path("kind").asText(), text(n.path("namespace")), n.path("name").asText()),
                    text(n.path("resourceVersion")), text(n.path("summary")));
        } catch (IOException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isTextual() ? n.asText() : n.isNumber() ? n.asText() : "";
    }

    private static ObjectNode line(WatchEvent e, BundleWriter writer) {
        ObjectNode n = JSON.createObjectNode();
        n.put("at", e.at().toString());
        n.put("type", e.type().name());
        n.put("kind", e.ref().kind());
        n.put("namespace", e.ref().namespace());
        n.put("name", e.ref().name());
        n.put("resourceVersion", e.resourceVersion());
        n.put("summary", writer.redact(e.summary())); // the images a change named, with a user's pattern in a tag
        return n;
    }

    private static Map<String, Object> list(String kind, List<Object> items) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", kind);
        list.put("metadata", Map.of());
        list.put("items", items);
        return list;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
