package io.pitwall.connectors.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The security test resources (see SOURCES.md beside them). */
final class Resources {

    private Resources() {
    }

    static String text(String path) {
        try (InputStream in = Resources.class.getResourceAsStream("/security/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource security/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
