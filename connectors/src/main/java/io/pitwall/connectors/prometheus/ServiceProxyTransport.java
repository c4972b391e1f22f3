package io.pitwall.connectors.prometheus;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;

/**
 * GETs to an in-cluster Service through the API server's service proxy, as {@code kubectl proxy}
 * and Lens do: {@code /api/v1/namespaces/NS/services/[https:]NAME:PORT/proxy/...}. The requests go
 * out on a client made from the context's own configuration (OkHttp underneath), which carries
 * the context's credentials, CA and User-Agent; Pitwall adds no credential of its own. That client
 * does not retry: a proxy's 503 ("no endpoints available") is an answer, not a blip, and the
 * failover and the health check decide what to do next. Read-only: GET only.
 */
public final class ServiceProxyTransport implements HttpTransport {

    private final KubernetesClient own;
    private final HttpClient http;
    private final HttpUrl base;
    private final String endpoint;
    private final Executor executor;
    private final Map<String, String> headers;

    public ServiceProxyTransport(KubernetesClient client, EndpointTarget.InCluster target, Executor executor) {
        this(client, target, executor, Map.of());
    }

    /**
     * @param headers extra headers that hold no secret, sent with every request (a Loki or Mimir
     *                tenant's {@code X-Scope-OrgID}); the proxy passes them to the Service
     */
    public ServiceProxyTransport(KubernetesClient client, EndpointTarget.InCluster target, Executor executor,
                                 Map<String, String> headers) {
        Objects.requireNonNull(client, "client");
        this.headers = Map.copyOf(headers);
        io.fabric8.kubernetes.client.Config config = new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).build();
        this.own = io.pitwall.connectors.kube.KubeClients.builder(config).build();
        this.http = own.getHttpClient();
        this.executor = Objects.requireNonNull(executor, "executor");
        this.base = proxyBase(client.getMasterUrl().toString(), target);
        String server = client.getMasterUrl().toString().replaceAll("/$", "");
        this.endpoint = target.describe() + " via " + server;
    }

    /** {@code MASTER/api/v1/namespaces/NS/services/[https:]NAME:PORT/proxy/PREFIX/}. */
    public static HttpUrl proxyBase(String masterUrl, EndpointTarget.InCluster target) {
        HttpUrl master = HttpUrl.get(masterUrl.endsWith("/") ? masterUrl : masterUrl + "/");
        HttpUrl.Builder b = master.newBuilder();
        for (String seg : (target.proxyPath() + target.pathPrefix()).split("/")) {
            if (!seg.isEmpty()) {
                b.addPathSegment(seg);
            }
        }
        return b.addPathSegment("").build();
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    public HttpUrl url(String path, Map<String, String> params) {
        HttpUrl.Builder b = base.newBuilder();
        b.addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        params.forEach(b::addQueryParameter);
        return b.build();
    }

    @Override
    public void close() {
        own.close();
    }

    @Override
    public <T> CompletableFuture<T> get(String path, Map<String, String> params, HttpReply.Reader<T> reader) {
        HttpRequest.Builder builder = http.newHttpRequestBuilder().uri(url(path, params).uri())
                .header("Accept", "application/json");
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<InputStream>> sent;
        try {
            sent = http.sendAsync(request, InputStream.class);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(HttpFailure.of(endpoint, new IOException(e.getMessage(), e)));
        }
        return sent.handleAsync((response, t) -> {
            if (t != null) {
                Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                IOException io = c instanceof IOException e ? e : new IOException(c.getMessage(), c);
                throw new CompletionException(HttpFailure.of(endpoint, io));
            }
            String type = response.headers("Content-Type").isEmpty() ? "" : response.headers("Content-Type").getFirst();
            try (InputStream body = response.body() == null ? InputStream.nullInputStream() : response.body()) {
                return reader.read(new HttpReply(endpoint, response.code(), type, body));
            } catch (IOException e) {
                throw new CompletionException(e instanceof HttpFailure ? e : HttpFailure.of(endpoint, e));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
