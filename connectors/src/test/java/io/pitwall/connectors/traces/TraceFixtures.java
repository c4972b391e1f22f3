package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/** Test resources under {@code traces/}, read through {@link TraceFiles}. */
final class TraceFixtures {

    private TraceFixtures() {
    }

    static TraceFile read(String name) throws TraceFileException {
        try (InputStream in = TraceFixtures.class.getResourceAsStream("/traces/" + name)) {
            assertThat(in).as(name).isNotNull();
            return TraceFiles.read(in);
        } catch (TraceFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TraceFile read(byte[] json) throws TraceFileException {
        return TraceFiles.read(new java.io.ByteArrayInputStream(json));
    }

    static TraceFile readText(String json) throws TraceFileException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The one span with this id (asserts there is exactly one). */
    static int only(Trace t, String spanId) {
        int[] found = t.indexOf(spanId);
        assertThat(found).as("spans with id " + spanId).hasSize(1);
        return found[0];
    }

    static int[] withFlag(Trace t, int flag) {
        return IntStream.range(0, t.spanCount()).filter(i -> t.has(i, flag)).toArray();
    }
}
