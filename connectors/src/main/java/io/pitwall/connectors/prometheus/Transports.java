package io.pitwall.connectors.prometheus;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.http.OkHttpTransport;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;

/**
 * Makes the transport of an endpoint: straight over OkHttp for a URL, through the API server's
 * service proxy for an in-cluster Service (once the context's client is there).
 */
public final class Transports {

    private final Executor executor;
    private final CompletableFuture<KubernetesClient> cluster;

    /**
     * @param cluster the context's Kubernetes client, when it is reached (or the reason it is not);
     *                only in-cluster endpoints wait for it
     */
    public Transports(Executor executor, CompletableFuture<KubernetesClient> cluster) {
        this.executor = executor;
        this.cluster = cluster;
    }

    /** The context's Kubernetes client, when it is reached: what in-cluster endpoints go through. */
    public CompletableFuture<KubernetesClient> cluster() {
        return cluster;
    }

    public Executor executor() {
        return executor;
    }

    /** For URL endpoints only: an in-cluster one fails saying it needs a cluster. */
    public static Transports direct(Executor executor) {
        return new Transports(executor, CompletableFuture.failedFuture(
                new IOException("no Kubernetes context to reach in-cluster Services through")));
    }

    /** The transport of {@code target}. A TLS file that cannot be read fails each request, naming it. */
    public HttpTransport create(EndpointTarget target, HttpSettings http) {
        return switch (target) {
            case EndpointTarget.Url u -> {
                HttpUrl url = HttpUrl.get(u.url());
                try {
                    yield new OkHttpTransport(url, HttpClients.create(http), executor);
                } catch (IOException e) {
                    yield new Broken(OkHttpTransport.describe(url), e.getMessage());
                }
            }
            case EndpointTarget.InCluster s -> new Deferred(s, cluster, executor, http.headers());
        };
    }

    /** An endpoint whose settings cannot work (an unreadable CA file): every request says why. */
    private record Broken(String endpoint, String reason) implements HttpTransport {
        @Override
        public <T> CompletableFuture<T> get(String path, Map<String, String> params, HttpReply.Reader<T> reader) {
            return CompletableFuture.failedFuture(new HttpFailure(HttpFailure.Kind.CREDENTIALS, endpoint + ": " + reason, null));
        }
    }

    /** A service-proxy transport made when the cluster's client arrives. */
    private static final class Deferred implements HttpTransport {
        private final EndpointTarget.InCluster target;
        private final CompletableFuture<ServiceProxyTransport> transport;

        Deferred(EndpointTarget.InCluster target, CompletableFuture<KubernetesClient> cluster, Executor executor,
                 Map<String, String> headers) {
            this.target = target;
            this.transport = cluster.thenApply(c -> new ServiceProxyTransport(c, target, executor, headers));
        }

        @Override
        public String endpoint() {
            ServiceProxyTransport t = transport.getNow(null);
            return t == null ? target.describe() : t.endpoint();
        }

        @Override
        public <T> CompletableFuture<T> get(String path, Map<String, String> params, HttpReply.Reader<T> reader) {
            return transport.handle((t, e) -> {
                if (e != null) {
                    Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return CompletableFuture.<T>failedFuture(new HttpFailure(HttpFailure.Kind.OTHER, target.describe()
                            + " is reached through the cluster, which is not reachable: " + c.getMessage(), c));
                }
                return t.get(path, params, reader);
            }).thenCompose(f -> f);
        }

        @Override
        public void close() {
            transport.thenAccept(ServiceProxyTransport::close);
        }
    }
}
