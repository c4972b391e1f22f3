package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.MockApiServer;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.SourceState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live security source on fabric8's CRUD mock API server ({@link MockApiServer}): posture
 * findings of the objects listed, a refused list as a note, report kinds found by discovery (or a
 * note per product not installed), Warning events of the window, a read that fails as a whole,
 * and only reads sent.
 */
class LiveSecurityTest {

    private static final Instant NOW = Instant.parse("2025-11-25T03:25:00Z");
    private static final TimeRange WINDOW = TimeRange.ending(NOW, java.time.Duration.ofMinutes(15));

    private final MockApiServer mock = new MockApiServer();
    private final KubernetesClient admin = mock.admin();
    private final KubernetesClient pitwall = mock.pitwall();
    private final List<SourceState> states = new CopyOnWriteArrayList<>();
    private Optional<ClusterState> clusterState = Optional.empty();

    @AfterEach
    void tearDown() {
        pitwall.close();
        mock.close();
    }

    private LiveSecurity source(Optional<String> home) {
        return new LiveSecurity(pitwall, home, "mock", () -> clusterState, Optional::empty, Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC), states::add);
    }

    private void forbid(String path) {
        mock.server().expect().get().withPath(path).andReturn(403, new StatusBuilder().withStatus("Failure")
                .withReason("Forbidden").withCode(403).withMessage("forbidden").build()).always();
    }

    private void shopWithPrivilegedPod() {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
        admin.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("web").withNamespace("shop")
                .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27")
                .withNewSecurityContext().withPrivileged(true).endSecurityContext().endContainer().endSpec().build()).create();
    }

    @Test
    void postureFindingsOfTheObjectsListedAndARefusedKindIsANote() throws Exception {
        shopWithPrivilegedPod();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName("ops-admin")
                .endMetadata().withNewRoleRef().withKind("ClusterRole").withName("cluster-admin")
                .withApiGroup("rbac.authorization.k8s.io").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName("ops").withNamespace("shop").endSubject().build()).create();
        forbid("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings");

        SecuritySource.Result r = source(Optional.empty()).findings(WINDOW).get();

        assertThat(r.findings()).filteredOn(f -> f.source() == FindingSource.POSTURE).extracting(SecurityFinding::rule)
                .contains("pss.baseline.privileged", "net.no-network-policy")
                .doesNotContain("rbac.cluster-admin-binding");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("pss.baseline.privileged")).singleElement()
                .satisfies(f -> assertThat(f.object()).isEqualTo(new KubeRef("Pod", "shop", "web")));
        assertThat(r.notes()).contains("No permission to list ClusterRoleBindings: RBAC findings skipped.",
                "Trivy Operator is not installed: no vulnerability or config audit reports.",
                "No PolicyReport CRD is installed (wgpolicyk8s.io, reports.x-k8s.io): no policy reports.",
                "Gatekeeper is not installed: no constraint violations.",
                LiveSecurity.NO_LOKI);
        assertThat(states).last().isEqualTo(new SourceState.Connected("cluster mock"));
        assertThat(mock.pitwallRequests()).contains("GET /api/v1/pods", "GET /apis/rbac.authorization.k8s.io/v1/clusterrolebindings");
    }

    @Test
    void refusedEverywhereButTheHomeNamespaceListsThereAndANamespaceWithoutListedPoliciesIsNoFinding() throws Exception {
        shopWithPrivilegedPod();
        forbid("/api/v1/pods");
        forbid("/apis/networking.k8s.io/v1/networkpolicies");
        forbid("/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies");

        SecuritySource.Result r = source(Optional.of("shop")).findings(WINDOW).get();

        assertThat(r.findings()).extracting(SecurityFinding::rule).contains("pss.baseline.privileged")
                .doesNotContain("net.no-network-policy");
        assertThat(r.notes()).contains("No permission to list Pods in every namespace: only namespace shop is checked.",
                "No permission to list NetworkPolicies: NetworkPolicy checks skipped.");
        assertThat(mock.pitwallRequests()).contains("GET /api/v1/namespaces/shop/pods");
    }

    @Test
    void reportsOfTheKindsTheServerServesBecomeFindingsOnTheirObjects() throws Exception {
        mock.server().expect().get().withPath("/apis/aquasecurity.github.io/v1alpha1").andReturn(200,
                new APIResourceListBuilder().withGroupVersion("aquasecurity.github.io/v1alpha1").addToResources(
                        new APIResourceBuilder().withName("vulnerabilityreports").withKind("VulnerabilityReport")
                                .withNamespaced(true).withVerbs("get", "list", "watch").build(),
                        new APIResourceBuilder().withName("configauditreports").withKind("ConfigAuditReport")
                                .withNamespaced(true).withVerbs("get", "list", "watch").build()).build()).always();
        mock.server().expect().get().withPath("/apis/constraints.gatekeeper.sh").andReturn(200, new APIGroupBuilder()
                .withName("constraints.gatekeeper.sh").addNewVersion().withGroupVersion("constraints.gatekeeper.sh/v1beta1").withVersion("v1beta1").endVersion()
                        .withNewPreferredVersion().withGroupVersion("constraints.gatekeeper.sh/v1beta1").withVersion("v1beta1")
                        .endPreferredVersion().build()).always();
        mock.server().expect().get().withPath("/apis/constraints.gatekeeper.sh/v1beta1").andReturn(200,
                new APIResourceListBuilder().withGroupVersion("constraints.gatekeeper.sh/v1beta1").addToResources(
                        new APIResourceBuilder().withName("k8srequiredlabels").withKind("K8sRequiredLabels")
                                .withNamespaced(false).withVerbs("get", "list", "watch").build(),
                        new APIResourceBuilder().withName("k8srequiredlabels/status").withKind("K8sRequiredLabels")
                                .withNamespaced(false).withVerbs("get").build()).build()).always();
        create("reports/trivy-configauditreport-pod.yaml", "aquasecurity.github.io", "v1alpha1", "configauditreports", true);
        create("reports/trivy-vulnerabilityreport-coredns.yaml", "aquasecurity.github.io", "v1alpha1", "vulnerabilityreports", true);
        create("reports/gatekeeper-docs-k8srequiredlabels-violations.yaml", "constraints.gatekeeper.sh", "v1beta1",
                "k8srequiredlabels", false);

        SecuritySource.Result r = source(Optional.empty()).findings(WINDOW).get();

        assertThat(r.findings()).filteredOn(f -> f.source() != FindingSource.POSTURE).isNotEmpty()
                .extracting(SecurityFinding::object).contains(new KubeRef("Pod", "default", "my-pod"),
                        new KubeRef("ReplicaSet", "kube-system", "coredns-558bd4d5db"),
                        new KubeRef("Namespace", "", "kube-system"));
        assertThat(r.findings()).extracting(SecurityFinding::rule).contains("KSV001", "CVE-2021-3121");
        assertThat(r.notes()).noneMatch(n -> n.startsWith("Trivy")).noneMatch(n -> n.startsWith("Gatekeeper"))
                .contains("No PolicyReport CRD is installed (wgpolicyk8s.io, reports.x-k8s.io): no policy reports.");
        assertThat(mock.pitwallRequests()).contains("GET /apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports",
                "GET /apis/constraints.gatekeeper.sh/v1beta1/k8srequiredlabels");
    }

    private void create(String fixture, String group, String version, String plural, boolean namespaced) {
        GenericKubernetesResource report = Serialization.unmarshal(Resources.text(fixture), GenericKubernetesResource.class);
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
                .withKind(report.getKind()).withPlural(plural).withNamespaced(namespaced).build();
        report.getMetadata().setUid(null);
        report.getMetadata().setResourceVersion(null);
        if (namespaced) {
            admin.genericKubernetesResources(context).inNamespace(report.getMetadata().getNamespace()).resource(report).create();
        } else {
            admin.genericKubernetesResources(context).resource(report).create();
        }
    }

    @Test
    void theWindowsWarningEventsOfSecurityAreFindings() throws Exception {
        KubeRef pod = new KubeRef("Pod", "shop", "web");
        clusterState = Optional.of(new ClusterState(NOW, List.of("shop"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(
                        new EventInfo(pod, "Warning", "FailedCreate", "pods \"web\" is forbidden: violates PodSecurity "
                                + "\"restricted:latest\": privileged", NOW.minusSeconds(60), 3),
                        new EventInfo(pod, "Warning", "FailedCreate", "pods \"web\" is forbidden: violates PodSecurity "
                                + "\"baseline:latest\": hostPath", NOW.minusSeconds(3600), 1),
                        new EventInfo(pod, "Normal", "Scheduled", "assigned", NOW.minusSeconds(30), 1)),
                Map.of(), java.util.Set.of(), java.util.Set.of()));

        SecuritySource.Result r = source(Optional.empty()).findings(WINDOW).get();

        assertThat(r.findings()).filteredOn(f -> f.source() == FindingSource.KUBE_EVENT).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("event.pod-security");
                    assertThat(f.message()).contains("restricted:latest");
                });
    }

    @Test
    void aClusterThatAnswersNoListFailsTheReadAsAWholeAndTheNextReadTriesAgain() throws Exception {
        KubernetesClient gone = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build();
        try (gone) {
            LiveSecurity source = new LiveSecurity(gone, Optional.empty(), "gone", Optional::empty, Optional::empty,
                    Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC), states::add);
            Throwable t = catchThrowable(() -> source.findings(WINDOW).join());
            assertThat(t).isInstanceOf(CompletionException.class);
            assertThat(t.getCause()).hasMessage("listing Pods failed: connection refused");
            assertThat(states).last().isEqualTo(new SourceState.Failing("listing Pods failed: connection refused"));
            // a failure is not kept: asked again, the cluster is listed again
            assertThat(catchThrowable(() -> source.findings(WINDOW).join())).isInstanceOf(CompletionException.class);
        }
    }

    @Test
    void standingFindingsAreReusedWithinTheirTimeToLive() throws Exception {
        shopWithPrivilegedPod();
        LiveSecurity source = source(Optional.empty());
        source.findings(WINDOW).get();
        mock.pitwallRequests();
        source.findings(TimeRange.ending(NOW, java.time.Duration.ofHours(1))).get();
        assertThat(mock.takeRequests()).isEmpty();
    }

    @Test
    void followTailsFalcosidekicksStreamsFromNowAndHandsOverFindingsUntilClosed() throws Exception {
        List<io.pitwall.connectors.logs.LogQuery> asked = new CopyOnWriteArrayList<>();
        List<io.pitwall.connectors.logs.LogTail.Listener> listeners = new CopyOnWriteArrayList<>();
        AtomicBoolean tailClosed = new AtomicBoolean();
        io.pitwall.connectors.logs.LogsSource loki = new io.pitwall.connectors.logs.StubLogsSource("Loki", true) {
            @Override
            public io.pitwall.connectors.logs.LogTail tail(io.pitwall.connectors.logs.LogQuery query,
                                                          io.pitwall.connectors.logs.LogTail.Listener listener) {
                asked.add(query);
                listeners.add(listener);
                return () -> tailClosed.set(true);
            }
        };
        List<List<SecurityFinding>> batches = new CopyOnWriteArrayList<>();
        LiveSecurity source = new LiveSecurity(pitwall, Optional.empty(), "mock", Optional::empty, () -> Optional.of(loki),
                Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC), states::add);
        assertThat(source.describe()).isEqualTo("cluster mock and Loki");

        AutoCloseable following = source.follow(batches::add);

        assertThat(asked).singleElement().satisfies(q -> {
            assertThat(q.logql()).isEqualTo(FalcoEvents.LOKI_SELECTOR);
            assertThat(q.range().from()).isEqualTo(NOW);
        });
        io.pitwall.connectors.model.LogStream falco = new io.pitwall.connectors.model.LogStream(Map.of("rule",
                "Terminal shell in container", "priority", "Notice", "k8s_ns_name", "shop", "k8s_pod_name", "web"));
        io.pitwall.connectors.model.LogStream other = new io.pitwall.connectors.model.LogStream(Map.of("app", "web"));
        listeners.getFirst().entries(List.of(
                new io.pitwall.connectors.model.LogEntry(1764040810000000000L, falco, "A shell was spawned"),
                new io.pitwall.connectors.model.LogEntry(1764040811000000000L, other, "GET /")));
        listeners.getFirst().entries(List.of(new io.pitwall.connectors.model.LogEntry(1764040812000000000L, other, "GET /")));
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(FindingSource.FALCO);
            assertThat(f.object()).isEqualTo(new KubeRef("Pod", "shop", "web"));
        }));
        following.close();
        assertThat(tailClosed).isTrue();
    }
}
