package io.pitwall.connectors.security;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posture findings Pitwall computes from live objects ({@link PostureCheck} lists them): pods and
 * workloads' pod templates, service accounts' role bindings, namespaces without a NetworkPolicy,
 * services exposed outside the cluster. A finding's id is {@code posture:<check>:<object>[/<container>]},
 * stable while the object stays as it is. Pure: give it the objects, it lists what is wrong.
 */
public final class Posture {

    /** Everything the checks look at, as listed from a cluster; any list may be empty. */
    public record Input(List<Pod> pods, List<HasMetadata> workloads, List<ServiceAccount> serviceAccounts,
            List<Service> services, List<Namespace> namespaces, List<NetworkPolicy> networkPolicies,
            List<ClusterRoleBinding> clusterRoleBindings, List<RoleBinding> roleBindings, List<ClusterRole> clusterRoles,
            List<Role> roles) {

        public Input {
            pods = List.copyOf(pods);
            workloads = List.copyOf(workloads);
            serviceAccounts = List.copyOf(serviceAccounts);
            services = List.copyOf(services);
            namespaces = List.copyOf(namespaces);
            networkPolicies = List.copyOf(networkPolicies);
            clusterRoleBindings = List.copyOf(clusterRoleBindings);
            roleBindings = List.copyOf(roleBindings);
            clusterRoles = List.copyOf(clusterRoles);
            roles = List.copyOf(roles);
        }
    }

    private Posture() {
    }

    /**
     * Every check over a cluster's objects. A pod template is checked once, where it is written:
     * pods and workloads that a controller owns (a Deployment's ReplicaSets and pods, a CronJob's
     * Jobs) are left to their owner.
     */
    public static List<SecurityFinding> evaluate(Input in) {
        Map<String, ServiceAccount> accounts = new HashMap<>();
        for (ServiceAccount sa : in.serviceAccounts()) {
            accounts.put(ns(sa) + "/" + name(sa), sa);
        }
        List<SecurityFinding> out = new ArrayList<>();
        for (HasMetadata w : in.workloads()) {
            if (!controlled(w)) {
                PodSpec spec = template(w);
                PodPosture.check(ref(w), spec, spec == null ? null : accounts.get(ns(w) + "/default"), out);
            }
        }
        for (Pod p : in.pods()) {
            if (!controlled(p)) {
                out.addAll(pod(p, accounts.get(ns(p) + "/default")));
            }
        }
        out.addAll(rbac(in.clusterRoleBindings(), in.roleBindings(), in.clusterRoles(), in.roles()));
        List<HasMetadata> running = new ArrayList<>(in.pods());
        running.addAll(in.workloads());
        out.addAll(networkPolicies(in.namespaces(), running, in.networkPolicies()));
        for (Service s : in.services()) {
            out.addAll(service(s));
        }
        return out;
    }

    /** A pod's checks. */
    public static List<SecurityFinding> pod(Pod p) {
        return pod(p, null);
    }

    /**
     * A pod's checks, with its namespace's default service account when known (whose
     * {@code automountServiceAccountToken: false} makes the token check pass).
     */
    public static List<SecurityFinding> pod(Pod p, ServiceAccount defaultAccount) {
        List<SecurityFinding> out = new ArrayList<>();
        PodPosture.check(ref(p), p.getSpec(), defaultAccount, out);
        return out;
    }

    /** The checks of a workload's pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). */
    public static List<SecurityFinding> workload(HasMetadata w) {
        List<SecurityFinding> out = new ArrayList<>();
        PodPosture.check(ref(w), template(w), null, out);
        return out;
    }

    /** The pod spec a workload stamps its pods from, or null for other kinds. */
    static PodSpec template(HasMetadata w) {
        PodTemplateSpec t = switch (w) {
            case Deployment d when d.getSpec() != null -> d.getSpec().getTemplate();
            case StatefulSet s when s.getSpec() != null -> s.getSpec().getTemplate();
            case DaemonSet d when d.getSpec() != null -> d.getSpec().getTemplate();
            case ReplicaSet r when r.getSpec() != null -> r.getSpec().getTemplate();
            case Job j when j.getSpec() != null -> j.getSpec().getTemplate();
            case CronJob c when c.getSpec() != null && c.getSpec().getJobTemplate() != null
                    && c.getSpec().getJobTemplate().getSpec() != null -> c.getSpec().getJobTemplate().getSpec().getTemplate();
            default -> null;
        };
        return t == null ? null : t.getSpec();
    }

