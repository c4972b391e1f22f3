package io.pitwall.ui.traces;

import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceBuilder;
import io.pitwall.connectors.traces.TraceFiles;
import io.pitwall.connectors.traces.TraceGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Traces for the tests: the connectors' real fixtures, hand-built ones, and generated big ones. */
final class TraceFixtures {

    static final long T0 = 1_760_000_000_000_000_000L;

    private TraceFixtures() {
    }

    /** The first trace of a fixture in the connectors' test resources ({@code traces/NAME}). */
    static Trace fixture(String name) {
        try (InputStream in = TraceFixtures.class.getResourceAsStream("/traces/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return TraceFiles.read(in).traces().getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated trace of {@code spans} spans ({@link TraceGenerator}: 50 services, fan-out 2-6). */
    static Trace generated(int spans) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(spans * 600);
            TraceGenerator.write(out, spans, 42);
            return TraceFiles.read(new ByteArrayInputStream(out.toByteArray())).traces().getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chain of {@code n} spans, each the only child of the one before (as deep as it is long). */
    static Trace chain(int n) {
        TraceBuilder b = new TraceBuilder("c0ffee");
        int process = b.endProcess("chain");
        for (int i = 0; i < n; i++) {
            b.spanId("s" + i);
            b.operation("step " + i);
            b.process(process);
            b.start(T0 + i * 10L);
            b.duration(10L * (n - i));
            if (i > 0) {
                b.endRef(SpanRef.Type.CHILD_OF, "c0ffee", "s" + (i - 1));
            }
            b.endSpan();
        }
        return b.build();
    }

    /** One hand-built span: id, parent ("" for none), start and end offsets from T0 in nanoseconds. */
    record S(String id, String parent, long start, long end, String service, String operation, boolean followsFrom) {
        S(String id, String parent, long start, long end) {
            this(id, parent, start, end, "svc", "op-" + id, false);
        }
    }

    static Trace build(S... spans) {
        TraceBuilder b = new TraceBuilder("ab12");
        java.util.Map<String, Integer> processes = new java.util.HashMap<>();
        for (S s : spans) {
            processes.computeIfAbsent(s.service(), b::endProcess);
        }
        for (S s : spans) {
            b.spanId(s.id());
            b.operation(s.operation());
            b.process(processes.get(s.service()));
            b.start(T0 + s.start());
            b.duration(s.end() - s.start());
            if (!s.parent().isEmpty()) {
                b.endRef(s.followsFrom() ? SpanRef.Type.FOLLOWS_FROM : SpanRef.Type.CHILD_OF, "ab12", s.parent());
            }
            b.endSpan();
        }
        return b.build();
    }

    /** The index of the span with this id. */
    static int index(Trace t, String spanId) {
        return t.indexOf(spanId)[0];
    }
}
