package io.pitwall.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.WatchEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo's cluster: the real sock-shop namespace and nodes of a GKE cluster, moved into the
 * incident's hour, with the carts container limited to 256 MiB and crash-looping on OOMKills;
 * and the Kubernetes events those restarts leave (v1 List and v1 EventList, as the API serves them).
 */
final class DemoCluster {

    private final ObjectMapper json;
    private final ObjectNode objects;
    private String cartsPod;
    private String cartsNode;

    DemoCluster(ObjectMapper json, Path sources) throws IOException {
        this.json = json;
        this.objects = (ObjectNode) json.readTree(sources.resolve("gke-namespace-sock-shop-all.json").toFile());
        ArrayNode items = (ArrayNode) objects.get("items");
        JsonNode nodes = json.readTree(sources.resolve("gke-nodes.json").toFile()).get("items");
        nodes.forEach(items::add);
        for (JsonNode item : items) {
            shiftTimes((ObjectNode) item);
            if ("Pod".equals(item.path("kind").asText()) && item.path("metadata").path("name").asText().startsWith("carts-")
                    && !item.path("metadata").path("name").asText().startsWith("carts-db")) {
                cartsPod = item.path("metadata").path("name").asText();
                cartsNode = item.path("spec").path("nodeName").asText();
                crashLoop((ObjectNode) item);
            }
            if ("Deployment".equals(item.path("kind").asText()) && "carts".equals(item.path("metadata").path("name").asText())) {
                limitMemory((ObjectNode) item.path("spec").path("template").path("spec").path("containers").get(0));
            }
        }
        if (cartsPod == null) {
            throw new IllegalStateException("the sock-shop dump has no carts pod");
        }
    }

    String cartsPod() {
        return cartsPod;
    }

    String cartsNode() {
        return cartsNode;
    }

    /** The pod of the sock-shop app labelled {@code name=app}. */
    String podOf(String app) {
        for (JsonNode item : objects.get("items")) {
            if ("Pod".equals(item.path("kind").asText()) && app.equals(item.path("metadata").path("labels").path("name").asText())) {
                return item.path("metadata").path("name").asText();
            }
        }
        throw new IllegalArgumentException("no sock-shop pod for " + app);
    }

    ObjectNode objects() {
        return objects;
    }

