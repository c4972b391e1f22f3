package io.pitwall.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code mapping.json}; every part is optional and what is left out keeps its default:
 * <pre>{@code
 * {
 *   "prometheus": {"namespace": "kubernetes_namespace", "pod": "kubernetes_pod_name",
 *                  "container": "container_name", "node": "node"},
 *   "traces":     {"namespace": ["k8s.namespace.name"], "pod": ["k8s.pod.name"],
 *                  "deployment": ["k8s.deployment.name"], "service": ["service.name"]}
 * }
 * }</pre>
 * A file that is not valid is refused as a whole with one sentence saying where.
 */
public final class SignalMappings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARTS = Set.of("prometheus", "traces");

    private SignalMappings() {
    }

    /** A mapping file that cannot be used, in words. */
    public static final class BadMapping extends Exception {
        public BadMapping(String message) {
            super(message);
        }
    }

    /** The file's mapping; the defaults when there is no file. */
    public static SignalMapping read(Path file) throws BadMapping {
        String text;
        try {
            if (Files.size(file) > 1 << 20) {
                throw new BadMapping(file + " is larger than 1 MiB: it cannot be a mapping");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return SignalMapping.DEFAULTS;
        } catch (IOException e) {
            throw new BadMapping(file + " cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** {@code text} as a mapping; {@code where} names it in messages. */
    public static SignalMapping parse(String text, String where) throws BadMapping {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadMapping(where + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadMapping(where + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadMapping(where + " must hold one JSON object with \"prometheus\" or \"traces\"");
        }
        for (String name : (Iterable<String>) root::fieldNames) {
            if (!PARTS.contains(name)) {
                throw new BadMapping(where + ": unknown part \"" + name + "\" (known: prometheus, traces)");
            }
        }
        PromLabels d = PromLabels.DEFAULTS;
        JsonNode p = object(root, "prometheus", where);
        PromLabels prometheus;
        try {
            prometheus = new PromLabels(text(p, "namespace", d.namespace(), where), text(p, "pod", d.pod(), where),
                    text(p, "container", d.container(), where), text(p, "node", d.node(), where));
        } catch (IllegalArgumentException e) {
            throw new BadMapping(where + ": prometheus: " + e.getMessage());
        }
        TraceAttributes t = TraceAttributes.DEFAULTS;
        JsonNode tr = object(root, "traces", where);
        TraceAttributes traces = new TraceAttributes(list(tr, "namespace", t.namespace(), where), list(tr, "pod", t.pod(), where),
                list(tr, "deployment", t.deployment(), where), list(tr, "service", t.service(), where));
        return new SignalMapping(prometheus, traces);
    }

    private static JsonNode object(JsonNode root, String name, String where) throws BadMapping {
        JsonNode n = root.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return JSON.createObjectNode();
        }
        if (!n.isObject()) {
            throw new BadMapping(where + ": \"" + name + "\" must be an object");
        }
        return n;
    }

    private static String text(JsonNode part, String name, String fallback, String where) throws BadMapping {
        JsonNode n = part.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new BadMapping(where + ": \"" + name + "\" must be a label name in quotes");
        }
        return n.asText().trim();
    }

    private static List<String> list(JsonNode part, String name, List<String> fallback, String where) throws BadMapping {
        JsonNode n = part.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isTextual() || e.asText().isBlank()) {
                    throw new BadMapping(where + ": traces." + name + " must list attribute names in quotes");
                }
                out.add(e.asText().trim());
            }
        } else {
            throw new BadMapping(where + ": traces." + name + " must be a list of attribute names");
        }
        if (out.isEmpty()) {
            throw new BadMapping(where + ": traces." + name + " is empty (leave it out for the defaults)");
        }
        return out;
    }
}
