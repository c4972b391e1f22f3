package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real Trivy reports, PolicyReports and a Gatekeeper constraint (test resources security/reports, see SOURCES.md). */
class SecurityReportsTest {

    static Stream<Arguments> reports() {
        KubeRef nginx = new KubeRef("ReplicaSet", "default", "nginx-6d4cf56db6");
        KubeRef zipkin = new KubeRef("Pod", "default", "zipkin-6b59cc5ddb-bp9h8");
        return Stream.of(
                Arguments.of("trivy-docs-vulnerabilityreport-nginx.yaml", FindingSource.TRIVY, 2, Map.of(Severity.CRITICAL, 2), nginx),
                Arguments.of("trivy-vulnerabilityreport-coredns.yaml", FindingSource.TRIVY, 1, Map.of(Severity.HIGH, 1),
                        new KubeRef("ReplicaSet", "kube-system", "coredns-558bd4d5db")),
                // the report's summary: 7 high, 4 medium, 2 low, 1 unknown
                Arguments.of("trivy-vulnerabilityreport-list-zipkin.yaml", FindingSource.TRIVY, 14,
                        Map.of(Severity.HIGH, 7, Severity.MEDIUM, 4, Severity.LOW, 2, Severity.INFO, 1), zipkin),
                // the report's summary: 1 high, 3 medium, 9 low
                Arguments.of("trivy-configauditreport-pod.yaml", FindingSource.TRIVY, 13,
                        Map.of(Severity.HIGH, 1, Severity.MEDIUM, 3, Severity.LOW, 9), new KubeRef("Pod", "default", "my-pod")),
                // warn, fail, warn without severities
                Arguments.of("policyreport-cis-k8s.yaml", FindingSource.POLICY_REPORT, 3,
                        Map.of(Severity.MEDIUM, 1, Severity.LOW, 2), null),
                // a PolicyReport and a ClusterPolicyReport, severities in properties
                Arguments.of("policyreport-falco-v1alpha2.yaml", FindingSource.POLICY_REPORT, 2,
                        Map.of(Severity.LOW, 1, Severity.MEDIUM, 1), new KubeRef("Pod", "my-namespace", "a-pod")),
                // no result field (a failure); one without severity
                Arguments.of("policyreport-from-trivy.yaml", FindingSource.POLICY_REPORT, 14,
                        Map.of(Severity.HIGH, 7, Severity.MEDIUM, 5, Severity.LOW, 2), zipkin),
                // a v1 List, with a byte-order mark; the pod named in properties
                Arguments.of("policyreport-kubearmor.yaml", FindingSource.POLICY_REPORT, 3, Map.of(Severity.MEDIUM, 3),
                        new KubeRef("Pod", "multiubuntu", "ubuntu-1-deployment-5d6b975744-rrkhh")),
                // one passing result each: nothing to show
                Arguments.of("policyreport-kyverno-v1beta1.yaml", FindingSource.POLICY_REPORT, 0, Map.of(), null),
                Arguments.of("policyreport-kyverno-reports.x-k8s.io-v1beta1.yaml", FindingSource.POLICY_REPORT, 0, Map.of(), null),
                Arguments.of("gatekeeper-docs-k8srequiredlabels-violations.yaml", FindingSource.GATEKEEPER, 4,
                        Map.of(Severity.HIGH, 4), new KubeRef("Namespace", "", "default")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void eachReportGivesOneFindingPerItemWithItsSeverityAndObject(String file, FindingSource source, int count,
            Map<Severity, Integer> bySeverity, KubeRef firstObject) throws Exception {
        List<SecurityFinding> all = SecurityReports.parse(Resources.text("reports/" + file), file);
        assertThat(all).hasSize(count);
        assertThat(all).allSatisfy(f -> assertThat(f.source()).isEqualTo(source));
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        all.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        assertThat(counts).isEqualTo(bySeverity);
        if (count > 0) {
            assertThat(all.getFirst().object()).isEqualTo(firstObject);
        }
        assertThat(all).extracting(SecurityFinding::id).doesNotHaveDuplicates();
        // read twice, the same ids
        assertThat(SecurityReports.parse(Resources.text("reports/" + file), file)).extracting(SecurityFinding::id)
                .isEqualTo(all.stream().map(SecurityFinding::id).toList());
    }

    @Test
    void aVulnerabilityNamesItsPackageFixAndContainer() throws Exception {
        List<SecurityFinding> all = SecurityReports.parse(Resources.text("reports/trivy-docs-vulnerabilityreport-nginx.yaml"), "x");
        SecurityFinding libwebp = all.get(1);
        assertThat(libwebp.rule()).isEqualTo("CVE-2018-25009");
        assertThat(libwebp.title()).isEqualTo("libwebp: out-of-bounds read in WebPMuxCreateInternal");
        assertThat(libwebp.message()).isEqualTo("libwebp6 0.6.1-2, no fixed version yet (container nginx) in library/nginx:1.16");
        assertThat(libwebp.remediation()).isEmpty();
        assertThat(libwebp.time()).isNull();
        assertThat(libwebp.namespace()).isEqualTo("default");
        assertThat(libwebp.payload()).contains("\"primaryLink\":\"https://avd.aquasec.com/nvd/cve-2018-25009\"",
                "\"repository\":\"library/nginx\"");
        SecurityFinding libbsd = all.get(0);
        assertThat(libbsd.title()).isEqualTo("CVE-2019-20367");
        assertThat(libbsd.remediation()).isEqualTo("Upgrade libbsd0 to 0.9.1-2+deb10u1");
    }

    @Test
    void aConfigAuditCheckCarriesItsMessagesAndRemediation() throws Exception {
        SecurityFinding ksv001 = SecurityReports.parse(Resources.text("reports/trivy-configauditreport-pod.yaml"), "x").getFirst();
        assertThat(ksv001.rule()).isEqualTo("KSV001");
        assertThat(ksv001.title()).isEqualTo("Can elevate its own privileges");
        assertThat(ksv001.message()).isEqualTo(
                "Container 'app' of Pod 'my-pod' should set 'securityContext.allowPrivilegeEscalation' to false");
        assertThat(ksv001.remediation()).startsWith("Set 'set containers[].securityContext.allowPrivilegeEscalation'");
    }

    @Test
    void policyResultsKeepTimestampRuleAndEngine() throws Exception {
        List<SecurityFinding> trivy = SecurityReports.parse(Resources.text("reports/policyreport-from-trivy.yaml"), "x");
        assertThat(trivy.getFirst().rule()).isEqualTo("CVE-2021-30139");
        assertThat(trivy.getFirst().time()).isEqualTo(Instant.ofEpochSecond(1628548814, -879126275));
        List<SecurityFinding> falco = SecurityReports.parse(Resources.text("reports/policyreport-falco-v1alpha2.yaml"), "x");
        assertThat(falco.get(0).rule()).isEqualTo("Change thread namespace");
        assertThat(falco.get(0).message()).isEqualTo("Falco alert created due to the Change thread namespace rule");
        assertThat(falco.get(0).payload()).contains("\"engine\":\"falco-agent\"", "\"container.id\":\"0f8d7e2a3296\"");
        assertThat(falco.get(1).object()).isNull();
        assertThat(falco.get(1).namespace()).isEmpty();
    }

    @Test
    void passingResultsWhenAskedForAreInfo() throws Exception {
        List<SecurityFinding> all = SecurityReports.parse(
                Resources.text("reports/policyreport-kyverno-reports.x-k8s.io-v1beta1.yaml"), "x", true);
        assertThat(all).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.rule()).isEqualTo("disallow-capabilities/adding-capabilities");
            assertThat(f.title()).isEqualTo("disallow-capabilities");
            assertThat(f.message()).isEqualTo("passed: validation rule 'adding-capabilities' passed.");
            assertThat(f.object()).isEqualTo(new KubeRef("Pod", "nirmata", "kyverno-6d88f6dcdd-k6bc5"));
            assertThat(f.time()).isEqualTo(Instant.ofEpochSecond(1679565894));
        });
    }

