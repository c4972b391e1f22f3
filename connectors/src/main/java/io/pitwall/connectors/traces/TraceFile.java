package io.pitwall.connectors.traces;

import io.pitwall.connectors.model.Trace;
import java.util.List;
import java.util.Objects;

/** What {@link TraceFiles} read: the format it found and the traces, in the order they came. */
public record TraceFile(TraceFormat format, List<Trace> traces) {

    public TraceFile {
        Objects.requireNonNull(format, "format");
        traces = List.copyOf(traces);
    }
}
