package io.pitwall.connectors.security;

import io.pitwall.connectors.model.Severity;
import java.util.Optional;

/**
 * The posture checks Pitwall runs on live objects, each with a stable id, a severity, and why it
 * matters. Pod checks are named after the Kubernetes Pod Security Standards where one of them
 * says the same ({@code pss.baseline.*}, {@code pss.restricted.*}); the rest after what they look at.
 */
public enum PostureCheck {
    PRIVILEGED("pss.baseline.privileged", Severity.CRITICAL, "Privileged container",
            "A privileged container holds every capability and the node's devices: a short way out onto the node",
            "Remove securityContext.privileged (or set it to false)"),
    HOST_NAMESPACES("pss.baseline.host-namespaces", Severity.HIGH, "Shares the node's namespaces",
            "hostNetwork, hostPID or hostIPC let the pod see and reach the node's network, processes or shared memory",
            "Set hostNetwork, hostPID and hostIPC to false"),
    HOST_PATH("pss.baseline.host-path-volumes", Severity.HIGH, "Mounts a hostPath volume",
            "A hostPath volume opens the node's filesystem to the pod; written to, it is a way onto the node",
            "Use a persistentVolumeClaim, configMap, secret or emptyDir volume instead"),
    CAPABILITIES("pss.baseline.capabilities", Severity.HIGH, "Adds capabilities beyond the baseline",
            "Capabilities outside the baseline set (SYS_ADMIN is nearly root, NET_RAW allows spoofing) widen what an intruder can do",
            "Drop the added capabilities; drop ALL and add back only NET_BIND_SERVICE where needed"),
    RUN_AS_ROOT("pss.restricted.run-as-user", Severity.HIGH, "Runs as root (uid 0)",
            "A process running as root in the container is root on the node if it breaks out",
            "Set securityContext.runAsUser to a non-zero uid and runAsNonRoot: true"),
    RUN_AS_NON_ROOT("pss.restricted.run-as-non-root", Severity.MEDIUM, "runAsNonRoot is not set",
            "Without runAsNonRoot the image's user is used, and many images run as root",
            "Set securityContext.runAsNonRoot: true on the pod or the container"),
    WRITABLE_ROOT_FS("pod.writable-root-filesystem", Severity.LOW, "Writable root filesystem",
            "An intruder can change the container's binaries and drop tools on a writable root filesystem",
            "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where it must write"),
    MUTABLE_IMAGE("pod.image-latest-tag", Severity.MEDIUM, "Image with :latest or no tag",
            "A :latest or untagged image can change under the same name: what runs is not what was reviewed",
            "Pin the image to a version tag, better a digest (@sha256:...)"),
    NO_LIMITS("pod.no-resource-limits", Severity.LOW, "No resource limits",
            "A container without a memory or CPU limit can starve its neighbours on the node (a denial of service)",
            "Set resources.limits.memory and resources.limits.cpu"),
    SECRET_IN_ENV("pod.secret-in-env", Severity.LOW, "Secret exposed as environment variables",
            "Environment variables leak into logs, crash reports and child processes; a mounted secret file does not",
            "Mount the secret as a volume instead of env or envFrom"),
    DEFAULT_SA_TOKEN("pod.default-sa-token-mounted", Severity.LOW, "Default service account token mounted",
            "The pod runs as the namespace's default service account with its API token mounted, which it rarely needs",
            "Set automountServiceAccountToken: false on the pod or the default service account, or give the pod its own service account"),
    CLUSTER_ADMIN("rbac.cluster-admin-binding", Severity.CRITICAL, "Bound to cluster-admin",
            "cluster-admin can do anything to every object of the cluster; whoever holds this token owns the cluster",
            "Bind a role that grants only what is needed"),
    WILDCARD_ROLE("rbac.wildcard-role", Severity.HIGH, "Bound to a role with wildcard verbs or resources",
            "A '*' grants every verb or resource, today's and those added later",
            "List the verbs and resources the subject needs"),
    NO_NETWORK_POLICY("net.no-network-policy", Severity.MEDIUM, "Namespace without NetworkPolicy",
            "Without a NetworkPolicy every pod of the namespace accepts traffic from anywhere in the cluster",
            "Add a default-deny NetworkPolicy and allow what the workloads need"),
    NODE_PORT("svc.exposed-nodeport", Severity.LOW, "NodePort service",
            "A NodePort opens the port on every node's address, often reachable from outside the cluster",
            "Use a ClusterIP service behind an ingress, or restrict the nodes' firewall"),
    LOAD_BALANCER("svc.exposed-load-balancer", Severity.MEDIUM, "LoadBalancer service",
            "A LoadBalancer service is usually reachable from outside the cluster, often from the internet",
            "Set loadBalancerSourceRanges, or use an internal load balancer or an ingress");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String why;
    private final String remediation;

    PostureCheck(String id, Severity severity, String title, String why, String remediation) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.why = why;
        this.remediation = remediation;
    }

    /** The stable id, e.g. {@code pss.baseline.privileged}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    /** Why it matters. */
    public String why() {
        return why;
    }

    public String remediation() {
        return remediation;
    }

    public static Optional<PostureCheck> byId(String id) {
        for (PostureCheck c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
