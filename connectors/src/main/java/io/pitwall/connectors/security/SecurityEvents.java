package io.pitwall.connectors.security;

import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes Warning events that speak of security, as findings: a pod the Pod Security
 * admission refused ({@code event.pod-security}), a request an admission webhook denied
 * (Gatekeeper, Kyverno: {@code event.admission-denied}), anything else forbidden
 * ({@code event.forbidden}), a secret the kubelet could not mount or pull with
 * ({@code event.secret-unavailable}). Other events are not findings.
 */
public final class SecurityEvents {

    /** The rules, most specific first. */
    public enum Rule {
        POD_SECURITY("event.pod-security", Severity.MEDIUM, "Refused by Pod Security admission"),
        ADMISSION_DENIED("event.admission-denied", Severity.MEDIUM, "Denied by an admission webhook"),
        FORBIDDEN("event.forbidden", Severity.MEDIUM, "Forbidden"),
        SECRET_UNAVAILABLE("event.secret-unavailable", Severity.LOW, "Secret unavailable to the kubelet");

        private final String id;
        private final Severity severity;
        private final String title;

        Rule(String id, Severity severity, String title) {
            this.id = id;
            this.severity = severity;
            this.title = title;
        }

        public String id() {
            return id;
        }

        public Severity severity() {
            return severity;
        }

        public String title() {
            return title;
        }
    }

    private SecurityEvents() {
    }

    /** The rule a Warning event falls under, if any. */
    public static Optional<Rule> rule(EventInfo e) {
        if (e == null || !e.warning()) {
            return Optional.empty();
        }
        String message = e.message() == null ? "" : e.message().toLowerCase(Locale.ROOT);
        String reason = e.reason() == null ? "" : e.reason();
        if (message.contains("violates podsecurity")) {
            return Optional.of(Rule.POD_SECURITY);
        }
        if (message.contains("admission webhook") && message.contains("denied the request")) {
            return Optional.of(Rule.ADMISSION_DENIED);
        }
        if (message.contains("forbidden") || reason.equalsIgnoreCase("Forbidden")) {
            return Optional.of(Rule.FORBIDDEN);
        }
        if (reason.equals("FailedToRetrieveImagePullSecret")
                || (reason.equals("FailedMount") && message.contains("secret \""))) {
            return Optional.of(Rule.SECRET_UNAVAILABLE);
        }
        return Optional.empty();
    }

    /** The finding of a security-relevant Warning event; its id stays as the event repeats (count, last time). */
    public static Optional<SecurityFinding> finding(EventInfo e) {
        return rule(e).map(r -> {
            String object = e.object() == null ? "" : e.object().toString();
            ObjectNode p = Trees.object();
            p.put("type", e.type());
            p.put("reason", e.reason());
            p.put("message", e.message());
            p.put("object", object);
            p.put("count", e.count());
            if (e.last() != null) {
                p.put("last", e.last().toString());
            }
            return new SecurityFinding(Trees.id("event", object, e.reason(), e.message()), r.severity(),
                    FindingSource.KUBE_EVENT, e.last(), r.id(), r.title(), null, e.object(),
                    e.reason() + ": " + e.message(), "", p.toString());
        });
    }

    /** The findings among {@code events}, in their order. */
    public static List<SecurityFinding> findings(Collection<EventInfo> events) {
        List<SecurityFinding> out = new ArrayList<>();
        for (EventInfo e : events) {
            finding(e).ifPresent(out::add);
        }
        return out;
    }
}
