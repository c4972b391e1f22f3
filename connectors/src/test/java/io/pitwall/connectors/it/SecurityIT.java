package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.security.SecurityReports;
import io.pitwall.connectors.security.SecuritySource;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The live security source on the real kube-apiserver: without the report CRDs the report
 * sources are notes, not errors; with Trivy's and the wg-policy CRDs installed (minimal
 * structural manifests, test resources security/crds) real reports become findings on the
 * objects they name; each posture check fires on a risky pod, binding or service and not on its
 * compliant twin; a context that may read one namespace gets notes, not a failure; and Pitwall
 * only read. The CRDs are removed at the end (and before, if a run was cut short).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> CRDS = List.of("vulnerabilityreports.aquasecurity.github.io",
            "configauditreports.aquasecurity.github.io", "policyreports.wgpolicyk8s.io");

    private final Backends backends = Backends.load();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "pitwall-sec-" + suffix;
    private final String fenced = "pitwall-sec-np-" + suffix;
    private Instant since;
    private KubernetesClient admin;

    @BeforeAll
    void setUp() {
        since = Instant.now().minusSeconds(1);
        admin = Kube.client(backends, backends.adminContext());
        deleteCrds();
        Kube.createNamespace(admin, namespace);
        Kube.createNamespace(admin, fenced);
    }

    @AfterAll
    void tearDown() {
        if (admin != null) {
            deleteCrds();
            admin.rbac().clusterRoleBindings().withName(namespace + "-admin").delete();
            admin.rbac().clusterRoleBindings().withName(namespace + "-view").delete();
            admin.namespaces().withName(namespace).delete();
            admin.namespaces().withName(fenced).delete();
            admin.close();
        }
    }

    @Test
    @Order(1)
    void withoutTheCrdsTheReportSourcesAreNotesNotErrors() throws Exception {
        SecuritySource.Result r = read(backends.adminContext());
        assertThat(r.notes()).contains("Trivy Operator is not installed: no vulnerability or config audit reports.",
                "No PolicyReport CRD is installed (wgpolicyk8s.io, reports.x-k8s.io): no policy reports.",
                "Gatekeeper is not installed: no constraint violations.",
                "Falco events come from Loki (falcosidekick): none configured.");
        assertThat(r.notes()).noneMatch(n -> n.contains("failed"));
        assertThat(r.findings()).noneMatch(f -> f.source() == FindingSource.TRIVY || f.source() == FindingSource.POLICY_REPORT);
    }

    @Test
    @Order(2)
    void installedCrdsServeReportsThatBecomeFindingsOnTheirObjects() throws Exception {
        for (String crd : CRDS) {
            admin.apiextensions().v1().customResourceDefinitions()
                    .resource(Serialization.unmarshal(resource("crds/" + crd + ".yaml"), CustomResourceDefinition.class)).create();
        }
        for (String crd : CRDS) {
            await("CRD " + crd + " established", () -> established(crd));
        }
        await("discovery to serve the report kinds", () -> served("aquasecurity.github.io/v1alpha1",
                Set.of("vulnerabilityreports", "configauditreports")) && served("wgpolicyk8s.io/v1alpha2", Set.of("policyreports")));
        // the real reports, moved into this run's namespace (owner references dropped: their owners do not exist here)
        String vulnerabilities = resource("reports/trivy-vulnerabilityreport-coredns.yaml").replace("kube-system", namespace);
        String audit = resource("reports/trivy-configauditreport-pod.yaml").replace("<HASH>", "0123abcd")
                .replace("namespace: default", "namespace: " + namespace);
        String policy = resource("reports/policyreport-falco-v1alpha2.yaml").split("\n---\n")[0].replace("my-namespace", namespace);
        create(vulnerabilities, "aquasecurity.github.io", "v1alpha1", "vulnerabilityreports");
        create(audit, "aquasecurity.github.io", "v1alpha1", "configauditreports");
        create(policy, "wgpolicyk8s.io", "v1alpha2", "policyreports");

        SecuritySource.Result r = read(backends.adminContext());

        assertThat(r.notes()).noneMatch(n -> n.startsWith("Trivy Operator")).noneMatch(n -> n.contains("PolicyReport CRD"))
                .noneMatch(n -> n.contains("failed"));
        // what the reports say, read from their text (a PolicyReport result's id has the server's creation time)
        Set<String> expected = keys(SecurityReports.parse(vulnerabilities, "vulnerabilities"));
        expected.addAll(keys(SecurityReports.parse(audit, "audit")));
        expected.addAll(keys(SecurityReports.parse(policy, "policy")));
        List<SecurityFinding> reported = r.findings().stream().filter(f -> f.source() == FindingSource.TRIVY
                || f.source() == FindingSource.POLICY_REPORT).filter(f -> namespace.equals(f.namespace())).toList();
        assertThat(keys(reported)).isEqualTo(expected);
        assertThat(reported).filteredOn(f -> f.rule().equals("CVE-2021-3121")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.object()).isEqualTo(new KubeRef("ReplicaSet", namespace, "coredns-558bd4d5db")));
        assertThat(reported).filteredOn(f -> f.rule().equals("KSV001")).singleElement()
                .satisfies(f -> assertThat(f.object()).isEqualTo(new KubeRef("Pod", namespace, "my-pod")));
        assertThat(reported).filteredOn(f -> f.source() == FindingSource.POLICY_REPORT).singleElement()
                .satisfies(f -> assertThat(f.object()).isEqualTo(new KubeRef("Pod", namespace, "a-pod")));
    }

    @Test
    @Order(3)
    void eachPostureCheckFiresOnTheRiskyObjectAndNotOnItsTwin() throws Exception {
        List<PostureCases.Case> cases = PostureCases.create(admin, namespace, fenced);

        SecuritySource.Result r = read(backends.adminContext());

        List<SecurityFinding> posture = r.findings().stream().filter(f -> f.source() == FindingSource.POSTURE).toList();
        for (PostureCases.Case c : cases) {
            assertThat(posture).as(c.check() + " on " + c.risky())
                    .anySatisfy(f -> {
                        assertThat(f.rule()).isEqualTo(c.check());
                        assertThat(f.object()).isEqualTo(c.risky());
                    });
            assertThat(posture).as(c.check() + " not on " + c.twin())
                    .noneMatch(f -> f.rule().equals(c.check()) && f.object().equals(c.twin()));
        }
        // a twin pod is compliant throughout: no check fires on it
        assertThat(posture).filteredOn(f -> f.object() != null && f.object().kind().equals("Pod")
                && f.object().namespace().equals(namespace) && f.object().name().startsWith("twin-")).isEmpty();
    }

    @Test
    @Order(4)
    void aContextThatMayReadOneNamespaceGetsNotesNotAFailure() throws Exception {
        SecuritySource.Result r = read(backends.viewerContext());
        String home = backends.viewerNamespace();
        assertThat(r.notes()).contains("No permission to list ClusterRoleBindings: RBAC findings skipped.",
                "No permission to list Pods in every namespace: only namespace " + home + " is checked.");
        assertThat(r.findings()).filteredOn(f -> f.source() == FindingSource.POSTURE && !f.namespace().isEmpty())
                .allSatisfy(f -> assertThat(f.namespace()).isEqualTo(home));
    }

    @Test
    @Order(5)
    void pitwallOnlyRead() {
        List<ReadOnlyAudit.Request> seen = ReadOnlyAudit.assertOnlyReads(backends.auditLog(), "pitwall/", since);
        assertThat(seen).extracting(ReadOnlyAudit.Request::uri)
                .anyMatch(u -> u.startsWith("/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports"))
                .anyMatch(u -> u.startsWith("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"));
    }

    /** A fresh session's findings of the last 15 minutes (a fresh one: posture and reports are kept a while). */
    private SecuritySource.Result read(String context) throws Exception {
        try (LiveSession session = LiveSession.connect(context, Optional.empty(),
                () -> Config.fromKubeconfig(context, backends.kubeconfig().toFile()), Thread.ofVirtual()::start)) {
            await("the session's security source", () -> session.security().isPresent());
            SecuritySource.Result r = session.security().orElseThrow()
                    .findings(TimeRange.ending(Instant.now(), Duration.ofMinutes(15))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(session.state(Signal.SECURITY)).isInstanceOf(SourceState.Connected.class);
            return r;
        }
    }

    private void create(String yaml, String group, String version, String plural) {
        GenericKubernetesResource report = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        report.getMetadata().setOwnerReferences(null);
        report.getMetadata().setUid(null);
        report.getMetadata().setCreationTimestamp(null);
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
                .withKind(report.getKind()).withPlural(plural).withNamespaced(true).build();
        admin.genericKubernetesResources(context).inNamespace(namespace).resource(report).create();
    }

    private boolean established(String crd) {
        CustomResourceDefinition d = admin.apiextensions().v1().customResourceDefinitions().withName(crd).get();
        return d != null && d.getStatus() != null && d.getStatus().getConditions() != null && d.getStatus().getConditions()
                .stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private boolean served(String groupVersion, Set<String> plurals) {
        try {
            var list = admin.getApiResources(groupVersion);
            return list != null && list.getResources().stream().map(r -> r.getName()).collect(Collectors.toSet()).containsAll(plurals);
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    private void deleteCrds() {
        for (String crd : CRDS) {
            admin.apiextensions().v1().customResourceDefinitions().withName(crd).delete();
        }
        await("the report CRDs to be gone", () -> CRDS.stream()
                .allMatch(c -> admin.apiextensions().v1().customResourceDefinitions().withName(c).get() == null)
                && !served("aquasecurity.github.io/v1alpha1", Set.of()) && !served("wgpolicyk8s.io/v1alpha2", Set.of()));
    }

    /** A finding as source, rule, object and message. */
    private static Set<String> keys(List<SecurityFinding> findings) {
        return findings.stream().map(f -> f.source() + " " + f.rule() + " " + f.object() + " " + f.message()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static String resource(String path) throws IOException {
        try (InputStream in = SecurityIT.class.getResourceAsStream("/security/" + path)) {
            if (in == null) {
                return fail("no test resource security/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("waited " + WAIT.toSeconds() + " s for " + what + " (is kube-apiserver running? backends/backends.sh status)");
    }
}
