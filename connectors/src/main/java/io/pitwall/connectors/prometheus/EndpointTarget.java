package io.pitwall.connectors.prometheus;

import java.util.Objects;

/** Where an endpoint is: a URL Pitwall reaches directly, or a Service reached through the API server's proxy. */
public sealed interface EndpointTarget {

    /** For people: the URL, or "service monitoring/prometheus-k8s:9090". */
    String describe();

    /** A URL ("https://prometheus.example.com", "https://mimir.example.com/prometheus"). */
    record Url(String url) implements EndpointTarget {
        public Url {
            Objects.requireNonNull(url, "url");
            okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url);
            if (parsed == null) {
                throw new IllegalArgumentException("not an http or https URL: " + url);
            }
            if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
                throw new IllegalArgumentException("put credentials in the endpoint's authentication, not in its URL");
            }
        }

        @Override
        public String describe() {
            return url;
        }
    }

    /**
     * A Service in the cluster, reached through {@code /api/v1/namespaces/NS/services/SCHEME:NAME:PORT/proxy/}
     * with the context's own credentials.
     *
     * @param port       the Service port, by number or name
     * @param scheme     "http" or "https" (the backend's; the API server is always reached over TLS)
     * @param pathPrefix a path before {@code /api/v1} ("" for Prometheus, "/prometheus" for Mimir)
     */
    record InCluster(String namespace, String service, String port, String scheme, String pathPrefix)
            implements EndpointTarget {
        public InCluster {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(port, "port");
            scheme = scheme == null || scheme.isBlank() ? "http" : scheme;
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("scheme must be http or https: " + scheme);
            }
            pathPrefix = pathPrefix == null ? "" : pathPrefix;
            if (!pathPrefix.isEmpty() && !pathPrefix.startsWith("/")) {
                pathPrefix = "/" + pathPrefix;
            }
            if (pathPrefix.endsWith("/")) {
                pathPrefix = pathPrefix.substring(0, pathPrefix.length() - 1);
            }
        }

        /** The API server path of the proxy, without the backend's own path prefix. */
        public String proxyPath() {
            return "api/v1/namespaces/" + namespace + "/services/" + (scheme.equals("https") ? "https:" : "")
                    + service + ":" + port + "/proxy";
        }

        @Override
        public String describe() {
            return "service " + namespace + "/" + service + ":" + port + pathPrefix;
        }
    }
}
