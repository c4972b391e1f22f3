package io.pitwall.connectors.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * wg-policy PolicyReport and ClusterPolicyReport (wgpolicyk8s.io v1alpha1, v1alpha2, v1beta1 and
 * reports.x-k8s.io v1beta1, as Kyverno, kube-bench, Falco's falcosidekick, Trivy and KubeArmor
 * adapters write them): one finding per result and resource; and Gatekeeper constraints'
 * {@code status.violations}: one finding per violation.
 */
final class PolicyReports {

    private PolicyReports() {
    }

    static void results(JsonNode doc, boolean includePassing, List<SecurityFinding> out) {
        JsonNode meta = doc.path("metadata");
        String ns = Trees.text(meta, "namespace");
        String name = Trees.text(meta, "name");
        JsonNode labels = meta.path("labels");
        String engine = Trees.first(Trees.text(doc, "source"), Trees.text(labels, "wgpolicyk8s.io/engine"),
                Trees.text(labels, "policy.kubernetes.io/engine"), Trees.text(labels, "app.kubernetes.io/managed-by"));
        KubeRef scope = Trees.ref(doc.path("scope"), ns);
        if (scope == null) {
            scope = TrivyReports.labelled(labels, "imgvuln.resource.", ns);
        }
        if (scope == null) {
            scope = TrivyReports.labelled(labels, "trivy-operator.resource.", ns);
        }
        if (scope == null) {
            scope = TrivyReports.owner(meta, ns);
        }
        Instant created = Trees.instant(Trees.text(meta, "creationTimestamp"));
        ObjectNode header = Trees.object();
        header.put("apiVersion", Trees.text(doc, "apiVersion"));
        header.put("kind", Trees.text(doc, "kind"));
        header.put("name", name);
        if (!ns.isEmpty()) {
            header.put("namespace", ns);
        }
        if (!engine.isEmpty()) {
            header.put("engine", engine);
        }
        for (JsonNode r : doc.path("results")) {
            String result = Trees.text(r, "result").toLowerCase(Locale.ROOT);
            if (result.equals("pass") && !includePassing) {
                continue;
            }
            JsonNode props = r.path("properties");
            String policy = Trees.text(r, "policy");
            String rule = Trees.text(r, "rule");
            String ruleId = Trees.first(Trees.text(props, "VulnerabilityID"),
                    policy.isEmpty() || rule.isEmpty() || rule.equals(policy) ? Trees.first(policy, rule) : policy + "/" + rule,
                    Trees.text(r, "category"));
            String title = Trees.first(policy, rule, ruleId);
            String message = Trees.first(Trees.text(r, "message"), Trees.text(r, "description"), Trees.text(props, "details"));
            Severity severity = severity(Trees.first(Trees.text(r, "severity"), Trees.text(props, "severity")), result);
            Instant time = Trees.timestamp(r.path("timestamp"));
            if (time == null) {
                time = created;
            }
            List<KubeRef> objects = new ArrayList<>();
            for (String list : List.of("resources", "subjects")) {
                for (JsonNode ref : r.path(list)) {
                    KubeRef k = Trees.ref(ref, ns);
                    if (k != null) {
                        objects.add(k);
                    }
                }
            }
            if (objects.isEmpty()) {
                KubeRef k = scope != null ? scope : fromProperties(props, ns);
                objects.add(k);
            }
            ObjectNode payload = Trees.object();
            payload.set("report", header);
            payload.set("result", r);
            String text = payload.toString();
            String stamp = time == null ? "" : time.toString();
            for (KubeRef k : objects) {
                out.add(new SecurityFinding(
                        Trees.id("policy", Trees.text(doc, "kind"), ns, name, policy, rule, ruleId, result, message, stamp,
                                k == null ? "" : k.toString(), Trees.text(props, "container_id"),
                                Trees.text(props, "container.id")),
                        severity, FindingSource.POLICY_REPORT, time, ruleId, title, k == null ? ns : k.namespace(), k,
                        result.equals("pass") ? "passed: " + message : message, "", text));
            }
        }
    }

    /**
     * A result's severity; without one, from its result: fail MEDIUM, warn and error LOW, skip
     * and pass INFO. A pass is INFO whatever its severity.
     */
    static Severity severity(String severity, String result) {
        if (result.equals("pass")) {
            return Severity.INFO;
        }
        if (!severity.isBlank()) {
            return Severity.parse(severity);
        }
        return switch (result) {
            case "warn", "error" -> Severity.LOW;
            case "skip" -> Severity.INFO;
            default -> Severity.MEDIUM;
        };
    }

    /** Adapters that name the pod in properties (falcosidekick's k8s fields, KubeArmor's). */
    private static KubeRef fromProperties(JsonNode props, String ns) {
        String pod = Trees.first(Trees.text(props, "k8s.pod.name"), Trees.text(props, "pod_name"));
        if (pod.isEmpty() || pod.equals("<NA>")) {
            return null;
        }
        return new KubeRef("Pod", Trees.first(Trees.text(props, "k8s.ns.name"), Trees.text(props, "namespace_name"), ns),
                pod);
    }

    /**
     * A Gatekeeper constraint (group constraints.gatekeeper.sh): one finding per
     * {@code status.violations} entry. Severity from the enforcement action: deny HIGH, warn
     * MEDIUM, dryrun LOW.
     */
    static void violations(JsonNode doc, List<SecurityFinding> out) {
        String kind = Trees.text(doc, "kind");
        String name = Trees.text(doc.path("metadata"), "name");
        String rule = kind + "/" + name;
        JsonNode status = doc.path("status");
        Instant time = Trees.instant(Trees.text(status, "auditTimestamp"));
        String defaultAction = Trees.first(Trees.text(doc.path("spec"), "enforcementAction"), "deny");
        ObjectNode header = Trees.object();
        header.put("apiVersion", Trees.text(doc, "apiVersion"));
        header.put("kind", kind);
        header.put("name", name);
        if (doc.path("spec").has("parameters")) {
            header.set("parameters", doc.path("spec").path("parameters"));
        }
        for (JsonNode v : status.path("violations")) {
            String action = Trees.first(Trees.text(v, "enforcementAction"), defaultAction).toLowerCase(Locale.ROOT);
            Severity severity = switch (action) {
                case "deny" -> Severity.HIGH;
                case "warn" -> Severity.MEDIUM;
                default -> Severity.LOW;
            };
            KubeRef object = Trees.ref(v, "");
            ObjectNode payload = Trees.object();
            payload.set("constraint", header);
            payload.set("violation", v);
            String message = Trees.text(v, "message");
            out.add(new SecurityFinding(Trees.id("gatekeeper", kind, name, object == null ? "" : object.toString(), message),
                    severity, FindingSource.GATEKEEPER, time, rule, kind + " " + name,
                    object == null ? Trees.text(v, "namespace") : object.namespace(), object, message, "",
                    payload.toString()));
        }
    }
}
