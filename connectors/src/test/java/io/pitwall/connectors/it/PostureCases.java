package io.pitwall.connectors.it;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.security.PostureCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * For each posture check, a risky object and its compliant twin, created in a namespace of the
 * real kube-apiserver: pods (never scheduled to a kubelet: none runs), a Deployment, services,
 * role bindings, and a namespace fenced by a NetworkPolicy beside one that is not.
 */
final class PostureCases {

    /** The check expected on {@code risky} and not on {@code twin}. */
    record Case(String check, KubeRef risky, KubeRef twin) {
    }

    private PostureCases() {
    }

    static List<Case> create(KubernetesClient admin, String ns, String fenced) {
        List<Case> cases = new ArrayList<>();
        pods(admin, ns, cases, PostureCheck.PRIVILEGED, (p, c) -> {
            c.getSecurityContext().setPrivileged(true);
            c.getSecurityContext().setAllowPrivilegeEscalation(null); // the server refuses both
        },
                (p, c) -> c.getSecurityContext().setPrivileged(false));
        pods(admin, ns, cases, PostureCheck.HOST_NAMESPACES, (p, c) -> p.getSpec().setHostPID(true),
                (p, c) -> p.getSpec().setHostPID(false));
        pods(admin, ns, cases, PostureCheck.HOST_PATH, (p, c) -> {
            p.getSpec().getVolumes().add(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("logs")
                    .withNewHostPath().withPath("/var/log").endHostPath().build());
            c.getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("logs")
                    .withMountPath("/logs").withReadOnly(true).build());
        }, (p, c) -> {
            p.getSpec().getVolumes().add(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("logs")
                    .withNewEmptyDir().endEmptyDir().build());
            c.getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("logs")
                    .withMountPath("/logs").build());
        });
        pods(admin, ns, cases, PostureCheck.CAPABILITIES, (p, c) -> c.getSecurityContext().getCapabilities().setAdd(List.of("SYS_ADMIN")),
                (p, c) -> c.getSecurityContext().getCapabilities().setAdd(List.of("NET_BIND_SERVICE")));
        pods(admin, ns, cases, PostureCheck.RUN_AS_ROOT, (p, c) -> {
            c.getSecurityContext().setRunAsUser(0L);
            c.getSecurityContext().setRunAsNonRoot(false);
        }, (p, c) -> c.getSecurityContext().setRunAsUser(10001L));
        pods(admin, ns, cases, PostureCheck.RUN_AS_NON_ROOT, (p, c) -> c.getSecurityContext().setRunAsNonRoot(null),
                (p, c) -> c.getSecurityContext().setRunAsNonRoot(true));
        pods(admin, ns, cases, PostureCheck.WRITABLE_ROOT_FS, (p, c) -> c.getSecurityContext().setReadOnlyRootFilesystem(false),
                (p, c) -> c.getSecurityContext().setReadOnlyRootFilesystem(true));
        pods(admin, ns, cases, PostureCheck.MUTABLE_IMAGE, (p, c) -> c.setImage("registry.invalid/app:latest"),
                (p, c) -> c.setImage("registry.invalid/app:1.0.3"));
        pods(admin, ns, cases, PostureCheck.NO_LIMITS, (p, c) -> c.getResources().setLimits(null),
                (p, c) -> c.getResources().setLimits(Map.of("cpu", new Quantity("200m"), "memory", new Quantity("128Mi"))));
        pods(admin, ns, cases, PostureCheck.SECRET_IN_ENV, (p, c) -> c.setEnv(List.of(new EnvVarBuilder().withName("DB_PASSWORD")
                        .withNewValueFrom().withNewSecretKeyRef().withName("db").withKey("password").endSecretKeyRef()
                        .endValueFrom().build())),
                (p, c) -> c.setEnv(List.of(new EnvVarBuilder().withName("DB_PASSWORD_FILE").withValue("/secrets/password").build())));
        pods(admin, ns, cases, PostureCheck.DEFAULT_SA_TOKEN, (p, c) -> p.getSpec().setAutomountServiceAccountToken(null),
                (p, c) -> p.getSpec().setAutomountServiceAccountToken(false));

        // a workload's pod template is checked where it is written
        Pod risky = base(ns, "deploy");
        risky.getSpec().setHostNetwork(true);
        for (String name : List.of("risky-deploy", "twin-deploy")) {
            Pod template = name.startsWith("risky") ? risky : base(ns, "deploy");
            admin.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withNewMetadata().withName(name)
                    .endMetadata().withNewSpec().withReplicas(0).withNewSelector().withMatchLabels(Map.of("app", name))
                    .endSelector().withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                    .withSpec(template.getSpec()).endTemplate().endSpec().build()).create();
        }
        cases.add(new Case(PostureCheck.HOST_NAMESPACES.id(), new KubeRef("Deployment", ns, "risky-deploy"),
                new KubeRef("Deployment", ns, "twin-deploy")));

        // services
        admin.services().inNamespace(ns).resource(service("risky-nodeport", "NodePort")).create();
        admin.services().inNamespace(ns).resource(service("twin-nodeport", "ClusterIP")).create();
        cases.add(new Case(PostureCheck.NODE_PORT.id(), new KubeRef("Service", ns, "risky-nodeport"),
                new KubeRef("Service", ns, "twin-nodeport")));
        admin.services().inNamespace(ns).resource(service("risky-lb", "LoadBalancer")).create();
        var fencedLb = service("twin-lb", "LoadBalancer");
        fencedLb.getSpec().setLoadBalancerSourceRanges(List.of("10.0.0.0/8"));
        admin.services().inNamespace(ns).resource(fencedLb).create();
        cases.add(new Case(PostureCheck.LOAD_BALANCER.id(), new KubeRef("Service", ns, "risky-lb"),
                new KubeRef("Service", ns, "twin-lb")));

        // RBAC: cluster-admin against view; a Role with wildcards against one that lists its verbs
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(ns + "-admin")
                .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("cluster-admin").endRoleRef().addNewSubject().withKind("ServiceAccount").withName("risky-admin")
                .withNamespace(ns).endSubject().build()).create();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(ns + "-view")
                .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("view").endRoleRef().addNewSubject().withKind("ServiceAccount").withName("twin-admin")
                .withNamespace(ns).endSubject().build()).create();
        cases.add(new Case(PostureCheck.CLUSTER_ADMIN.id(), new KubeRef("ServiceAccount", ns, "risky-admin"),
                new KubeRef("ServiceAccount", ns, "twin-admin")));
        for (String who : List.of("risky-wild", "twin-wild")) {
            boolean wild = who.startsWith("risky");
            admin.rbac().roles().inNamespace(ns).resource(new RoleBuilder().withNewMetadata().withName(who).endMetadata()
                    .addNewRule().withApiGroups("").withResources(wild ? "*" : "pods").withVerbs(wild ? List.of("*")
                            : List.of("get", "list", "watch")).endRule().build()).create();
            admin.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata().withName(who)
                    .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(who)
                    .endRoleRef().addNewSubject().withKind("ServiceAccount").withName(who).withNamespace(ns).endSubject()
                    .build()).create();
        }
        cases.add(new Case(PostureCheck.WILDCARD_ROLE.id(), new KubeRef("ServiceAccount", ns, "risky-wild"),
                new KubeRef("ServiceAccount", ns, "twin-wild")));

        // a namespace with pods and no NetworkPolicy, and one fenced by a default-deny policy
        createPod(admin, base(fenced, "fenced"));
        admin.network().v1().networkPolicies().inNamespace(fenced).resource(new NetworkPolicyBuilder().withNewMetadata()
                .withName("default-deny").endMetadata().withNewSpec().withNewPodSelector().endPodSelector()
                .withPolicyTypes("Ingress").endSpec().build()).create();
        cases.add(new Case(PostureCheck.NO_NETWORK_POLICY.id(), new KubeRef("Namespace", "", ns),
                new KubeRef("Namespace", "", fenced)));
        return cases;
    }

    private interface Change {
        void apply(Pod pod, Container container);
    }

    private static void pods(KubernetesClient admin, String ns, List<Case> cases, PostureCheck check, Change risky, Change twin) {
        String name = check.id().replaceAll("[^a-z0-9]+", "-");
        Pod r = base(ns, "risky-" + name);
        risky.apply(r, r.getSpec().getContainers().getFirst());
        Pod t = base(ns, "twin-" + name);
        twin.apply(t, t.getSpec().getContainers().getFirst());
        createPod(admin, r);
        createPod(admin, t);
        cases.add(new Case(check.id(), new KubeRef("Pod", ns, r.getMetadata().getName()),
                new KubeRef("Pod", ns, t.getMetadata().getName())));
    }

    /** A pod no check finds fault with: non-root, read-only, no added capabilities, a pinned image, limits, no token. */
    static Pod base(String ns, String name) {
        Container c = new ContainerBuilder().withName("app").withImage("registry.invalid/app:1.0")
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L).withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .withNewResources().withLimits(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("64Mi")))
                .endResources().withVolumeMounts(new ArrayList<>()).build();
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withNewSpec().withAutomountServiceAccountToken(false).withContainers(c).withVolumes(new ArrayList<>())
                .endSpec().build();
    }

    private static io.fabric8.kubernetes.api.model.Service service(String name, String type) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withType(type)
                .withSelector(Map.of("app", name)).addNewPort().withPort(8080).endPort().endSpec().build();
    }

    /**
     * Creates a pod; one that mounts the default token may be refused until the token controller
     * has made the account's token, so that refusal is retried.
     */
    private static void createPod(KubernetesClient admin, Pod pod) {
        Consumer<Pod> create = p -> admin.pods().inNamespace(p.getMetadata().getNamespace()).resource(p).create();
        for (int attempt = 1; ; attempt++) {
            try {
                create.accept(pod);
                return;
            } catch (KubernetesClientException e) {
                if (attempt >= 150 || e.getMessage() == null || !e.getMessage().contains("token")) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
