package io.pitwall.connectors.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trivy Operator's reports (aquasecurity.github.io/v1alpha1): one finding per vulnerability of a
 * VulnerabilityReport, per failed check of a ConfigAuditReport, RbacAssessmentReport or
 * InfraAssessmentReport, per secret of an ExposedSecretReport (and their Cluster twins). The
 * object is the one the report's labels name ({@code trivy-operator.resource.*}, or the older
 * {@code imgvuln.resource.*}), else its controller owner.
 */
final class TrivyReports {

    private TrivyReports() {
    }

    static void vulnerabilities(JsonNode doc, List<SecurityFinding> out) {
        Report r = Report.of(doc);
        for (JsonNode v : doc.path("report").path("vulnerabilities")) {
            String id = Trees.text(v, "vulnerabilityID");
            String resource = Trees.text(v, "resource");
            String installed = Trees.text(v, "installedVersion");
            String fixed = Trees.text(v, "fixedVersion");
            String target = Trees.text(v, "target");
            StringBuilder msg = new StringBuilder(resource).append(' ').append(installed);
            msg.append(fixed.isEmpty() ? ", no fixed version yet" : ", fixed in " + fixed);
            if (!r.container.isEmpty()) {
                msg.append(" (container ").append(r.container).append(')');
            }
            if (!target.isEmpty()) {
                msg.append(" in ").append(target);
            }
            String remediation = fixed.isEmpty() ? "" : "Upgrade " + resource + " to " + fixed;
            out.add(new SecurityFinding(
                    Trees.id("trivy", r.kind, r.namespace, r.name, id, resource, installed, target),
                    Severity.parse(Trees.text(v, "severity")), FindingSource.TRIVY, r.time, id,
                    Trees.first(Trees.text(v, "title"), id), r.objectNamespace(), r.object, msg.toString(), remediation,
                    r.payload("vulnerability", v)));
        }
    }

    /** ConfigAuditReport, RbacAssessmentReport, InfraAssessmentReport: {@code report.checks}. */
    static void checks(JsonNode doc, boolean includePassing, List<SecurityFinding> out) {
        Report r = Report.of(doc);
        for (JsonNode c : doc.path("report").path("checks")) {
            boolean passed = c.path("success").asBoolean(false);
            if (passed && !includePassing) {
                continue;
            }
            String id = Trees.text(c, "checkID");
            StringBuilder msg = new StringBuilder();
            for (JsonNode m : c.path("messages")) {
                if (!msg.isEmpty()) {
                    msg.append("; ");
                }
                msg.append(Trees.text(m));
            }
            String message = msg.isEmpty() ? Trees.text(c, "description") : msg.toString();
            out.add(new SecurityFinding(
                    Trees.id("trivy", r.kind, r.namespace, r.name, id),
                    passed ? Severity.INFO : Severity.parse(Trees.text(c, "severity")), FindingSource.TRIVY, r.time, id,
                    Trees.first(Trees.text(c, "title"), id), r.objectNamespace(), r.object,
                    passed ? "passed: " + message : message, Trees.text(c, "remediation"), r.payload("check", c)));
        }
    }

    /** ExposedSecretReport: {@code report.secrets} (Trivy masks the matched text itself). */
    static void secrets(JsonNode doc, List<SecurityFinding> out) {
        Report r = Report.of(doc);
        for (JsonNode s : doc.path("report").path("secrets")) {
            String rule = Trees.text(s, "ruleID");
            String target = Trees.text(s, "target");
            String category = Trees.text(s, "category");
            String msg = (category.isEmpty() ? "A secret" : category + " secret") + " in the image"
                    + (target.isEmpty() ? "" : ", in " + target)
                    + (r.container.isEmpty() ? "" : " (container " + r.container + ")");
            out.add(new SecurityFinding(
                    Trees.id("trivy", r.kind, r.namespace, r.name, rule, target, Trees.text(s, "match")),
                    Severity.parse(Trees.text(s, "severity")), FindingSource.TRIVY, r.time, rule,
                    Trees.first(Trees.text(s, "title"), rule), r.objectNamespace(), r.object, msg,
                    "Remove the secret from the image and rotate it", r.payload("secret", s)));
        }
    }

    /** What every finding of one report shares. */
    private record Report(String kind, String name, String namespace, String container, KubeRef object, Instant time,
            ObjectNode header) {

        static Report of(JsonNode doc) {
            JsonNode meta = doc.path("metadata");
            JsonNode labels = meta.path("labels");
            String ns = Trees.text(meta, "namespace");
            KubeRef object = labelled(labels, "trivy-operator.resource.", ns);
            if (object == null) {
                object = labelled(labels, "imgvuln.resource.", ns);
            }
            if (object == null) {
                object = owner(meta, ns);
            }
            String container = Trees.first(Trees.text(labels, "trivy-operator.container.name"),
                    Trees.text(labels, "imgvuln.container.name"));
            Instant time = Trees.instant(Trees.text(doc.path("report"), "updateTimestamp"));
            if (time == null) {
                time = Trees.instant(Trees.text(meta, "creationTimestamp"));
            }
            ObjectNode h = Trees.object();
            h.put("apiVersion", Trees.text(doc, "apiVersion"));
            h.put("kind", Trees.text(doc, "kind"));
            h.put("name", Trees.text(meta, "name"));
            if (!ns.isEmpty()) {
                h.put("namespace", ns);
            }
            if (!container.isEmpty()) {
                h.put("container", container);
            }
            JsonNode report = doc.path("report");
            for (String f : List.of("artifact", "registry", "os", "scanner")) {
                if (report.has(f)) {
                    h.set(f, report.get(f));
                }
            }
            return new Report(Trees.text(doc, "kind"), Trees.text(meta, "name"), ns, container, object, time, h);
        }

        String objectNamespace() {
            return object == null ? namespace : object.namespace();
        }

        String payload(String field, JsonNode item) {
            ObjectNode p = Trees.object();
            p.set("report", header);
            p.set(field, item);
            return p.toString();
        }
    }

    static KubeRef labelled(JsonNode labels, String prefix, String ns) {
        String kind = Trees.text(labels, prefix + "kind");
        String name = Trees.text(labels, prefix + "name");
        if (kind.isEmpty() || name.isEmpty()) {
            return null;
        }
        return new KubeRef(kind, Trees.first(Trees.text(labels, prefix + "namespace"), ns), name);
    }

    /** The controller owner (or the first owner) of {@code meta}, in {@code ns}. */
    static KubeRef owner(JsonNode meta, String ns) {
        JsonNode owners = meta.path("ownerReferences");
        JsonNode pick = null;
        for (JsonNode o : owners) {
            if (pick == null || o.path("controller").asBoolean(false)) {
                pick = o;
            }
        }
        return pick == null ? null : Trees.ref(pick, ns);
    }
}
