package io.pitwall.connectors.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Falco events into {@link SecurityFinding}s: Falco's JSON output ({@code json_output: true}, one
 * event per line in its file output), the payload falcosidekick receives (the same JSON, with a
 * {@code uuid}), and the streams falcosidekick writes to Loki. Every field is kept in the
 * finding's payload; the time keeps its nanoseconds; the object is the pod of
 * {@code k8s.ns.name} + {@code k8s.pod.name}, or for k8s audit events the target of
 * {@code ka.target.*}.
 */
public final class FalcoEvents {

    /** A LogQL selector for the streams falcosidekick's Loki output writes (they all carry rule and priority). */
    public static final String LOKI_SELECTOR = "{rule=~\".+\", priority=~\".+\"}";

    private static final String NA = "<NA>";
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("pods", "Pod"), Map.entry("serviceaccounts", "ServiceAccount"), Map.entry("secrets", "Secret"),
            Map.entry("configmaps", "ConfigMap"), Map.entry("services", "Service"), Map.entry("namespaces", "Namespace"),
            Map.entry("nodes", "Node"), Map.entry("deployments", "Deployment"), Map.entry("daemonsets", "DaemonSet"),
            Map.entry("statefulsets", "StatefulSet"), Map.entry("replicasets", "ReplicaSet"), Map.entry("jobs", "Job"),
            Map.entry("cronjobs", "CronJob"), Map.entry("roles", "Role"), Map.entry("clusterroles", "ClusterRole"),
            Map.entry("rolebindings", "RoleBinding"), Map.entry("clusterrolebindings", "ClusterRoleBinding"),
            Map.entry("endpoints", "Endpoints"), Map.entry("ingresses", "Ingress"),
            Map.entry("networkpolicies", "NetworkPolicy"), Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"));

    private FalcoEvents() {
    }

    /** One event: a JSON object (on one line or pretty-printed). */
    public static SecurityFinding event(String json) throws SecurityParseException {
        List<SecurityFinding> all = lines(json, "");
        if (all.size() != 1) {
            throw new SecurityParseException("", 0, "expected one Falco event, found " + all.size());
        }
        return all.getFirst();
    }

    /** Every event of a text of JSON lines (or of JSON objects one after another). */
    public static List<SecurityFinding> lines(String text, String name) throws SecurityParseException {
        return lines(new java.io.StringReader(text), name);
    }

    /**
     * Every event of Falco's JSON lines, read as they come; blank lines are skipped. A line that
     * is not a JSON object is an error naming its line.
     */
    public static List<SecurityFinding> lines(Reader in, String name) throws SecurityParseException {
        List<SecurityFinding> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Trees.JSON.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                int line = it.currentLocation() == null ? 0 : it.currentLocation().getLineNr();
                JsonNode n = it.nextValue();
                if (!n.isObject()) {
                    throw new SecurityParseException(name, line, "not a Falco event (a JSON object): " + n.getNodeType());
                }
                out.add(event(n, n.toString(), null));
            }
        } catch (JacksonException e) {
            throw Trees.error(name, "not a Falco JSON event", e);
        }
        return out;
    }

    /** The finding of a Loki entry whose stream falcosidekick wrote ({@link #isFalcoStream}). */
    public static SecurityFinding fromLoki(LogEntry e) {
        return fromLoki(e.stream().labels(), e.epochNanos(), e.line());
    }

    /** Whether a Loki stream's labels are those of falcosidekick's Loki output. */
    public static boolean isFalcoStream(Map<String, String> labels) {
        return labels.containsKey("rule") && labels.containsKey("priority");
    }

    /**
     * The finding of one line falcosidekick wrote to Loki: with its {@code format: json} the line
     * is the whole event; by default it is Falco's output text, and rule, priority, source,
     * hostname, tags, {@code k8s_ns_name} and {@code k8s_pod_name} are stream labels. The
     * payload keeps every label (under {@code loki_labels}). Never fails: any text is an output.
     */
    public static SecurityFinding fromLoki(Map<String, String> labels, long epochNanos, String line) {
        Instant at = Trees.ofEpochNanos(epochNanos);
        String l = line == null ? "" : line.strip();
        if (l.startsWith("{")) {
            try {
                JsonNode n = Trees.JSON.readTree(l);
                if (n.isObject() && n.has("rule") && n.has("output")) {
                    ObjectNode o = (ObjectNode) n;
                    o.set("loki_labels", labelsNode(labels));
                    return event(o, o.toString(), at);
                }
            } catch (JacksonException notJson) {
                // an output text that starts with a brace
            }
        }
        ObjectNode o = Trees.object();
        o.put("output", line == null ? "" : line);
        o.put("priority", labels.getOrDefault("priority", ""));
        o.put("rule", labels.getOrDefault("rule", ""));
        o.put("time", at.toString());
        if (labels.containsKey("source")) {
            o.put("source", labels.get("source"));
        }
        if (labels.containsKey("hostname")) {
            o.put("hostname", labels.get("hostname"));
        }
        if (labels.containsKey("tags")) {
            ArrayNode tags = o.putArray("tags");
            for (String t : labels.get("tags").split(",")) {
                if (!t.isBlank()) {
                    tags.add(t);
                }
            }
        }
        ObjectNode fields = o.putObject("output_fields");
        if (labels.containsKey("k8s_ns_name")) {
            fields.put("k8s.ns.name", labels.get("k8s_ns_name"));
        }
        if (labels.containsKey("k8s_pod_name")) {
            fields.put("k8s.pod.name", labels.get("k8s_pod_name"));
        }
        o.set("loki_labels", labelsNode(labels));
        return event(o, o.toString(), at);
    }

    private static ObjectNode labelsNode(Map<String, String> labels) {
        ObjectNode n = Trees.object();
        new TreeMap<>(labels).forEach(n::put);
        return n;
    }

    static SecurityFinding event(JsonNode e, String payload, Instant fallbackTime) {
        JsonNode f = e.path("output_fields");
        String rule = Trees.text(e, "rule");
        String priority = Trees.text(e, "priority");
        String timeText = Trees.text(e, "time");
        Instant time = Trees.instant(timeText);
        if (time == null && f.path("evt.time").isIntegralNumber()) {
            time = Trees.ofEpochNanos(f.path("evt.time").asLong());
        }
        if (time == null) {
            time = fallbackTime;
        }
        String ns = field(f, "k8s.ns.name");
        String pod = field(f, "k8s.pod.name");
        KubeRef object = null;
        if (!pod.isEmpty()) {
            object = new KubeRef("Pod", ns, pod);
        } else {
            String auditNs = field(f, "ka.target.namespace");
            String resource = field(f, "ka.target.resource");
            String target = field(f, "ka.target.name");
            if (ns.isEmpty()) {
                ns = auditNs;
            }
            if (!resource.isEmpty() && !target.isEmpty()) {
                String kind = KINDS.getOrDefault(resource, resource);
                object = new KubeRef(kind, "Namespace".equals(kind) ? "" : auditNs, target);
            }
        }
        String uuid = Trees.text(e, "uuid");
        String id = uuid.isEmpty()
                ? Trees.id("falco", timeText, rule, Trees.text(e, "hostname"), Trees.text(e, "output"))
                : "falco:" + uuid;
        return new SecurityFinding(id, Severity.ofFalcoPriority(priority), FindingSource.FALCO, time, rule, rule, ns,
                object, Trees.text(e, "output"), "", payload);
    }

    private static String field(JsonNode fields, String name) {
        String v = Trees.text(fields.get(name));
        return NA.equals(v) ? "" : v;
    }
}
