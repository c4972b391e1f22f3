package io.pitwall.connectors.session;

import io.pitwall.connectors.model.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session is: live from a kubeconfig context, or offline from a bundle.
 *
 * @param title      what the window shows: the context name, or the bundle's file name
 * @param cluster    the cluster's name, when known
 * @param context    the kubeconfig context, when known
 * @param captured   for an offline session, the time range the bundle holds
 * @param namespaces the namespaces in scope; empty means all
 */
public record SessionInfo(Kind kind, String title, Optional<String> cluster, Optional<String> context,
                          Optional<TimeRange> captured, List<String> namespaces) {

    public enum Kind { LIVE, OFFLINE, NONE }

    public SessionInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        namespaces = List.copyOf(namespaces);
    }
}
