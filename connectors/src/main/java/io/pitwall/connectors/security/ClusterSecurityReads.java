package io.pitwall.connectors.security;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pitwall.connectors.Errors;
import io.pitwall.connectors.model.SecurityFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The cluster's part of the security source, read with GET lists only: the objects the posture
 * checks look at, and the security reports the server serves (found by API discovery, so no read
 * access to CRDs is needed). Each kind is listed in every namespace, else (403) in the context's
 * namespace, else it is a note saying which findings are skipped. Blocking: call it on a
 * connector thread.
 */
final class ClusterSecurityReads {

    /** Findings and notes of one read. */
    record Standing(List<SecurityFinding> findings, List<String> notes) {

        Standing {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /** Where a kind was listed: every namespace ({@code ""}), one namespace, or nowhere (null). */
    private static final String ALL = "";

    private final KubernetesClient client;
    private final Optional<String> home;

    ClusterSecurityReads(KubernetesClient client, Optional<String> homeNamespace) {
        this.client = client;
        this.home = homeNamespace.filter(s -> !s.isBlank());
    }

    /** One read's notes, scopes and failures. */
    private static final class Read {
        final List<String> notes = new ArrayList<>();
        final Map<String, String> scopes = new HashMap<>();
        final List<String> failures = new ArrayList<>();
        int lists;
    }

    /**
     * The posture findings of the objects this context may list. Fails (with the first reason)
     * only when no list at all could be read for other reasons than a refusal.
     */
    Standing posture() {
        Read r = new Read();
        List<Pod> pods = typed(r, "Pods", "pod checks skipped", Pod.class, true);
        List<HasMetadata> workloads = new ArrayList<>();
        workloads.addAll(typed(r, "Deployments", "their pod template checks skipped", Deployment.class, true));
        workloads.addAll(typed(r, "StatefulSets", "their pod template checks skipped", StatefulSet.class, true));
        workloads.addAll(typed(r, "DaemonSets", "their pod template checks skipped", DaemonSet.class, true));
        workloads.addAll(typed(r, "ReplicaSets", "their pod template checks skipped", ReplicaSet.class, true));
        workloads.addAll(typed(r, "Jobs", "their pod template checks skipped", Job.class, true));
        if (served(CronJob.class)) {
            workloads.addAll(typed(r, "CronJobs", "their pod template checks skipped", CronJob.class, true));
        }
        List<Service> services = typed(r, "Services", "exposed service checks skipped", Service.class, true);
        List<Namespace> namespaces = typed(r, "Namespaces", "NetworkPolicy checks cover the namespaces of the pods seen",
                Namespace.class, false);
        List<NetworkPolicy> policies = typed(r, "NetworkPolicies", "NetworkPolicy checks skipped", NetworkPolicy.class, true);
        List<ServiceAccount> accounts = typed(r, "ServiceAccounts",
                "whether default service accounts mount their token is not known", ServiceAccount.class, true);
        List<RoleBinding> roleBindings = typed(r, "RoleBindings", "RBAC findings of RoleBindings skipped",
                RoleBinding.class, true);
        List<ClusterRoleBinding> clusterRoleBindings = typed(r, "ClusterRoleBindings", "RBAC findings skipped",
                ClusterRoleBinding.class, false);
        List<Role> roles = typed(r, "Roles", "wildcard checks of Roles skipped", Role.class, true);
        List<ClusterRole> clusterRoles = typed(r, "ClusterRoles", "wildcard checks of ClusterRoles skipped",
                ClusterRole.class, false);
        failIfNothingRead(r);
        List<SecurityFinding> all = Posture.evaluate(new Posture.Input(pods, workloads, accounts, services, namespaces,
                policies, clusterRoleBindings, roleBindings, clusterRoles, roles));
        // a namespace whose NetworkPolicies could not be listed is not a namespace without one
        String policyScope = r.scopes.get("NetworkPolicies");
        List<SecurityFinding> kept = all.stream().filter(f -> !f.rule().equals(PostureCheck.NO_NETWORK_POLICY.id())
                || ALL.equals(policyScope) || f.namespace().equals(policyScope)).toList();
        return new Standing(kept, r.notes);
    }

    /**
     * The findings of the security reports the server serves: Trivy Operator's, PolicyReports
     * (wgpolicyk8s.io, reports.x-k8s.io), Gatekeeper's constraints. A product not installed is one
     * note; a list that fails is a note too.
     */
    Standing reports() {
        Read r = new Read();
        List<SecurityFinding> out = new ArrayList<>();
        Map<String, Set<String>> discovered = new HashMap<>();
        Map<String, SecurityReports.ReportKind> chosen = new LinkedHashMap<>();
        for (SecurityReports.ReportKind k : SecurityReports.KINDS) {
            // one version per group and kind: a CRD serving several versions holds the same objects
            if (!chosen.containsKey(k.group() + "/" + k.kind())
                    && discovered.computeIfAbsent(k.apiVersion(), gv -> resources(gv, r)).contains(k.plural())) {
                chosen.put(k.group() + "/" + k.kind(), k);
            }
        }
        if (chosen.keySet().stream().noneMatch(g -> g.startsWith("aquasecurity.github.io/"))) {
            r.notes.add("Trivy Operator is not installed: no vulnerability or config audit reports.");
        }
        if (chosen.keySet().stream().noneMatch(g -> g.startsWith("wgpolicyk8s.io/") || g.startsWith("reports.x-k8s.io/"))) {
            r.notes.add("No PolicyReport CRD is installed (wgpolicyk8s.io, reports.x-k8s.io): no policy reports.");
        }
        for (SecurityReports.ReportKind k : chosen.values()) {
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(k.group())
                    .withVersion(k.version()).withKind(k.kind()).withPlural(k.plural()).withNamespaced(k.namespaced()).build();
            for (GenericKubernetesResource report : generic(r, k.kind() + "s", context)) {
                out.addAll(SecurityReports.of(report));
            }
        }
        out.addAll(constraints(r));
        return new Standing(dedupe(out), r.notes);
    }

    /** Gatekeeper's constraints, each kind its ConstraintTemplate made, with their violations. */
    private List<SecurityFinding> constraints(Read r) {
        APIGroup group;
        try {
            group = client.getApiGroup(SecurityReports.GATEKEEPER_CONSTRAINTS);
        } catch (KubernetesClientException e) {
            r.notes.add("Discovery of " + SecurityReports.GATEKEEPER_CONSTRAINTS + " failed: " + reason(e) + ".");
            return List.of();
        }
        if (group == null || group.getPreferredVersion() == null) {
            r.notes.add("Gatekeeper is not installed: no constraint violations.");
            return List.of();
        }
        String gv = group.getPreferredVersion().getGroupVersion();
        APIResourceList resources;
        try {
            resources = client.getApiResources(gv);
        } catch (KubernetesClientException e) {
            r.notes.add("Discovery of " + gv + " failed: " + reason(e) + ".");
            return List.of();
        }
        List<SecurityFinding> out = new ArrayList<>();
        for (APIResource res : resources == null ? List.<APIResource>of() : resources.getResources()) {
            if (res.getName() == null || res.getName().contains("/")) {
                continue; // a subresource (status)
            }
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                    .withGroup(SecurityReports.GATEKEEPER_CONSTRAINTS).withVersion(gv.substring(gv.indexOf('/') + 1))
                    .withKind(res.getKind()).withPlural(res.getName())
                    .withNamespaced(Boolean.TRUE.equals(res.getNamespaced())).build();
            for (GenericKubernetesResource c : generic(r, res.getKind() + " constraints", context)) {
                out.addAll(SecurityReports.of(c));
            }
        }
        return out;
    }

    /** The plurals {@code groupVersion} serves; empty when it is not served (or discovery failed: a note). */
    private Set<String> resources(String groupVersion, Read r) {
        try {
            APIResourceList list = client.getApiResources(groupVersion);
            Set<String> plurals = new HashSet<>();
            if (list != null && list.getResources() != null) {
                list.getResources().forEach(res -> plurals.add(res.getName()));
            }
            return plurals;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                r.notes.add("Discovery of " + groupVersion + " failed: " + reason(e) + ".");
            }
            return Set.of();
        }
    }

