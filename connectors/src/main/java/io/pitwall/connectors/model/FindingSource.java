package io.pitwall.connectors.model;

/** Where a {@link SecurityFinding} comes from. */
public enum FindingSource {
    /** A Falco runtime event (JSON output, falcosidekick payload, a Loki stream falcosidekick wrote). */
    FALCO,
    /** A posture check Pitwall runs itself on live objects (named after the Pod Security Standards). */
    POSTURE,
    /** A Trivy Operator report: vulnerability, config audit, exposed secret, RBAC assessment. */
    TRIVY,
    /** A wg-policy PolicyReport or ClusterPolicyReport result (Kyverno, kube-bench, Falco, Trivy adapters...). */
    POLICY_REPORT,
    /** A Gatekeeper constraint's audit violation. */
    GATEKEEPER,
    /** A Kubernetes Warning event that speaks of secrets or of something forbidden. */
    KUBE_EVENT
}
