package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.OkHttpTransport;
import io.pitwall.connectors.model.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** MockWebServer answering with the trace fixtures (src/test/resources/traces, see SOURCES.md there). */
final class MockTraces {

    static final TimeRange RANGE = new TimeRange(Instant.parse("2025-11-25T03:15:00Z"), Instant.parse("2025-11-25T03:25:00.5Z"));

    private MockTraces() {
    }

    static String fixture(String name) {
        try (InputStream in = MockTraces.class.getResourceAsStream("/traces/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource traces/" + name);
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

    static MockResponse text(int code, String contentType, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build();
    }

    static OkHttpTransport transport(MockWebServer server, HttpSettings settings) {
        try {
            return new OkHttpTransport(server.url("/"), HttpClients.create(settings), Runnable::run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TraceQueryException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(f::join);
        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(TraceQueryException.class);
        TraceQueryException e = (TraceQueryException) t.getCause();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        return e;
    }
}