    /** NodePort and LoadBalancer services. */
    public static List<SecurityFinding> service(Service s) {
        String type = s.getSpec() == null || s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
        List<String> ports = new ArrayList<>();
        for (ServicePort p : s.getSpec() == null || s.getSpec().getPorts() == null ? List.<ServicePort>of() : s.getSpec().getPorts()) {
            ports.add(p.getNodePort() == null ? String.valueOf(p.getPort()) : p.getPort() + ":" + p.getNodePort());
        }
        String list = String.join(", ", ports);
        return switch (type) {
            case "NodePort" -> List.of(finding(PostureCheck.NODE_PORT, ref(s), "",
                    "Service type NodePort, ports " + list, Map.of("ports", list)));
            case "LoadBalancer" -> {
                List<String> ranges = s.getSpec().getLoadBalancerSourceRanges();
                yield ranges != null && !ranges.isEmpty() ? List.of() : List.of(finding(PostureCheck.LOAD_BALANCER, ref(s), "",
                        "Service type LoadBalancer without loadBalancerSourceRanges, ports " + list, Map.of("ports", list)));
            }
            default -> List.of();
        };
    }

    /**
     * Namespaces that run something (pods or workloads in {@code running}) and have no
     * NetworkPolicy. {@code namespaces} may be empty: the namespaces of {@code running} are used.
     */
    public static List<SecurityFinding> networkPolicies(List<Namespace> namespaces, List<? extends HasMetadata> running,
            List<NetworkPolicy> policies) {
        Map<String, Integer> counts = new TreeMap<>();
        for (HasMetadata o : running) {
            counts.merge(ns(o), 1, Integer::sum);
        }
        Set<String> covered = new HashSet<>();
        for (NetworkPolicy p : policies) {
            covered.add(ns(p));
        }
        Set<String> known = new HashSet<>();
        for (Namespace n : namespaces) {
            known.add(name(n));
        }
        List<SecurityFinding> out = new ArrayList<>();
        counts.forEach((ns, n) -> {
            if (!ns.isEmpty() && !covered.contains(ns) && (known.isEmpty() || known.contains(ns))) {
                out.add(finding(PostureCheck.NO_NETWORK_POLICY, new KubeRef("Namespace", "", ns), "",
                        "Namespace " + ns + " runs " + n + (n == 1 ? " object" : " objects") + " and has no NetworkPolicy",
                        Map.of("namespace", ns)));
            }
        });
        return out;
    }

    /**
     * Subjects bound to cluster-admin, or to a role whose rules grant {@code *} verbs or
     * resources. The cluster's own bootstrap subjects and roles (named {@code system:...}) are
     * left out: Kubernetes binds them so by design.
     */
    public static List<SecurityFinding> rbac(List<ClusterRoleBinding> clusterRoleBindings, List<RoleBinding> roleBindings,
            List<ClusterRole> clusterRoles, List<Role> roles) {
        Map<String, List<PolicyRule>> clusterRules = new HashMap<>();
        for (ClusterRole r : clusterRoles) {
            clusterRules.put(name(r), r.getRules() == null ? List.of() : r.getRules());
        }
        Map<String, List<PolicyRule>> roleRules = new HashMap<>();
        for (Role r : roles) {
            roleRules.put(ns(r) + "/" + name(r), r.getRules() == null ? List.of() : r.getRules());
        }
        List<SecurityFinding> out = new ArrayList<>();
        for (ClusterRoleBinding b : clusterRoleBindings) {
            binding(ref(b), "", b.getRoleRef(), b.getSubjects(), clusterRules, roleRules, out);
        }
        for (RoleBinding b : roleBindings) {
            binding(ref(b), ns(b), b.getRoleRef(), b.getSubjects(), clusterRules, roleRules, out);
        }
        return out;
    }

