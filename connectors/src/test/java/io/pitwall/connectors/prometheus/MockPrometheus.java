package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.OkHttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** MockWebServer answers as Prometheus would, and clients on it that run on the calling thread. */
final class MockPrometheus {

    private MockPrometheus() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse fixture(String name) {
        return json(200, Fixtures.text(name));
    }

    static OkHttpTransport transport(MockWebServer server, HttpSettings settings) {
        try {
            return new OkHttpTransport(server.url("/"), HttpClients.create(settings), Runnable::run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrometheusClient client(MockWebServer server) {
        return new PrometheusClient(transport(server, HttpSettings.DEFAULT));
    }
}
