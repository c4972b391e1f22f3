package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.OkHttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** MockWebServer answers in Loki's shapes (src/test/resources/loki, see SOURCES.md there), and clients on it. */
final class MockLoki {

    private MockLoki() {
    }

    static String fixture(String name) {
        try (InputStream in = MockLoki.class.getResourceAsStream("/loki/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource loki/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse ok(String fixture) {
        return json(200, fixture(fixture));
    }

    /** Loki's errors are plain text. */
    static MockResponse text(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/plain; charset=utf-8")
                .body(body).build();
    }

    static OkHttpTransport transport(MockWebServer server, HttpSettings settings) {
        try {
            return new OkHttpTransport(server.url("/"), HttpClients.create(settings), Runnable::run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LokiClient client(MockWebServer server) {
        return new LokiClient(transport(server, HttpSettings.DEFAULT));
    }

    static LogQueryException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(f::join);
        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(LogQueryException.class);
        return (LogQueryException) t.getCause();
    }
}