    private boolean served(Class<? extends HasMetadata> type) {
        try {
            return client.supports(type);
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    private <T extends HasMetadata> List<T> typed(Read r, String what, String skipped, Class<T> type, boolean namespaced) {
        return list(r, what, skipped, namespaced, ns -> ns == null
                ? (namespaced ? client.resources(type).inAnyNamespace().list().getItems() : client.resources(type).list().getItems())
                : client.resources(type).inNamespace(ns).list().getItems());
    }

    private List<GenericKubernetesResource> generic(Read r, String what, ResourceDefinitionContext context) {
        return list(r, what, "their findings skipped", context.isNamespaceScoped(), ns -> ns == null
                ? (context.isNamespaceScoped() ? client.genericKubernetesResources(context).inAnyNamespace().list().getItems()
                        : client.genericKubernetesResources(context).list().getItems())
                : client.genericKubernetesResources(context).inNamespace(ns).list().getItems());
    }

    /**
     * Lists a kind in every namespace ({@code lister} given null), else, refused, in the home
     * namespace; records where, and a note when refused or failed.
     */
    private <T> List<T> list(Read r, String what, String skipped, boolean namespaced, Function<String, List<T>> lister) {
        r.lists++;
        try {
            List<T> items = lister.apply(null);
            r.scopes.put(what, ALL);
            return items;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of(); // not served by this server
            }
            if (e.getCode() != 403) {
                r.failures.add("listing " + what + " failed: " + reason(e));
                r.notes.add("Listing " + what + " failed: " + reason(e) + "; " + skipped + ".");
                return List.of();
            }
        }
        if (namespaced && home.isPresent()) {
            try {
                List<T> items = lister.apply(home.get());
                r.scopes.put(what, home.get());
                r.notes.add("No permission to list " + what + " in every namespace: only namespace " + home.get() + " is checked.");
                return items;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403) {
                    r.failures.add("listing " + what + " failed: " + reason(e));
                    r.notes.add("Listing " + what + " failed: " + reason(e) + "; " + skipped + ".");
                    return List.of();
                }
            }
        }
        r.notes.add("No permission to list " + what + ": " + skipped + ".");
        return List.of();
    }

    private static void failIfNothingRead(Read r) {
        if (r.lists > 0 && r.failures.size() == r.lists) {
            throw new IllegalStateException(r.failures.getFirst());
        }
    }

    /** Why a request failed, in words: the server's status and message, or what the connection said. */
    static String reason(KubernetesClientException e) {
        if (e.getCode() > 0) {
            String message = e.getStatus() == null ? null : e.getStatus().getMessage();
            return "the server answered " + e.getCode() + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.io.InterruptedIOException) {
                return "no answer within the timeout";
            }
        }
        return Errors.firstLine(e);
    }

    private static List<SecurityFinding> dedupe(List<SecurityFinding> findings) {
        Map<String, SecurityFinding> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.putIfAbsent(f.id(), f));
        return List.copyOf(byId.values());
    }
}
