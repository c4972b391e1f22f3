package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each posture check fires on a risky object and not on its compliant twin. */
class PostureTest {

    static final KubeRef WEB = new KubeRef("Pod", "shop", "web");

    /** A pod that passes every check: its own service account, non-root, read-only, pinned, limited, no secret env. */
    static Pod compliant() {
        return new PodBuilder()
                .withMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("web").build())
                .withNewSpec()
                .withServiceAccountName("web")
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L).endSecurityContext()
                .withContainers(new ContainerBuilder()
                        .withName("app")
                        .withImage("registry.example:5000/shop/web:1.27.1")
                        .withNewSecurityContext()
                        .withReadOnlyRootFilesystem(true)
                        .withAllowPrivilegeEscalation(false)
                        .withNewCapabilities().withDrop("ALL").withAdd("NET_BIND_SERVICE").endCapabilities()
                        .endSecurityContext()
                        .withNewResources().withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("128Mi")))
                        .endResources()
                        .withEnv(new EnvVarBuilder().withName("MODE").withValue("prod").build())
                        .build())
                .withVolumes(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build())
                .endSpec()
                .build();
    }

    static Stream<Arguments> podChecks() {
        return Stream.of(
                risky(PostureCheck.PRIVILEGED, "app", s -> s.getContainers().getFirst().getSecurityContext().setPrivileged(true)),
                risky(PostureCheck.HOST_NAMESPACES, "", s -> s.setHostNetwork(true)),
                risky(PostureCheck.HOST_NAMESPACES, "", s -> s.setHostPID(true)),
                risky(PostureCheck.HOST_NAMESPACES, "", s -> s.setHostIPC(true)),
                risky(PostureCheck.HOST_PATH, "volume:root", s -> s.getVolumes().add(new VolumeBuilder().withName("root")
                        .withNewHostPath().withPath("/").endHostPath().build())),
                risky(PostureCheck.CAPABILITIES, "app", s -> s.getContainers().getFirst().getSecurityContext()
                        .setCapabilities(new Capabilities(List.of("NET_BIND_SERVICE", "SYS_ADMIN", "NET_RAW"), List.of("ALL")))),
                risky(PostureCheck.RUN_AS_ROOT, "app", s -> s.getContainers().getFirst().getSecurityContext().setRunAsUser(0L)),
                risky(PostureCheck.RUN_AS_NON_ROOT, "app", s -> s.getSecurityContext().setRunAsNonRoot(null)),
                risky(PostureCheck.RUN_AS_NON_ROOT, "app", s -> s.getContainers().getFirst().getSecurityContext().setRunAsNonRoot(false)),
                risky(PostureCheck.WRITABLE_ROOT_FS, "app", s -> s.getContainers().getFirst().getSecurityContext()
                        .setReadOnlyRootFilesystem(false)),
                risky(PostureCheck.MUTABLE_IMAGE, "app", s -> s.getContainers().getFirst().setImage("nginx:latest")),
                risky(PostureCheck.MUTABLE_IMAGE, "app", s -> s.getContainers().getFirst().setImage("registry.example:5000/shop/web")),
                risky(PostureCheck.NO_LIMITS, "app", s -> s.getContainers().getFirst().getResources().getLimits().remove("memory")),
                risky(PostureCheck.SECRET_IN_ENV, "app", s -> s.getContainers().getFirst().getEnv().add(new EnvVarBuilder()
                        .withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "db", false).endValueFrom().build())),
                risky(PostureCheck.DEFAULT_SA_TOKEN, "", s -> s.setServiceAccountName(null)),
                // an init container is checked as well
                risky(PostureCheck.PRIVILEGED, "init", s -> s.getInitContainers().add(new ContainerBuilder(s.getContainers().getFirst())
                        .withName("init").editSecurityContext().withPrivileged(true).endSecurityContext().build())));
    }

    private static Arguments risky(PostureCheck check, String container, Consumer<PodSpec> change) {
        return Arguments.of(check, container, change);
    }

    @Test
    void theCompliantPodHasNoFinding() {
        assertThat(Posture.pod(compliant())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("podChecks")
    void aPodCheckFiresOnTheRiskyTwinOnly(PostureCheck check, String container, Consumer<PodSpec> change) {
        Pod risky = compliant();
        change.accept(risky.getSpec());
        List<SecurityFinding> found = Posture.pod(risky);
        assertThat(found).extracting(SecurityFinding::rule).containsOnly(check.id());
        SecurityFinding f = found.getFirst();
        assertThat(f.source()).isEqualTo(FindingSource.POSTURE);
        assertThat(f.severity()).isEqualTo(check.severity());
        assertThat(f.object()).isEqualTo(WEB);
        assertThat(f.namespace()).isEqualTo("shop");
        assertThat(f.time()).isNull();
        assertThat(f.id()).isEqualTo("posture:" + check.id() + ":Pod/shop/web" + (container.isEmpty() ? "" : "/" + container));
        assertThat(f.message()).endsWith(check.why());
        assertThat(f.remediation()).isEqualTo(check.remediation());
        assertThat(Posture.pod(compliant())).extracting(SecurityFinding::rule).doesNotContain(check.id());
    }

    @Test
    void addedCapabilitiesAreNamedAndBaselineOnesPass() {
        Pod p = compliant();
        p.getSpec().getContainers().getFirst().getSecurityContext()
                .setCapabilities(new Capabilities(List.of("CHOWN", "CAP_SYS_ADMIN", "NET_RAW"), List.of()));
        assertThat(Posture.pod(p)).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("Container 'app' adds NET_RAW, SYS_ADMIN."));
    }

    @Test
    void theDefaultServiceAccountTokenPassesWhenNotMounted() {
        Pod p = compliant();
        p.getSpec().setServiceAccountName(null);
        var noAutomount = new ServiceAccountBuilder().withNewMetadata().withNamespace("shop").withName("default").endMetadata()
                .withAutomountServiceAccountToken(false).build();
        assertThat(Posture.pod(p, noAutomount)).isEmpty();
        p.getSpec().setAutomountServiceAccountToken(false);
        assertThat(Posture.pod(p)).isEmpty();
    }

    @Test
    void imageTags() {
        assertThat(PodPosture.tag("nginx")).isEmpty();
        assertThat(PodPosture.tag("localhost:5000/nginx")).isEmpty();
        assertThat(PodPosture.tag("localhost:5000/nginx:1.2")).isEqualTo("1.2");
        assertThat(PodPosture.tag("nginx@sha256:0123")).isEqualTo("@sha256:0123");
        assertThat(PodPosture.tag("nginx:latest")).isEqualTo("latest");
    }

    static Deployment deployment(Pod template) {
        return new DeploymentBuilder().withNewMetadata().withNamespace("shop").withName("web").endMetadata()
                .withNewSpec().withNewTemplate().withSpec(template.getSpec()).endTemplate().endSpec().build();
    }

    @Test
    void aWorkloadIsCheckedOnItsTemplateOnceWhereItIsWritten() {
        Pod risky = compliant();
        risky.getSpec().getContainers().getFirst().getSecurityContext().setPrivileged(true);
        Deployment d = deployment(risky);
        assertThat(Posture.workload(d)).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo(new KubeRef("Deployment", "shop", "web"));
            assertThat(f.rule()).isEqualTo("pss.baseline.privileged");
        });
        assertThat(Posture.workload(deployment(compliant()))).isEmpty();
        var cron = new CronJobBuilder().withNewMetadata().withNamespace("shop").withName("report").endMetadata()
                .withNewSpec().withSchedule("@daily").withNewJobTemplate().withNewSpec().withNewTemplate()
                .withSpec(risky.getSpec()).endTemplate().endSpec().endJobTemplate().endSpec().build();
        assertThat(Posture.workload(cron)).extracting(SecurityFinding::object)
                .containsExactly(new KubeRef("CronJob", "shop", "report"));

        // its ReplicaSet and pod are owned by a controller: left to the Deployment
        var owned = new ObjectMetaBuilder().withNamespace("shop").withName("web-5d6b9").addNewOwnerReference()
                .withKind("Deployment").withName("web").withController(true).endOwnerReference().build();
        var rs = new ReplicaSetBuilder().withMetadata(owned).withNewSpec().withNewTemplate().withSpec(risky.getSpec())
                .endTemplate().endSpec().build();
        Pod pod = new PodBuilder(risky).withMetadata(new ObjectMetaBuilder(owned).withName("web-5d6b9-x").build()).build();
        var policy = new NetworkPolicyBuilder().withNewMetadata().withNamespace("shop").withName("deny").endMetadata().build();
        List<SecurityFinding> all = Posture.evaluate(new Posture.Input(List.of(pod), List.<HasMetadata>of(d, rs), List.of(),
                List.of(), List.of(), List.of(policy), List.of(), List.of(), List.of(), List.of()));
        assertThat(all).extracting(SecurityFinding::object).containsExactly(new KubeRef("Deployment", "shop", "web"));
    }

    @Test
    void aNamespaceThatRunsPodsWithoutNetworkPolicyFires() {
        var shop = new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build();
        var empty = new NamespaceBuilder().withNewMetadata().withName("empty").endMetadata().build();
        var policy = new NetworkPolicyBuilder().withNewMetadata().withNamespace("shop").withName("deny").endMetadata().build();
        assertThat(Posture.networkPolicies(List.of(shop, empty), List.of(compliant()), List.of()))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("net.no-network-policy");
                    assertThat(f.object()).isEqualTo(new KubeRef("Namespace", "", "shop"));
                    assertThat(f.namespace()).isEqualTo("shop");
                });
        assertThat(Posture.networkPolicies(List.of(shop, empty), List.of(compliant()), List.of(policy))).isEmpty();
    }

    static Service service(String type, List<String> sourceRanges) {
        return new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("web").endMetadata()
                .withNewSpec().withType(type).addNewPort().withPort(80).withNodePort("ClusterIP".equals(type) ? null : 30080)
                .endPort().withLoadBalancerSourceRanges(sourceRanges).endSpec().build();
    }

    @Test
    void servicesExposedOutsideTheCluster() {
        assertThat(Posture.service(service("NodePort", List.of()))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("svc.exposed-nodeport");
            assertThat(f.message()).startsWith("Service type NodePort, ports 80:30080");
            assertThat(f.object()).isEqualTo(new KubeRef("Service", "shop", "web"));
        });
        assertThat(Posture.service(service("LoadBalancer", List.of()))).extracting(SecurityFinding::rule)
                .containsExactly("svc.exposed-load-balancer");
        assertThat(Posture.service(service("LoadBalancer", List.of("10.0.0.0/8")))).isEmpty();
        assertThat(Posture.service(service("ClusterIP", List.of()))).isEmpty();
    }

    static ClusterRoleBinding clusterBinding(String role, String subjectKind, String subject) {
        return new ClusterRoleBindingBuilder().withNewMetadata().withName("deployer-" + role).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                .addNewSubject().withKind(subjectKind).withName(subject).withNamespace("ServiceAccount".equals(subjectKind) ? "ci" : null)
                .endSubject().build();
    }

    @Test
    void serviceAccountsBoundToClusterAdmin() {
        assertThat(Posture.rbac(List.of(clusterBinding("cluster-admin", "ServiceAccount", "deployer")), List.of(), List.of(), List.of()))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("rbac.cluster-admin-binding");
                    assertThat(f.object()).isEqualTo(new KubeRef("ServiceAccount", "ci", "deployer"));
                    assertThat(f.message()).startsWith("Service account ci/deployer is bound to ClusterRole cluster-admin "
                            + "by ClusterRoleBinding deployer-cluster-admin.");
                });
        var view = new ClusterRoleBuilder().withNewMetadata().withName("view").endMetadata().addNewRule()
                .withApiGroups("").withResources("pods").withVerbs("get", "list").endRule().build();
        assertThat(Posture.rbac(List.of(clusterBinding("view", "ServiceAccount", "deployer")), List.of(), List.of(view), List.of()))
                .isEmpty();
        // Kubernetes' own bootstrap binding
        assertThat(Posture.rbac(List.of(clusterBinding("cluster-admin", "Group", "system:masters")), List.of(), List.of(), List.of()))
                .isEmpty();
    }

    static RoleBinding roleBinding(String role) {
        return new RoleBindingBuilder().withNewMetadata().withNamespace("ci").withName("runner").endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", role)
                .addNewSubject().withKind("ServiceAccount").withName("runner").endSubject().build();
    }

    @Test
    void serviceAccountsBoundToWildcardRoles() {
        var wild = new RoleBuilder().withNewMetadata().withNamespace("ci").withName("everything").endMetadata().addNewRule()
                .withApiGroups("*").withResources("*").withVerbs("*").endRule().build();
        var narrow = new RoleBuilder().withNewMetadata().withNamespace("ci").withName("pods").endMetadata().addNewRule()
                .withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").endRule().build();
        assertThat(Posture.rbac(List.of(), List.of(roleBinding("everything")), List.of(), List.of(wild, narrow)))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("rbac.wildcard-role");
                    assertThat(f.object()).isEqualTo(new KubeRef("ServiceAccount", "ci", "runner"));
                    assertThat(f.message()).contains("which grants resources * and verbs *");
                    assertThat(f.id()).isEqualTo("posture:rbac.wildcard-role:ServiceAccount/ci/runner/RoleBinding/runner");
                });
        assertThat(Posture.rbac(List.of(), List.of(roleBinding("pods")), List.of(), List.of(wild, narrow))).isEmpty();
    }

    static Pod real(String path) {
        try (var in = PostureTest.class.getResourceAsStream(path)) {
            return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in, Pod.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRealStaticEtcdPodOfOpenShift() {
        Pod etcd = real("/security/posture/openshift-pod-etcd-static.json");
        List<SecurityFinding> all = Posture.pod(etcd);
        assertThat(all).extracting(SecurityFinding::id).doesNotHaveDuplicates();
        assertThat(all).filteredOn(f -> f.rule().equals("pss.baseline.privileged")).extracting(SecurityFinding::id)
                .map(id -> id.substring(id.lastIndexOf('/') + 1))
                .containsExactly("etcd-ensure-env-vars", "etcd-resources-copy", "etcd", "etcd-metrics");
        assertThat(all).filteredOn(f -> f.rule().equals("pss.baseline.host-path-volumes")).hasSize(5)
                .extracting(SecurityFinding::message).anySatisfy(m -> assertThat(m).startsWith(
                        "Volume 'data-dir' mounts the node's /var/lib/etcd."));
        assertThat(all).filteredOn(f -> f.rule().equals("pss.baseline.host-namespaces")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Sets hostNetwork: true."));
        assertThat(all).extracting(SecurityFinding::object).containsOnly(new KubeRef("Pod", "openshift-etcd",
                "etcd-master-0.imeixner20210707.lab.upshift.rdu2.redhat.com"));
    }

    @Test
    void aRealNginxPodOfK9s() {
        // runs as the default account, not as non-root, writable, with a memory limit but no cpu limit
        assertThat(Posture.pod(real("/kubernetes/k9s-pod.json"))).extracting(SecurityFinding::rule).containsExactly(
                "pod.default-sa-token-mounted", "pss.restricted.run-as-non-root", "pod.writable-root-filesystem",
                "pod.no-resource-limits");
    }

    @Test
    void everyCheckHasAUniqueStableId() {
        assertThat(Stream.of(PostureCheck.values()).map(PostureCheck::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("(pss\\.(baseline|restricted)|pod|rbac|net|svc)\\.[a-z-]+"));
        assertThat(PostureCheck.byId("pss.baseline.privileged")).contains(PostureCheck.PRIVILEGED);
    }
}
