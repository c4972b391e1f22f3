package io.pitwall.app.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.security.Posture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's posture findings: Pitwall's own checks run over the demo's objects, as a capture of
 * a live cluster records them (the sock-shop manifests run as root, with writable root file
 * systems and no NetworkPolicy, as many real namespaces do).
 */
final class DemoPosture {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
            "CronJob");

    private DemoPosture() {
    }

    static List<SecurityFinding> findings(List<HasMetadata> objects) {
        List<Pod> pods = new ArrayList<>();
        List<HasMetadata> workloads = new ArrayList<>();
        List<ServiceAccount> accounts = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<Namespace> namespaces = new ArrayList<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        List<ClusterRoleBinding> clusterBindings = new ArrayList<>();
        List<RoleBinding> bindings = new ArrayList<>();
        List<ClusterRole> clusterRoles = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        for (HasMetadata o : objects) {
            switch (o) {
                case Pod p -> pods.add(p);
                case ServiceAccount sa -> accounts.add(sa);
                case Service s -> services.add(s);
                case Namespace n -> namespaces.add(n);
                case NetworkPolicy np -> policies.add(np);
                case ClusterRoleBinding b -> clusterBindings.add(b);
                case RoleBinding b -> bindings.add(b);
                case ClusterRole r -> clusterRoles.add(r);
                case Role r -> roles.add(r);
                default -> {
                    if (WORKLOADS.contains(o.getKind())) {
                        workloads.add(o);
                    }
                }
            }
        }
        return Posture.evaluate(new Posture.Input(pods, workloads, accounts, services, namespaces, policies, clusterBindings,
                bindings, clusterRoles, roles));
    }
}
