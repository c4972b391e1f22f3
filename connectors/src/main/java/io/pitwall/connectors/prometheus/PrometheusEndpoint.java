package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Prometheus-compatible endpoint of a context, as the settings keep it.
 *
 * @param name           unique within the context ("prometheus-k8s", "thanos")
 * @param http           timeouts, authentication (a reference to the secret, not the secret), TLS files, headers
 * @param haPartner      the name of the other endpoint of an HA pair, queried when this one fails
 * @param scrapeInterval the scrape interval, when the server does not say it (Thanos, Mimir)
 */
public record PrometheusEndpoint(String name, Flavor flavor, EndpointTarget target, HttpSettings http,
                                 Optional<String> haPartner, Optional<Duration> scrapeInterval) {

    /** What serves the Prometheus API; it changes only defaults and wording. */
    public enum Flavor {
        PROMETHEUS("Prometheus"), THANOS("Thanos"), MIMIR("Mimir"), VICTORIAMETRICS("VictoriaMetrics");

        private final String displayName;

        Flavor(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    public PrometheusEndpoint {
        Objects.requireNonNull(name, "name");
        flavor = flavor == null ? Flavor.PROMETHEUS : flavor;
        Objects.requireNonNull(target, "target");
        http = http == null ? HttpSettings.DEFAULT : http;
        haPartner = haPartner == null ? Optional.empty() : haPartner;
        scrapeInterval = scrapeInterval == null ? Optional.empty() : scrapeInterval;
        if (haPartner.isPresent() && haPartner.get().equals(name)) {
            throw new IllegalArgumentException("endpoint " + name + " cannot be its own HA partner");
        }
    }

    /** A plain Prometheus at {@code url}, no authentication. */
    public static PrometheusEndpoint url(String name, String url) {
        return new PrometheusEndpoint(name, Flavor.PROMETHEUS, new EndpointTarget.Url(url), HttpSettings.DEFAULT,
                Optional.empty(), Optional.empty());
    }

    public PrometheusEndpoint withHaPartner(String partner) {
        return new PrometheusEndpoint(name, flavor, target, http, Optional.of(partner), scrapeInterval);
    }
}