    @Test
    void gatekeeperViolationsNameTheConstraintAndObject() throws Exception {
        List<SecurityFinding> all = SecurityReports.parse(
                Resources.text("reports/gatekeeper-docs-k8srequiredlabels-violations.yaml"), "x");
        assertThat(all).extracting(SecurityFinding::object).extracting(KubeRef::name)
                .containsExactly("default", "gatekeeper-system", "kube-public", "kube-system");
        assertThat(all.getFirst().rule()).isEqualTo("K8sRequiredLabels/ns-must-have-gk");
        assertThat(all.getFirst().message()).isEqualTo("you must provide labels: {\"gatekeeper\"}");
        assertThat(all.getFirst().time()).isEqualTo(Instant.parse("2019-05-11T01:46:13Z"));
    }

    @Test
    void theInvalidYamlOfTheDocsIsAClearOneLineError() {
        String file = "trivy-docs-vulnerabilityreport-nginx-extended-INVALID-indentation.yaml";
        assertThatThrownBy(() -> SecurityReports.parse(Resources.text("reports/" + file), file))
                .isInstanceOf(SecurityParseException.class)
                .hasMessage(file + ", line 49: not valid YAML: while parsing a block collection: "
                        + "expected <block end>, but found '<block mapping start>'")
                .satisfies(e -> assertThat(((SecurityParseException) e).line()).isEqualTo(49));
    }

    @Test
    void aDocumentThatIsNoReportIsAnError() {
        assertThatThrownBy(() -> SecurityReports.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "cm.yaml"))
                .isInstanceOf(SecurityParseException.class)
                .hasMessage("cm.yaml: not a security report Pitwall reads: kind ConfigMap, apiVersion v1");
        assertThatThrownBy(() -> SecurityReports.parse("{\"kind\": \"PolicyReport\",", "r.json"))
                .isInstanceOf(SecurityParseException.class)
                .hasMessageStartingWith("r.json, line 1: not valid JSON");
    }

    @Test
    void aFabric8ObjectAsListedGivesTheSameFindings() throws Exception {
        String text = Resources.text("reports/trivy-vulnerabilityreport-coredns.yaml");
        GenericKubernetesResource r = Serialization.unmarshal(text, GenericKubernetesResource.class);
        assertThat(SecurityReports.of(r)).isEqualTo(SecurityReports.parse(text, "x"));
        assertThat(SecurityReports.isReport("aquasecurity.github.io/v1alpha1", "VulnerabilityReport")).isTrue();
        assertThat(SecurityReports.isReport("constraints.gatekeeper.sh/v1beta1", "K8sRequiredLabels")).isTrue();
        assertThat(SecurityReports.isReport("v1", "ConfigMap")).isFalse();
    }
}
