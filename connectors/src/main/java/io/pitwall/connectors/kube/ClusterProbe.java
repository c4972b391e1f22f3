package io.pitwall.connectors.kube;

import io.pitwall.connectors.Errors;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.pitwall.connectors.session.SourceState;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Reaches a cluster's API server once, read-only ({@code GET /version}), and says where it stands:
 * connected (with the server's version), slow, or failing with a reason a person can act on.
 */
public final class ClusterProbe {

    /** Slower than this and the status bar says "slow". */
    public static final Duration SLOW = Duration.ofSeconds(2);

    private ClusterProbe() {
    }

    /** The outcome of reaching a cluster: its state, and the client when it answered. */
    public record Connection(SourceState state, Optional<KubernetesClient> client, Optional<String> namespace) {
    }

    /** Builds the client from {@code config} (which may run an exec credential plugin) and probes. */
    public static SourceState probe(Supplier<Config> config) {
        Connection c = connect(null, config);
        c.client().ifPresent(KubernetesClient::close);
        return c.state();
    }

    /**
     * Builds the client of {@code context} and probes it. The client is handed back open when the
     * server answered; the caller closes it. A configuration for another context than
     * {@code context} is refused: fabric8 falls back to the current context when the asked one is
     * missing, which would quietly show another cluster.
     */
    public static Connection connect(String context, Supplier<Config> config) {
        Config c;
        try {
            c = config.get();
        } catch (RuntimeException e) {
            return failed("cannot use this context: " + Errors.firstLine(e));
        }
        if (context != null && (c.getCurrentContext() == null || !context.equals(c.getCurrentContext().getName()))) {
            return failed("context '" + context + "' is not in the kubeconfig");
        }
        // the probe answers fast or fails fast; the client handed back for watching keeps the
        // kubeconfig's own timeouts and retries (short ones would close long-lived watches)
        Integer connectTimeout = c.getConnectionTimeout();
        Integer requestTimeout = c.getRequestTimeout();
        Integer retries = c.getRequestRetryBackoffLimit();
        c.setConnectionTimeout(5_000);
        c.setRequestTimeout(10_000);
        c.setRequestRetryBackoffLimit(0);
        String server = c.getMasterUrl();
        String tls = Boolean.TRUE.equals(c.getTrustCerts()) ? " (TLS NOT verified: insecure-skip-tls-verify in kubeconfig)" : "";
        long start = System.nanoTime();
        KubernetesClient client = KubeClients.builder(c).build();
        try {
            VersionInfo version = client.getKubernetesVersion();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String endpoint = server + ", Kubernetes " + version.getGitVersion() + tls;
            SourceState state = took.compareTo(SLOW) > 0 ? new SourceState.Slow(endpoint, took) : new SourceState.Connected(endpoint);
            client.close();
            c.setConnectionTimeout(connectTimeout);
            c.setRequestTimeout(requestTimeout);
            c.setRequestRetryBackoffLimit(retries);
            return new Connection(state, Optional.of(KubeClients.builder(c).build()),
                    Optional.ofNullable(c.getNamespace()));
        } catch (KubernetesClientException e) {
            client.close();
            return failed(reason(server, e));
        } catch (RuntimeException e) {
            client.close();
            return failed(server + ": " + Errors.firstLine(e));
        }
    }

    private static Connection failed(String reason) {
        return new Connection(new SourceState.Failing(reason), Optional.empty(), Optional.empty());
    }

    static String reason(String server, KubernetesClientException e) {
        int code = e.getCode();
        if (code == 401) {
            return server + " rejected the credentials of this context (401 Unauthorized): they may have expired";
        }
        if (code == 403) {
            return server + " refused this user (403 Forbidden)";
        }
        if (code > 0) {
            return server + " answered " + code + ": " + Errors.firstLine(e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS to " + server + " failed: the server's certificate is not trusted by this context's"
                        + " certificate authority (" + Errors.firstLine(t) + ")";
            }
            if (t instanceof ConnectException) {
                return "cannot reach " + server + ": connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "cannot reach " + server + ": unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "cannot reach " + server + ": no answer within the timeout";
            }
        }
        return server + ": " + Errors.firstLine(e);
    }

}