    private static void binding(KubeRef binding, String bindingNs, RoleRef role, List<Subject> subjects,
            Map<String, List<PolicyRule>> clusterRules, Map<String, List<PolicyRule>> roleRules, List<SecurityFinding> out) {
        if (role == null || subjects == null || role.getName() == null) {
            return;
        }
        boolean clusterRole = "ClusterRole".equals(role.getKind());
        String roleName = role.getName();
        PostureCheck check;
        String wildcard = "";
        if (clusterRole && roleName.equals("cluster-admin")) {
            check = PostureCheck.CLUSTER_ADMIN;
        } else {
            if (roleName.startsWith("system:")) {
                return;
            }
            List<PolicyRule> rules = clusterRole ? clusterRules.get(roleName) : roleRules.get(bindingNs + "/" + roleName);
            wildcard = wildcards(rules == null ? List.of() : rules);
            if (wildcard.isEmpty()) {
                return;
            }
            check = PostureCheck.WILDCARD_ROLE;
        }
        String roleText = (clusterRole ? "ClusterRole " : "Role ") + roleName;
        for (Subject s : subjects) {
            String name = s.getName() == null ? "" : s.getName();
            boolean account = "ServiceAccount".equals(s.getKind());
            if (name.isEmpty() || (!account && name.startsWith("system:"))) {
                continue;
            }
            KubeRef subject = account ? new KubeRef("ServiceAccount", Trees.first(s.getNamespace(), bindingNs), name) : binding;
            String who = account ? "Service account " + subject.namespace() + "/" + name : s.getKind() + " " + name;
            Map<String, String> detail = new TreeMap<>(Map.of("binding", binding.toString(), "role", roleText,
                    "subject", s.getKind() + " " + name));
            if (!wildcard.isEmpty()) {
                detail.put("wildcards", wildcard);
            }
            out.add(finding(check, subject, account ? binding.kind() + "/" + binding.name() : name,
                    who + " is bound to " + roleText + " by " + binding.kind() + " " + binding.name()
                            + (wildcard.isEmpty() ? "" : ", which grants " + wildcard),
                    detail));
        }
    }

    private static String wildcards(List<PolicyRule> rules) {
        Set<String> found = new TreeSet<>();
        for (PolicyRule r : rules) {
            if (r.getVerbs() != null && r.getVerbs().contains("*")) {
                found.add("verbs *");
            }
            if (r.getResources() != null && r.getResources().contains("*")) {
                found.add("resources *");
            }
        }
        return String.join(" and ", found);
    }

    /** One posture finding: message is what was seen, then why it matters; a namespace's finding is in that namespace. */
    static SecurityFinding finding(PostureCheck check, KubeRef object, String part, String seen, Map<String, String> detail) {
        String id = "posture:" + check.id() + ":" + object.kind() + "/" + object.namespace() + "/" + object.name()
                + (part.isEmpty() ? "" : "/" + part);
        ObjectNode p = Trees.object();
        p.put("check", check.id());
        p.put("object", object.toString());
        if (!part.isEmpty() && PodPosture.CONTAINER_CHECKS.contains(check)) {
            p.put("container", part);
        }
        p.put("seen", seen);
        new TreeMap<>(detail).forEach(p::put);
        String ns = object.kind().equals("Namespace") ? object.name() : object.namespace();
        return new SecurityFinding(id, check.severity(), FindingSource.POSTURE, null, check.id(), check.title(), ns, object, seen + ". " + check.why(), check.remediation(), p.toString());
    }

    private static boolean controlled(HasMetadata o) {
        List<OwnerReference> owners = o.getMetadata() == null ? null : o.getMetadata().getOwnerReferences();
        if (owners == null) {
            return false;
        }
        for (OwnerReference r : owners) {
            if (Boolean.TRUE.equals(r.getController())) {
                return true;
            }
        }
        return false;
    }

    private static KubeRef ref(HasMetadata o) {
        return new KubeRef(o.getKind() == null ? o.getClass().getSimpleName() : o.getKind(), ns(o), name(o));
    }

    private static String ns(HasMetadata o) {
        return o.getMetadata() == null || o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
    }

    private static String name(HasMetadata o) {
        return o.getMetadata() == null || o.getMetadata().getName() == null ? "" : o.getMetadata().getName();
    }
}
