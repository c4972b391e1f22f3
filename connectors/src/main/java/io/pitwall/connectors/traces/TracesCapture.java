package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The traces' part of an incident bundle (docs/bundle-format.md): one file per trace,
 * {@code traces/TRACEID.json} in Jaeger v1 JSON ({@link JaegerJsonWriter}), and
 * {@value #INDEX}, what was captured from where. Which traces: the ones the user opened, then up
 * to a limit of the window's, the failed first, then the slowest, from each service's newest and
 * failed ones. A call that fails is listed in the manifest's problems; the rest is still written.
 */
public final class TracesCapture {

    public static final String FOLDER = "traces/";
    public static final String INDEX = "traces/index.json";
    /** The most traces captured from the window (the opened ones come on top). */
    public static final int DEFAULT_LIMIT = 50;
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonFactory FACTORY = new JsonFactory();

    private TracesCapture() {
    }

    /**
     * Reads and writes the traces of {@code window}: {@code opened} (trace ids) and up to
     * {@code limit} others. Nothing is written without a source. Blocking: call it off the FX thread.
     */
    public static void write(BundleWriter writer, TracesSource source, TimeRange window, Collection<String> opened,
                             int limit) throws IOException {
        if (source == null) {
            return;
        }
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        for (String id : opened) {
            if (id != null && !id.isBlank()) {
                wanted.put(id.strip().toLowerCase(Locale.ROOT), true);
            }
        }
        for (TraceSummary s : windowTraces(writer, source, window, limit)) {
            wanted.putIfAbsent(s.traceId(), false);
        }
        List<Trace> written = new ArrayList<>();
        List<Boolean> openedFlags = new ArrayList<>();
        for (Map.Entry<String, Boolean> w : wanted.entrySet()) {
            try {
                Trace t = await(source.trace(w.getKey()));
                String path = FOLDER + fileName(t.traceId());
                // secrets in operation names, attributes and events (a token in a URL, a password in a
                // statement, an Authorization header) stay home
                writer.add(path, "application/json", out -> JaegerJsonWriter.write(out, List.of(t), writer::redact));
                written.add(t);
                openedFlags.add(w.getValue());
            } catch (TraceQueryException e) {
                writer.addProblem(new BundleProblem("traces", "trace " + w.getKey() + " failed: " + e.getMessage()));
            }
        }
        writer.add(INDEX, "application/json", out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("source", writer.redact(source.describe()));
                g.writeObjectFieldStart("window");
                g.writeStringField("from", window.from().toString());
                g.writeStringField("to", window.to().toString());
                g.writeEndObject();
                g.writeArrayFieldStart("traces");
                for (int i = 0; i < written.size(); i++) {
                    index(g, written.get(i), openedFlags.get(i), writer);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /** The window's traces worth keeping: each service's newest and failed, the failed first, then the slowest. */
    private static List<TraceSummary> windowTraces(BundleWriter writer, TracesSource source, TimeRange window, int limit) {
        List<String> services;
        try {
            services = await(source.services(window));
        } catch (TraceQueryException e) {
            writer.addProblem(new BundleProblem("traces", "the services failed: " + e.getMessage()));
            return List.of();
        }
        Map<String, TraceSummary> found = new LinkedHashMap<>();
        for (String service : services) {
            List<TraceQuery> queries = List.of(TraceQuery.of(service, window, limit),
                    new TraceQuery(service, "", Map.of("error", "true"), Optional.empty(), Optional.empty(), limit, window));
            for (TraceQuery q : queries) {
                try {
                    await(source.search(q)).forEach(s -> found.putIfAbsent(s.traceId(), s));
                } catch (TraceQueryException e) {
                    writer.addProblem(new BundleProblem("traces", "the traces of " + service
                            + (q.tags().isEmpty() ? "" : " with errors") + " failed: " + e.getMessage()));
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing((TraceSummary s) -> s.errorCount() == 0)
                .thenComparing(Comparator.comparingLong(TraceSummary::durationNanos).reversed())
                .thenComparing(TraceSummary::traceId)).limit(limit).toList();
    }

    private static void index(JsonGenerator g, Trace t, boolean opened, BundleWriter writer) throws IOException {
        TraceSummary s = t.summary();
        g.writeStartObject();
        g.writeStringField("traceId", s.traceId());
        g.writeStringField("file", FOLDER + fileName(s.traceId()));
        g.writeStringField("rootService", s.rootService());
        g.writeStringField("rootOperation", writer.redaction().apply(s.rootOperation(), (kind, n) -> { })); // counted in its span
        g.writeStringField("start", Instant.ofEpochSecond(0, s.startNanos()).toString());
        g.writeNumberField("durationMicros", s.durationNanos() / 1000);
        g.writeNumberField("spans", s.spanCount());
        g.writeNumberField("errors", s.errorCount());
        g.writeArrayFieldStart("services");
        for (String service : s.services()) {
            g.writeString(service);
        }
        g.writeEndArray();
        g.writeBooleanField("opened", opened);
        g.writeEndObject();
    }

    /** A trace's file name: its id, made safe for a path. */
    static String fileName(String traceId) {
        String safe = traceId.replaceAll("[^A-Za-z0-9_-]", "_");
        return (safe.isEmpty() ? "trace" : safe) + ".json";
    }

    /** Whether {@code bundle} holds traces: any JSON file of the traces folder but the index. */
    public static boolean holds(Bundle bundle) {
        return !traceEntries(bundle).isEmpty();
    }

    /**
     * Every trace of the bundle's traces folder (Jaeger, OTLP or Zipkin JSON, whatever wrote them).
     * A file that is not a trace file is skipped and noted; when none could be read, the first
     * one's problem is thrown.
     */
    public static Read read(Bundle bundle) throws IOException {
        List<Trace> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TraceFileException first = null;
        int read = 0;
        for (String path : traceEntries(bundle)) {
            try (InputStream in = bundle.open(path)) {
                out.addAll(TraceFiles.read(in).traces());
                read++;
            } catch (TraceFileException e) {
                first = first == null ? new TraceFileException(path + ": " + e.getMessage(), e) : first;
                notes.add(path + ": " + e.getMessage());
            }
        }
        if (read == 0 && first != null) {
            throw first;
        }
        return new Read(out, notes);
    }

    /** The traces of a bundle, and the files that could not be read. */
    public record Read(List<Trace> traces, List<String> notes) {
    }

    private static List<String> traceEntries(Bundle bundle) {
        Set<String> paths = new LinkedHashSet<>();
        for (BundleEntry e : bundle.entries()) {
            if (e.path().startsWith(FOLDER) && e.path().endsWith(".json") && !e.path().equals(INDEX)) {
                paths.add(e.path());
            }
        }
        return List.copyOf(paths);
    }

    private static <T> T await(CompletableFuture<T> f) throws TraceQueryException {
        try {
            return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw TraceHttp.asTraceQueryException(e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TraceQueryException("unreachable", "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TraceQueryException("canceled", "the capture was interrupted");
        }
    }
}
