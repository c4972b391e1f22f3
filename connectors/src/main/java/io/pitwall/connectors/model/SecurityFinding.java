package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One security event or finding, whatever its source: a Falco event, a posture check that failed,
 * a vulnerability of a Trivy report, a PolicyReport result, a Gatekeeper violation, a Warning
 * event. Compact, as a cluster has tens of thousands: strings and a reference, the original kept
 * as one JSON text.
 *
 * @param id          stable: the same event or finding read twice has the same id (for selection, de-duplication)
 * @param severity    how bad
 * @param source      which tool
 * @param time        when it happened or was reported; null for a static finding (posture)
 * @param rule        the rule or check id: a Falco rule name, {@code CVE-2021-3121}, {@code KSV001},
 *                    {@code pss.baseline.privileged}, a policy name
 * @param title       a short human title (the rule's title, or the rule again)
 * @param namespace   the namespace it concerns, "" for none or cluster-scoped
 * @param object      the object it concerns (a pod, a workload, a service account...), null when unknown
 * @param message     what happened, or why it matters
 * @param remediation what to do, "" when not known
 * @param payload     the original as JSON text (a Falco event, a report's result or vulnerability
 *                    with its report's name), every field kept, for the details panel; "{}" when none
 */
public record SecurityFinding(
        String id,
        Severity severity,
        FindingSource source,
        Instant time,
        String rule,
        String title,
        String namespace,
        KubeRef object,
        String message,
        String remediation,
        String payload) {

    public SecurityFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        rule = rule == null ? "" : rule;
        title = title == null || title.isBlank() ? rule : title;
        namespace = namespace == null ? (object == null ? "" : object.namespace()) : namespace;
        message = message == null ? "" : message;
        remediation = remediation == null ? "" : remediation;
        payload = payload == null || payload.isBlank() ? "{}" : payload;
    }

    public Optional<Instant> when() {
        return Optional.ofNullable(time);
    }

    public Optional<KubeRef> about() {
        return Optional.ofNullable(object);
    }
}
