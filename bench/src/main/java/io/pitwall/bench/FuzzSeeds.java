package io.pitwall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.app.demo.DemoIncident;
import io.pitwall.connectors.logs.LogsCapture;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.traces.TraceGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The valid bundles the fuzzer starts from, the same for every run: the demo incident as it
 * ships (rarely used, it is 2.6 MB inside), the demo shrunk to a few items of each entry, and two
 * hand-assembled bundles with every file format the reader takes that the demo does not hold
 * (log entries, Jaeger, OTLP and Jaeger v3 traces, the traces' index, Prometheus rules,
 * Alertmanager silences, security notes, Falco events, a single Kubernetes object), from the
 * connectors' recorded samples and the bench's generators.
 */
final class FuzzSeeds {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of a seed. */
    record Item(String path, String mediaType, byte[] bytes, RawZip.Compressed deflated) {
        Item(String path, String mediaType, byte[] bytes) {
            this(path, mediaType, bytes, RawZip.deflate(bytes, false));
        }
    }

    /** A valid bundle taken apart: its manifest (entries left to fill) and its entries. */
    record Seed(String name, ObjectNode manifest, List<Item> items) {
    }

    private FuzzSeeds() {
    }

    /** The seeds, first the full demo. */
    static List<Seed> all(Path workDir) throws IOException {
        Seed demo = demo(workDir);
        List<Seed> seeds = new ArrayList<>();
        seeds.add(demo);
        seeds.add(shrunk(demo));
        seeds.add(capture(demo.manifest()));
        seeds.add(formats(demo.manifest()));
        return seeds;
    }

