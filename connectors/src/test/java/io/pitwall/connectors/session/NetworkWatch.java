package io.pitwall.connectors.session;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches this JVM for network connections while it is open, two ways:
 * <ul>
 *   <li>a default {@link ProxySelector} that records every URI it is asked about: every
 *       {@code HttpURLConnection}, {@code java.net.Socket}, and every HTTP client built while the
 *       watch is open (the JDK's, OkHttp's, hence fabric8's) asks before it connects;</li>
 *   <li>on Linux, the process's own sockets: the inodes of {@code /proc/self/fd/*} that
 *       {@code /proc/self/net/tcp, tcp6, udp, udp6} list, sampled every few milliseconds from a
 *       thread of its own, so that a socket opened by any means (a channel, a client built earlier)
 *       is seen unless it opens and closes between two samples. Sockets open before the watch
 *       started are not counted.</li>
 * </ul>
 * {@link #attempts()} lists what it saw, in words. On Linux an unreadable {@code /proc} fails
 * {@link #start()} rather than watching half.
 */
public final class NetworkWatch implements AutoCloseable {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");
    private static final long SAMPLE_MILLIS = 2;

    private final ProxySelector previous;
    private final Set<String> attempts = new LinkedHashSet<>();
    private final Set<Long> before;
    private final boolean proc;
    private final Thread sampler;
    private volatile boolean open = true;

    private NetworkWatch() throws IOException {
        this.previous = ProxySelector.getDefault();
        this.proc = Files.isDirectory(Path.of("/proc/self/fd"));
        if (!proc && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new IOException("/proc/self/fd cannot be read: the socket check cannot run");
        }
        this.before = proc ? inetSockets().keySet() : Set.of();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                record("asked for a proxy to " + uri);
                return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                record("failed to connect to " + uri);
                if (previous != null) {
                    previous.connectFailed(uri, sa, ioe);
                }
            }
        });
        this.sampler = Thread.ofPlatform().daemon().name("network-watch").start(this::sample);
    }

    /** Starts watching; {@link #close()} stops it and puts the previous ProxySelector back. */
    public static NetworkWatch start() throws IOException {
        return new NetworkWatch();
    }

    /** Whether this process's sockets are watched too (Linux), besides the proxy selector. */
    public boolean watchesSockets() {
        return proc;
    }

    /** What was seen so far, one line each. */
    public List<String> attempts() {
        if (proc) {
            check();
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        sampler.join(1000);
        if (proc) {
            check();
        }
        ProxySelector.setDefault(previous);
    }

    private void record(String what) {
        synchronized (attempts) {
            attempts.add(what);
        }
    }

    private void sample() {
        while (open) {
            check();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check() {
        try {
            inetSockets().forEach((inode, what) -> {
                if (!before.contains(inode)) {
                    record("opened a socket: " + what);
                }
            });
        } catch (IOException e) {
            record("could not read this process's sockets: " + e.getMessage());
        }
    }

    /** This process's TCP and UDP sockets, by inode, with their protocol and addresses. */
    static Map<Long, String> inetSockets() throws IOException {
        Set<Long> mine = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher m = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        mine.add(Long.parseLong(m.group(1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        Map<Long, String> out = new HashMap<>();
        if (mine.isEmpty()) {
            return out;
        }
        for (String table : TABLES) {
            Path file = Path.of("/proc/self/net", table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && mine.contains(Long.parseLong(f[9]))) {
                    out.put(Long.parseLong(f[9]), table + " " + address(f[1]) + " -> " + address(f[2]));
                }
            }
        }
        return out;
    }

    /** {@code 0100007F:1F90} (little-endian words, as the kernel prints them) as {@code 127.0.0.1:8080}. */
    static String address(String hex) {
        String[] hp = hex.split(":");
        int port = Integer.parseInt(hp[1], 16);
        String h = hp[0];
        List<String> parts = new ArrayList<>();
        if (h.length() == 8) {
            for (int i = 3; i >= 0; i--) {
                parts.add(Integer.toString(Integer.parseInt(h.substring(i * 2, i * 2 + 2), 16)));
            }
            return String.join(".", parts) + ":" + port;
        }
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < h.length() / 8; w++) {
            String word = h.substring(w * 8, w * 8 + 8);
            for (int i = 3; i >= 0; i--) {
                b.append(word, i * 2, i * 2 + 2);
            }
        }
        for (int i = 0; i < b.length(); i += 4) {
            parts.add(b.substring(i, i + 4).replaceFirst("^0{1,3}", ""));
        }
        return "[" + String.join(":", parts) + "]:" + port;
    }
}
