package io.pitwall.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The demo's alerts (Alertmanager {@code /api/v2/alerts}: kube-prometheus's KubePodCrashLooping)
 * and its runtime security event: Falco's real "Terminal shell in container" event, moved onto
 * the carts pod at the moment someone attached a shell to it.
 */
final class DemoAlertsAndFalco {

    private final ObjectMapper json;
    private final Path sources;

    DemoAlertsAndFalco(ObjectMapper json, Path sources) {
        this.json = json;
        this.sources = sources;
    }

    ArrayNode alerts(String cartsPod) {
        ArrayNode alerts = json.createArrayNode();
        ObjectNode a = alerts.addObject();
        ObjectNode labels = a.putObject("labels");
        labels.put("alertname", "KubePodCrashLooping");
        labels.put("cluster", DemoStory.CLUSTER);
        labels.put("container", "carts");
        labels.put("job", "kube-state-metrics");
        labels.put("namespace", DemoStory.NAMESPACE);
        labels.put("pod", cartsPod);
        labels.put("reason", "CrashLoopBackOff");
        labels.put("severity", "warning");
        ObjectNode annotations = a.putObject("annotations");
        annotations.put("description", "Pod " + DemoStory.NAMESPACE + "/" + cartsPod + " (carts) is in waiting state"
                + " (reason: \"CrashLoopBackOff\") on cluster " + DemoStory.CLUSTER + ".");
        annotations.put("runbook_url", "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping");
        annotations.put("summary", "Pod is crash looping.");
        a.put("startsAt", DemoStory.ALERT_FIRES.toString());
        a.put("endsAt", DemoStory.END.plusSeconds(240).toString());
        a.put("updatedAt", DemoStory.END.minusSeconds(30).toString());
        a.put("fingerprint", "5b3f1e8a9c2d7f40");
        a.put("generatorURL", "http://prometheus-k8s.monitoring.svc:9090/graph?g0.expr=max_over_time"
                + "%28kube_pod_container_status_waiting_reason%7Breason%3D%22CrashLoopBackOff%22%7D%5B5m%5D%29+%3E%3D+1");
        a.putObject("status").put("state", "active").putArray("silencedBy");
        ((ObjectNode) a.get("status")).putArray("inhibitedBy");
        a.putArray("receivers").addObject().put("name", "oncall-pager");
        return alerts;
    }

    /** One Falco JSON line: the documented event, on the carts pod. */
    String falcoLine(String cartsPod) throws IOException {
        ObjectNode e = (ObjectNode) json.readTree(sources.resolve("falco-terminal-shell.json").toFile());
        Instant at = DemoStory.SHELL_OPENED;
        String containerId = "3f1c7a9e2b4d";
        e.put("hostname", "falco-7x2lq");
        e.put("time", at.toString());
        e.put("output", at.toString().substring(11, 19) + ".478445995: Critical A shell was spawned in a container with"
                + " an attached terminal (user=root user_loginuid=-1 k8s.ns=" + DemoStory.NAMESPACE + " k8s.pod=" + cartsPod
                + " container=" + containerId + " shell=sh parent=runc cmdline=sh -c clear; (bash || ash || sh)"
                + " terminal=34816 container_id=" + containerId + " image=docker.io/weaveworksdemos/carts)");
        ObjectNode f = (ObjectNode) e.get("output_fields");
        f.put("container.id", containerId);
        f.put("container.image.repository", "docker.io/weaveworksdemos/carts");
        f.put("evt.time", TimeUnit.SECONDS.toNanos(at.getEpochSecond()) + 478_445_995L);
        f.put("k8s.ns.name", DemoStory.NAMESPACE);
        f.put("k8s.pod.name", cartsPod);
        return json.writeValueAsString(e);
    }
}
