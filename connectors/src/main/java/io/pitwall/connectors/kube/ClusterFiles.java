package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Kubernetes objects of a bundle's {@code cluster/*.json}, which may come from anyone: JSON
 * only (never YAML, whose tags and aliases a bundle has no use for), one object or a v1 List of
 * them as the API serves them. Each item is read on its own: one that is not a Kubernetes object
 * is skipped and noted ("cluster/objects.json item 4: ..."), the others are kept. A file that is
 * not JSON at all, or not an object, is an {@link IOException} in plain words.
 */
public final class ClusterFiles {

    /** How many bad items of one file are noted one by one; the rest are counted in one note. */
    static final int MAX_NOTES = 20;

    private ClusterFiles() {
    }

    /** What a file held: its objects, and notes on the items that are not objects. */
    public record Read(List<HasMetadata> objects, List<String> notes) {

        public Read {
            objects = List.copyOf(objects);
            notes = List.copyOf(notes);
        }
    }

    /** Reads {@code in}; {@code name} names the file in notes and messages. */
    public static Read read(InputStream in, String name) throws IOException {
        ObjectMapper mapper = Serialization.jsonMapper();
        PushbackInputStream head = new PushbackInputStream(new java.io.BufferedInputStream(in, 1 << 16), 4);
        int first = firstNonBlank(head);
        if (first != '{') {
            throw new IOException(name + " is not a Kubernetes object in JSON (it " + (first < 0 ? "is empty"
                    : first == '[' ? "is a JSON array" : "does not start with '{'") + ")");
        }
        head.unread(first);
        JsonNode root;
        try {
            root = mapper.readTree(head);
        } catch (JacksonException e) {
            throw new IOException(name + " is not valid JSON (" + why(e) + ")", e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        JsonNode items = root.get("items");
        if (items != null && items.isArray() && root.path("kind").asString("").endsWith("List")) {
            int bad = 0;
            for (int i = 0; i < items.size(); i++) {
                String problem = add(mapper, items.get(i), objects);
                if (problem != null && ++bad <= MAX_NOTES) {
                    notes.add(name + " item " + (i + 1) + ": " + problem);
                }
            }
            if (bad > MAX_NOTES) {
                notes.add(name + ": " + (bad - MAX_NOTES) + " more items that are not Kubernetes objects");
            }
        } else {
            String problem = add(mapper, root, objects);
            if (problem != null) {
                throw new IOException(name + " is not a Kubernetes object: " + problem);
            }
        }
        return new Read(objects, notes);
    }

    /** Adds the object {@code node} holds; returns why it is not one, or null. */
    private static String add(ObjectMapper mapper, JsonNode node, List<HasMetadata> into) {
        if (!node.isObject()) {
            return "not a JSON object";
        }
        if (!node.path("kind").isString() || node.path("kind").asString().isBlank()) {
            return "it has no kind";
        }
        if (!node.path("metadata").isObject() || !node.path("metadata").path("name").isString()) {
            return "it has no metadata.name";
        }
        try {
            KubernetesResource r = mapper.treeToValue(node, KubernetesResource.class);
            if (r instanceof HasMetadata o) {
                into.add(o);
                return null;
            }
            return "kind " + node.path("kind").asString() + " of apiVersion " + node.path("apiVersion").asString("(none)")
                    + " is not an object with metadata";
        } catch (JacksonException e) {
            return "not read (" + (e instanceof tools.jackson.databind.DatabindException ? wrongType(e) : why(e)) + ")";
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // fabric8's deserializers throw these for a value of the wrong shape
            return "not read (" + io.pitwall.connectors.Errors.firstLine(e) + ")";
        }
    }

    /** Where a value of the wrong type sits ("spec.containers[0].ports"), without Jackson's Java type names. */
    static String wrongType(JacksonException e) {
        StringBuilder at = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                at.append(at.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                at.append('[').append(r.getIndex()).append(']');
            }
        }
        return at.isEmpty() ? "a value of the wrong type or form" : at + " holds a value of the wrong type or form";
    }

    private static int firstNonBlank(PushbackInputStream in) throws IOException {
        int c = in.read();
        if (c == 0xEF) {
            // a UTF-8 byte order mark
            int b = in.read();
            int d = in.read();
            if (b != 0xBB || d != 0xBF) {
                return c;
            }
            c = in.read();
        }
        while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = in.read();
        }
        return c;
    }

    /** The parser's words, one line, without the location Jackson appends. */
    static String why(JacksonException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        var at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return (m.length() > 160 ? m.substring(0, 160) + "..." : m) + where;
    }
}
