package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Every fabric8 client Pitwall talks to an API server with is built here, so that each request
 * carries Pitwall's own User-Agent ({@code pitwall/VERSION}): a cluster's audit log then tells
 * Pitwall's requests (only reads) from anyone else's.
 */
public final class KubeClients {

    /** What every Pitwall User-Agent starts with. */
    public static final String USER_AGENT_PREFIX = "pitwall/";

    /** {@code pitwall/VERSION}, the version Pitwall was built as. */
    public static final String USER_AGENT = USER_AGENT_PREFIX + version();

    private KubeClients() {
    }

    /** A client builder over {@code config}, which is given Pitwall's User-Agent. */
    public static KubernetesClientBuilder builder(Config config) {
        config.setUserAgent(USER_AGENT);
        return new KubernetesClientBuilder().withConfig(config);
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = KubeClients.class.getResourceAsStream("client.properties")) {
            if (in == null) {
                throw new IllegalStateException("client.properties is missing from the connectors jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
