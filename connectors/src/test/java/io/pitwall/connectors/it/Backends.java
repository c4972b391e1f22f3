package io.pitwall.connectors.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The real servers of the it tier, as {@code backends/backends.sh up} wrote them into
 * {@code endpoints.properties} (path in the system property {@code pitwall.backends}).
 * A missing file or a server that does not answer fails the test with a message naming the
 * server: the it tier never skips.
 */
public final class Backends {

    /** The servers the script starts, with the key of their URL in endpoints.properties. */
    public enum Server {
        PROMETHEUS("Prometheus", "prometheus.url"),
        ALERTMANAGER("Alertmanager", "alertmanager.url"),
        NODE_EXPORTER("node exporter", "nodeexporter.url"),
        ZIPKIN("Zipkin", "zipkin.url"),
        ETCD("etcd", "etcd.url"),
        KUBE_APISERVER("kube-apiserver", "kube.apiserver.url");

        final String displayName;
        final String key;

        Server(String displayName, String key) {
            this.displayName = displayName;
            this.key = key;
        }

        public String displayName() {
            return displayName;
        }
    }

    private static final String HINT = "start the real servers with `backends/backends.sh up`";

    private final Path file;
    private final Properties props;

    private Backends(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    /** Reads endpoints.properties; fails the test when the servers were never started. */
    public static Backends load() {
        String where = System.getProperty("pitwall.backends", "/tmp/pitwall-backends/endpoints.properties");
        Path file = Path.of(where);
        if (!Files.isRegularFile(file)) {
            fail("the it tier's servers are not running: " + file + " does not exist (" + HINT + ")");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            fail("cannot read " + file + ": " + e.getMessage());
        }
        return new Backends(file, p);
    }

    /** The server's base URL, after checking that something listens there. */
    public URI require(Server server) {
        URI uri = URI.create(value(server.key, server.displayName));
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 2_000);
        } catch (IOException e) {
            fail(server.displayName + " is not answering at " + uri + ": " + e.getMessage() + " (" + HINT + ")");
        }
        return uri;
    }

    public Path kubeconfig() {
        require(Server.KUBE_APISERVER);
        return Path.of(value("kube.kubeconfig", "kubeconfig"));
    }

    /**
     * kube-apiserver's audit log (JSON lines). Not checked here: a check that reads it says what
     * is missing.
     */
    public Path auditLog() {
        return Path.of(value("kube.audit.log", "kube-apiserver audit log; the servers were started by an older"
                + " backends.sh"));
    }

    public String adminContext() {
        return value("kube.context.admin", "admin context");
    }

    public String viewerContext() {
        return value("kube.context.viewer", "viewer context");
    }

    /** The one namespace the viewer context may read. */
    public String viewerNamespace() {
        return value("kube.viewer.namespace", "viewer namespace");
    }

    /** A namespace the viewer context may not read. */
    public String otherNamespace() {
        return value("kube.other.namespace", "other namespace");
    }

    private String value(String key, String what) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            fail(file + " has no " + key + " (" + what + "); re-run `backends/backends.sh up`");
        }
        return v.trim();
    }

    /**
     * Runs the project's own backends script ({@code stop NAME}, {@code up}...) from the module's
     * folder, as the restart tests do; fails with the script's output when it does.
     */
    public static void script(String... args) throws Exception {
        java.io.File script = new java.io.File("../backends/backends.sh");
        if (!script.exists()) {
            fail("no backends/backends.sh beside this module");
        }
        String[] cmd = new String[args.length + 1];
        cmd[0] = script.getAbsolutePath();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("backends/backends.sh " + String.join(" ", args) + " failed:\n" + out);
        }
    }
}
