package io.pitwall.connectors.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded Prometheus responses and rule files of src/test/resources/prometheus (see SOURCES.md there). */
final class Fixtures {

    private Fixtures() {
    }

    static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/prometheus/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource prometheus/" + name);
        }
        return in;
    }

    static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
