package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The no-network check fails when there is a connection: a deliberate one to a socket of this
 * test on 127.0.0.1 is seen by the proxy selector and among the process's sockets, a channel that
 * asks no proxy by its socket, and nothing done is nothing seen.
 */
class NetworkWatchTest {

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    /** A server on 127.0.0.1 that answers every connection with 204 and closes it. */
    private static ServerSocket server() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[4096]);
                    out.write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return server;
    }

    @Test
    void aDeliberateHttpRequestIsSeenBothWays() throws Exception {
        try (ServerSocket server = server()) {
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/ping");
            List<String> seen;
            try (NetworkWatch watch = NetworkWatch.start(); HttpClient http = HttpClient.newHttpClient()) {
                assertThat(watch.attempts()).isEmpty();
                assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                        .isEqualTo(204);
                seen = watch.attempts();
                assertThat(watch.watchesSockets()).isEqualTo(LINUX);
            }
            assertThat(seen).contains("asked for a proxy to " + uri);
            if (LINUX) {
                assertThat(seen).anyMatch(s -> s.startsWith("opened a socket: tcp") && s.contains(":" + server.getLocalPort()));
            }
        }
    }

    @Test
    void aChannelThatAsksNoProxyIsSeenByItsSocket() throws Exception {
        try (ServerSocket server = server(); NetworkWatch watch = NetworkWatch.start();
             SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     server.getLocalPort()))) {
            assertThat(channel.isConnected()).isTrue();
            if (LINUX) {
                assertThat(watch.attempts()).anyMatch(s -> s.matches("opened a socket: tcp6? .*:"
                        + server.getLocalPort() + "( .*|$)") && !s.contains("proxy"));
            }
        }
    }

    @Test
    void nothingDoneIsNothingSeen() throws Exception {
        try (NetworkWatch watch = NetworkWatch.start()) {
            Thread.sleep(50);
            assertThat(watch.attempts()).isEmpty();
        }
    }

    @Test
    void theKernelsAddressesReadAsPeopleWriteThem() {
        assertThat(NetworkWatch.address("0100007F:1F90")).isEqualTo("127.0.0.1:8080");
        assertThat(NetworkWatch.address("00000000000000000000000001000000:0050")).isEqualTo("[0:0:0:0:0:0:0:1]:80");
    }
}
