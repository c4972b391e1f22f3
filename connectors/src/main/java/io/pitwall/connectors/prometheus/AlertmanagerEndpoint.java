package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpSettings;
import java.util.Objects;

/** A context's Alertmanager (optional), read-only: alerts and silences. */
public record AlertmanagerEndpoint(String name, EndpointTarget target, HttpSettings http) {

    public AlertmanagerEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        http = http == null ? HttpSettings.DEFAULT : http;
    }

    public static AlertmanagerEndpoint url(String name, String url) {
        return new AlertmanagerEndpoint(name, new EndpointTarget.Url(url), HttpSettings.DEFAULT);
    }
}