    /** The events of the incident's hour, oldest first. */
    ObjectNode events() {
        ObjectNode list = json.createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "EventList");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        int n = 0;
        for (int i = 0; i < DemoStory.OOM_KILLS.size(); i++) {
            Instant kill = DemoStory.OOM_KILLS.get(i);
            items.add(event(++n, "Node", cartsNode, null, "Warning", "OOMKilling", kill,
                    "Memory cgroup out of memory: Killed process " + (31_800 + 37 * i) + " (java) total-vm:2861240kB,"
                            + " anon-rss:262144kB, file-rss:17356kB, shmem-rss:0kB, UID:10001 pgtables:1152kB oom_score_adj:983",
                    "kubelet", 1));
            if (i > 0) {
                items.add(event(++n, "Pod", cartsPod, "spec.containers{carts}", "Warning", "BackOff", kill.plusSeconds(1),
                        "Back-off restarting failed container carts in pod " + cartsPod + "_sock-shop", "kubelet", i));
            }
            Instant restart = DemoStory.restartAfter(i);
            items.add(event(++n, "Pod", cartsPod, "spec.containers{carts}", "Normal", "Pulled", restart.minusSeconds(2),
                    "Container image \"weaveworksdemos/carts:0.4.8\" already present on machine", "kubelet", i + 1));
            items.add(event(++n, "Pod", cartsPod, "spec.containers{carts}", "Normal", "Created", restart.minusSeconds(1),
                    "Created container carts", "kubelet", i + 1));
            items.add(event(++n, "Pod", cartsPod, "spec.containers{carts}", "Normal", "Started", restart,
                    "Started container carts", "kubelet", i + 1));
        }
        items.add(event(++n, "Pod", cartsPod, "spec.containers{carts}", "Warning", "Unhealthy",
                DemoStory.OOM_KILLS.get(2).minusSeconds(25),
                "Readiness probe failed: Get \"http://10.8.1.111:80/health\": context deadline exceeded", "kubelet", 3));
        return list;
    }

    /**
     * What the watch saw of the carts pod during the hour: not ready at each OOMKill (waiting in
     * CrashLoopBackOff after the first), ready again at each restart.
     */
    java.util.List<WatchEvent> changes() {
        java.util.List<WatchEvent> out = new java.util.ArrayList<>();
        KubeRef pod = new KubeRef("Pod", DemoStory.NAMESPACE, cartsPod);
        long version = 48_211_000;
        for (int i = 0; i < DemoStory.OOM_KILLS.size(); i++) {
            String restarts = (i + 1) + (i == 0 ? " restart" : " restarts");
            out.add(new WatchEvent(DemoStory.OOM_KILLS.get(i), WatchEvent.Type.MODIFIED, pod, Long.toString(version += 17),
                    "Running, not ready, " + i + (i == 1 ? " restart" : " restarts") + ", OOMKilled"));
            out.add(new WatchEvent(DemoStory.OOM_KILLS.get(i).plusSeconds(1), WatchEvent.Type.MODIFIED, pod,
                    Long.toString(version += 3), "Running, not ready, " + restarts + ", CrashLoopBackOff"));
            out.add(new WatchEvent(DemoStory.restartAfter(i), WatchEvent.Type.MODIFIED, pod, Long.toString(version += 5),
                    "Running, ready, " + restarts));
        }
        return out;
    }

    private ObjectNode event(int n, String kind, String name, String fieldPath, String type, String reason, Instant at,
                             String message, String component, int count) {
        ObjectNode e = json.createObjectNode();
        e.put("apiVersion", "v1");
        e.put("kind", "Event");
        ObjectNode meta = e.putObject("metadata");
        meta.put("name", name + "." + Long.toHexString(at.toEpochMilli() * 1000 + n));
        meta.put("namespace", "Node".equals(kind) ? "default" : DemoStory.NAMESPACE);
        meta.put("creationTimestamp", at.toString());
        ObjectNode involved = e.putObject("involvedObject");
        involved.put("apiVersion", "v1");
        involved.put("kind", kind);
        involved.put("name", name);
        if (!"Node".equals(kind)) {
            involved.put("namespace", DemoStory.NAMESPACE);
        }
        if (fieldPath != null) {
            involved.put("fieldPath", fieldPath);
        }
        e.put("type", type);
        e.put("reason", reason);
        e.put("message", message);
        e.putObject("source").put("component", component).put("host", cartsNode);
        e.put("firstTimestamp", at.toString());
        e.put("lastTimestamp", at.toString());
        e.put("count", count);
        return e;
    }

    /** The dump is from 2020: every object was created a week before the incident instead. */
    private static void shiftTimes(ObjectNode item) {
        ObjectNode meta = (ObjectNode) item.get("metadata");
        if (meta != null && meta.has("creationTimestamp")) {
            meta.put("creationTimestamp", DemoStory.END.minus(Duration.ofDays(7)).toString());
        }
        JsonNode conditions = item.path("status").path("conditions");
        for (JsonNode c : conditions) {
            if (c.has("lastTransitionTime")) {
                ((ObjectNode) c).put("lastTransitionTime", DemoStory.END.minus(Duration.ofDays(7)).toString());
            }
            if (c.has("lastHeartbeatTime")) {
                ((ObjectNode) c).put("lastHeartbeatTime", DemoStory.END.minusSeconds(8).toString());
            }
        }
        for (JsonNode cs : item.path("status").path("containerStatuses")) {
            JsonNode running = cs.path("state").path("running");
            if (running.has("startedAt")) {
                ((ObjectNode) running).put("startedAt", DemoStory.END.minus(Duration.ofDays(7)).toString());
            }
        }
    }

    private static void limitMemory(ObjectNode container) {
        ObjectNode resources = container.putObject("resources");
        resources.putObject("limits").put("memory", "256Mi").put("cpu", "500m");
        resources.putObject("requests").put("memory", "200Mi").put("cpu", "100m");
    }

    /** The carts pod at the end of the hour: running again after its fourth OOMKill. */
    private static void crashLoop(ObjectNode pod) {
        limitMemory((ObjectNode) pod.path("spec").path("containers").get(0));
        ObjectNode status = (ObjectNode) pod.path("status").path("containerStatuses").get(0);
        status.put("restartCount", DemoStory.OOM_KILLS.size());
        status.put("ready", true);
        Instant lastKill = DemoStory.OOM_KILLS.getLast();
        ObjectNode state = status.putObject("state");
        state.putObject("running").put("startedAt", DemoStory.restartAfter(DemoStory.OOM_KILLS.size() - 1).toString());
        ObjectNode last = status.putObject("lastState").putObject("terminated");
        last.put("exitCode", 137);
        last.put("reason", "OOMKilled");
        last.put("startedAt", DemoStory.restartAfter(DemoStory.OOM_KILLS.size() - 2).toString());
        last.put("finishedAt", lastKill.toString());
        last.put("containerID", status.path("containerID").asText());
    }
}