    private static Seed demo(Path workDir) throws IOException {
        Path file = DemoIncident.extractTo(workDir);
        try (Bundle b = BundleReader.open(file)) {
            ObjectNode manifest = b.manifest().toJsonTree();
            manifest.remove("entries");
            List<Item> items = new ArrayList<>();
            for (BundleEntry e : b.entries()) {
                items.add(new Item(e.path(), e.mediaType(), b.read(e.path())));
            }
            return new Seed("demo", manifest, items);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The demo with a few items of every array and the first lines of every NDJSON file. */
    private static Seed shrunk(Seed demo) throws IOException {
        List<Item> items = new ArrayList<>();
        for (Item i : demo.items()) {
            byte[] bytes = i.bytes();
            if (i.path().equals("cluster/objects.json")) {
                bytes = onePerKind(JSON.readTree(bytes));
            } else if (i.mediaType().equals("application/json")) {
                bytes = JSON.writeValueAsBytes(shrink(JSON.readTree(bytes), 4));
            } else if (i.mediaType().equals("application/x-ndjson")) {
                StringBuilder b = new StringBuilder();
                String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
                for (int n = 0; n < Math.min(8, lines.length); n++) {
                    b.append(JSON.writeValueAsString(shrink(JSON.readTree(lines[n]), 4))).append('\n');
                }
                bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            }
            items.add(new Item(i.path(), i.mediaType(), bytes));
        }
        return new Seed("demo-shrunk", demo.manifest(), items);
    }

    /** What a live capture writes that the demo lacks: log entries, a Jaeger trace with its index, rules, silences, notes. */
    private static Seed capture(ObjectNode manifest) throws IOException {
        List<Item> items = new ArrayList<>();
        ArrayNode list = JSON.createArrayNode();
        for (String k : List.of("k9s-pod", "k9s-deployment", "k9s-service", "k9s-node", "k9s-ingress")) {
            list.add(shrink(JSON.readTree(resource("/kubernetes/" + k + ".json")), 6));
        }
        items.add(json("cluster/objects.json", kubeList("List", list)));
        items.add(json("cluster/events.json", kubeList("EventList",
                JSON.createArrayNode().add(JSON.readTree(resource("/kubernetes/k9s-event.json"))))));
        items.add(new Item("cluster/watch.ndjson", "application/x-ndjson", utf8("""
                {"at":"2026-11-24T02:40:00Z","type":"MODIFIED","kind":"Deployment","namespace":"default","name":"nginx","resourceVersion":"7","summary":"replicas 3, replicas was 1, ready 1, revision 2, image nginx=nginx:1.27, image was nginx=nginx:1.26, owner Deployment nginx"}
                {"at":"2026-11-24T02:41:00Z","type":"MODIFIED","kind":"Pod","namespace":"default","name":"nginx-0","resourceVersion":"8","summary":"Running, not ready, 2 restarts, CrashLoopBackOff, last OOMKilled"}
                {"at":"2026-11-24T02:42:00Z","type":"DELETED","kind":"Pod","namespace":"default","name":"nginx-1","resourceVersion":"9","summary":""}
                """)));
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        LogsCapture.writeEntries(logs, new GeneratedLogs(7, 1_795_000_000_000_000_000L).next(24, 1_000_000_000L));
        items.add(new Item("logs/entries.ndjson", "application/x-ndjson", logs.toByteArray()));
        ArrayNode queries = JSON.createArrayNode();
        ObjectNode q = queries.addObject();
        q.put("query", "up");
        q.put("start", "2015-07-01T20:10:30.781Z");
        q.put("end", "2015-07-01T20:11:00.781Z");
        q.put("step", 15);
        q.set("response", JSON.readTree(resource("/prometheus/query_range-matrix-up.json")));
        items.add(json("metrics/query_range.json", queries));
        items.add(new Item("alerts/rules.json", "application/json", resource("/prometheus/rules.json")));
        items.add(new Item("alerts/silences.json", "application/json", utf8("""
                [{"id":"8d2c6e43","status":{"state":"active"},"matchers":[{"name":"alertname","value":"KubePodCrashLooping",\
                "isRegex":false,"isEqual":true},{"name":"namespace","value":"sock-.*","isRegex":true}],\
                "startsAt":"2026-11-24T02:00:00Z","endsAt":"2026-11-24T06:00:00Z","createdBy":"oncall","comment":"known"}]""")));
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        TraceGenerator.write(trace, 12, 3);
        String id = JSON.readTree(trace.toByteArray()).path("data").path(0).path("traceID").asText();
        items.add(new Item("traces/" + id + ".json", "application/json", trace.toByteArray()));
        items.add(new Item("traces/index.json", "application/json", utf8("""
                {"source":"Jaeger (v1 API) http://jaeger:16686","window":{"from":"2026-11-24T02:00:00Z","to":"2026-11-24T03:00:00Z"},\
                "traces":[{"traceId":"%s","file":"traces/%s.json","rootService":"svc-0","rootOperation":"GET /","start":"2025-10-09T08:53:20Z",\
                "durationMicros":30000000,"spans":12,"errors":0,"services":["svc-0"],"opened":true}]}""".formatted(id, id))));
        items.add(new Item("security/notes.json", "application/json", utf8("[\"Trivy Operator is not installed\",\"PolicyReports: 403\"]")));
        StringBuilder falco = new StringBuilder();
        for (String f : List.of("event-terminal-shell-k8s-critical", "event-contact-k8s-api-server", "event-k8saudit-attach-exec-pod")) {
            falco.append(JSON.readTree(resource("/security/falco/" + f + ".json")).toString()).append('\n');
        }
        items.add(new Item("security/falco.ndjson", "application/x-ndjson", utf8(falco.toString())));
        items.add(new Item("notes.md", "text/markdown", utf8("# Capture\n\nnginx crash-looping after the 1.27 rollout.\n")));
        return new Seed("capture", manifest, items);
    }

    /** Formats a hand-made bundle may hold: OTLP and Jaeger v3 traces, a Loki response, one object, a falcosidekick payload. */
    private static Seed formats(ObjectNode manifest) throws IOException {
        List<Item> items = new ArrayList<>();
        ObjectNode pod = (ObjectNode) shrink(JSON.readTree(resource("/kubernetes/openshift-pod-cronjob-run.json")), 5);
        pod.put("kind", "Pod");
        pod.put("apiVersion", "v1");
        items.add(new Item("cluster/pod.json", "application/json", JSON.writeValueAsBytes(pod)));
        items.add(new Item("logs/query_range.json", "application/json", resource("/loki/query_range-streams-categorized.json")));
        items.add(new Item("traces/otlp.json", "application/json", resource("/traces/otlp-example_trace.json")));
        items.add(new Item("traces/v3.json", "application/json", resource("/traces/apiv3-GetTrace.json")));
        items.add(new Item("traces/jaeger-ui.json", "application/json", resource("/traces/ui-history-api-traces-follows-from.json")));
        items.add(new Item("traces/zipkin.json", "application/json", resource("/traces/handmade-zipkin-cycle.json")));
        items.add(new Item("alerts/alerts.json", "application/json", utf8("""
                [{"labels":{"alertname":"KubePodCrashLooping","namespace":"shop","pod":"carts-0","severity":"warning"},\
                "annotations":{"summary":"Pod is crash looping."},"startsAt":"2026-11-24T02:40:00Z","endsAt":"2026-11-24T03:40:00Z",\
                "status":{"state":"active","silencedBy":[],"inhibitedBy":[]},"fingerprint":"1c2d"}]""")));
        items.add(new Item("security/sidekick.json", "application/json", resource("/security/falco/falcosidekick-readme-post-payload.json")));
        items.add(new Item("security/other.txt", "text/plain", utf8("not a finding\n")));
        return new Seed("formats", manifest, items);
    }

    /** The node with every array cut to its first {@code max} items. */
    static JsonNode shrink(JsonNode n, int max) {
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < Math.min(max, n.size()); i++) {
                out.add(shrink(n.get(i), max));
            }
            return out;
        }
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            n.properties().forEach(e -> out.set(e.getKey(), shrink(e.getValue(), max)));
            return out;
        }
        return n;
    }

    private static byte[] onePerKind(JsonNode list) throws IOException {
        ArrayNode items = JSON.createArrayNode();
        Set<String> kinds = new HashSet<>();
        for (JsonNode item : list.path("items")) {
            if (kinds.add(item.path("kind").asText())) {
                items.add(shrink(item, 4));
            }
        }
        ObjectNode out = ((ObjectNode) list).deepCopy();
        out.set("items", items);
        return JSON.writeValueAsBytes(out);
    }

    private static ObjectNode kubeList(String kind, ArrayNode items) {
        ObjectNode list = JSON.createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", kind);
        list.putObject("metadata");
        list.set("items", items);
        return list;
    }

    private static Item json(String path, JsonNode tree) throws IOException {
        return new Item(path, "application/json", JSON.writeValueAsBytes(tree));
    }

    private static byte[] resource(String name) {
        try (InputStream in = FuzzSeeds.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the connectors' test data lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
