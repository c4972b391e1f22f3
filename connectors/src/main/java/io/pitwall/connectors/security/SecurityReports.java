package io.pitwall.connectors.security;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pitwall.connectors.model.SecurityFinding;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Security reports kept as custom resources, into {@link SecurityFinding}s: Trivy Operator's
 * VulnerabilityReport, ConfigAuditReport, ExposedSecretReport, RbacAssessmentReport and
 * InfraAssessmentReport (and their Cluster kinds); wg-policy PolicyReport and ClusterPolicyReport
 * of every group and version; Gatekeeper constraints' {@code status.violations}. Read from YAML
 * or JSON text (one or many documents, {@code List} kinds) or from a fabric8 object (a
 * {@code GenericKubernetesResource} as listed or watched).
 *
 * <p>Passing results (PolicyReport {@code pass}, Trivy {@code success: true}) are left out unless
 * asked for; then they are INFO and their message starts with "passed: ".
 */
public final class SecurityReports {

    /** A report kind Pitwall reads, with what a client needs to list and watch it. */
    public record ReportKind(String group, String version, String kind, String plural, boolean namespaced) {

        public String apiVersion() {
            return group + "/" + version;
        }
    }

    /** The report kinds with fixed names (Gatekeeper's constraint kinds are found per cluster). */
    public static final List<ReportKind> KINDS = List.of(
            new ReportKind("aquasecurity.github.io", "v1alpha1", "VulnerabilityReport", "vulnerabilityreports", true),
            new ReportKind("aquasecurity.github.io", "v1alpha1", "ConfigAuditReport", "configauditreports", true),
            new ReportKind("aquasecurity.github.io", "v1alpha1", "ClusterConfigAuditReport", "clusterconfigauditreports", false),
            new ReportKind("aquasecurity.github.io", "v1alpha1", "ExposedSecretReport", "exposedsecretreports", true),
            new ReportKind("aquasecurity.github.io", "v1alpha1", "RbacAssessmentReport", "rbacassessmentreports", true),
            new ReportKind("aquasecurity.github.io", "v1alpha1", "ClusterRbacAssessmentReport", "clusterrbacassessmentreports", false),
            new ReportKind("aquasecurity.github.io", "v1alpha1", "InfraAssessmentReport", "infraassessmentreports", true),
            new ReportKind("wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports", true),
            new ReportKind("wgpolicyk8s.io", "v1alpha2", "ClusterPolicyReport", "clusterpolicyreports", false),
            new ReportKind("wgpolicyk8s.io", "v1beta1", "PolicyReport", "policyreports", true),
            new ReportKind("wgpolicyk8s.io", "v1beta1", "ClusterPolicyReport", "clusterpolicyreports", false),
            new ReportKind("wgpolicyk8s.io", "v1alpha1", "PolicyReport", "policyreports", true),
            new ReportKind("wgpolicyk8s.io", "v1alpha1", "ClusterPolicyReport", "clusterpolicyreports", false),
            new ReportKind("reports.x-k8s.io", "v1beta1", "PolicyReport", "policyreports", true),
            new ReportKind("reports.x-k8s.io", "v1beta1", "ClusterPolicyReport", "clusterpolicyreports", false));

    /** The API group of Gatekeeper's constraint kinds. */
    public static final String GATEKEEPER_CONSTRAINTS = "constraints.gatekeeper.sh";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private SecurityReports() {
    }

    /** The findings of a YAML or JSON text of reports, failing results only. */
    public static List<SecurityFinding> parse(String text, String name) throws SecurityParseException {
        return parse(text, name, false);
    }

    /**
     * The findings of a YAML or JSON text of reports. Invalid YAML or JSON, or a document that is
     * not a report Pitwall reads, is a {@link SecurityParseException} naming {@code name} and the line.
     */
    public static List<SecurityFinding> parse(String text, String name, boolean includePassing) throws SecurityParseException {
        List<SecurityFinding> out = new ArrayList<>();
        for (JsonNode doc : Trees.documents(text, name)) {
            if (!read(doc, includePassing, out)) {
                throw new SecurityParseException(name, 0, "not a security report Pitwall reads: kind "
                        + Trees.first(Trees.text(doc, "kind"), "(none)") + ", apiVersion "
                        + Trees.first(Trees.text(doc, "apiVersion"), "(none)"));
            }
        }
        return out;
    }

    /** The findings of a report as fabric8 lists or watches it; empty for an object that is no report. */
    public static List<SecurityFinding> of(HasMetadata report) {
        return of(report, false);
    }

    public static List<SecurityFinding> of(HasMetadata report, boolean includePassing) {
        JsonNode doc = Trees.JSON.readTree(SERIALIZATION.asJson(report));
        List<SecurityFinding> out = new ArrayList<>();
        read(doc, includePassing, out);
        return out;
    }

    /** Whether Pitwall reads objects of this apiVersion and kind as reports (a Gatekeeper constraint of any kind). */
    public static boolean isReport(String apiVersion, String kind) {
        String group = apiVersion == null || apiVersion.indexOf('/') < 0 ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
        if (group.equals(GATEKEEPER_CONSTRAINTS)) {
            return true;
        }
        String base = kind == null ? "" : kind.startsWith("Cluster") ? kind.substring("Cluster".length()) : kind;
        return KINDS.stream().anyMatch(k -> k.group().equals(group))
                && List.of("VulnerabilityReport", "ConfigAuditReport", "RbacAssessmentReport", "InfraAssessmentReport",
                        "ExposedSecretReport", "PolicyReport").contains(base);
    }

    /** Adds the findings of one document; false when it is not a report (nor a list of them). */
    private static boolean read(JsonNode doc, boolean includePassing, List<SecurityFinding> out) {
        String kind = Trees.text(doc, "kind");
        String apiVersion = Trees.text(doc, "apiVersion");
        if (doc.path("items").isArray() && (kind.isEmpty() || kind.endsWith("List"))) {
            boolean all = true;
            for (JsonNode item : doc.path("items")) {
                all &= read(item, includePassing, out);
            }
            return all;
        }
        if (apiVersion.startsWith(GATEKEEPER_CONSTRAINTS + "/")) {
            PolicyReports.violations(doc, out);
            return true;
        }
        if (!isReport(apiVersion, kind)) {
            return false;
        }
        switch (kind.startsWith("Cluster") ? kind.substring("Cluster".length()) : kind) {
            case "VulnerabilityReport" -> TrivyReports.vulnerabilities(doc, out);
            case "ConfigAuditReport", "RbacAssessmentReport", "InfraAssessmentReport" ->
                    TrivyReports.checks(doc, includePassing, out);
            case "ExposedSecretReport" -> TrivyReports.secrets(doc, out);
            case "PolicyReport" -> PolicyReports.results(doc, includePassing, out);
            default -> {
                return false;
            }
        }
        return true;
    }
}
