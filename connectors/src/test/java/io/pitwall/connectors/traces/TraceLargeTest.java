package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated 100,000-span Jaeger trace loads whole (its timing is measured in bench/, not here). */
class TraceLargeTest {

    @Test
    void aHundredThousandSpanTraceLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace-100k.json");
        TraceGenerator.Written written = TraceGenerator.write(file, 100_000, 42);
        assertThat(Files.size(file)).as("about 55 MB").isBetween(40_000_000L, 70_000_000L);

        TraceFile read = TraceFiles.read(file);
        assertThat(read.format()).isEqualTo(TraceFormat.JAEGER_V1);
        Trace t = read.traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(100_000);
        assertThat(t.services()).hasSize(TraceGenerator.SERVICES);
        assertThat(t.rootCount()).isEqualTo(1);
        assertThat(t.errorCount()).isEqualTo(written.errors()).isPositive();
        assertThat(IntStream.range(0, t.spanCount()).map(t::logCount).sum()).isEqualTo(written.logs());
        assertThat(t.count(Trace.ORPHAN | Trace.DUPLICATE_ID | Trace.CYCLE | Trace.CLOCK_SKEW)).isZero();
        assertThat(t.durationNanos()).isEqualTo(30_000_000_000L);
        int[] rows = t.preorder();
        assertThat(rows).hasSize(100_000);
        assertThat(Arrays.stream(rows).distinct().count()).isEqualTo(100_000);
        int maxDepth = IntStream.range(0, t.spanCount()).map(t::depth).max().orElseThrow();
        assertThat(maxDepth).isBetween(6, 20);
        int last = t.indexOf(String.format("%016x", 0x1000_0000L + 99_999))[0];
        assertThat(t.parent(last)).isNotNegative();
        assertThat(t.depth(last)).isEqualTo(t.depth(t.parent(last)) + 1);
        assertThat(t.tags().get(last, "http.url")).endsWith("/items/99999" + t.tags().get(last, "http.url")
                .substring(t.tags().get(last, "http.url").indexOf('?')));
        assertThat(t.operation(last)).isSameAs(t.operation(IntStream.range(0, t.spanCount())
                .filter(i -> t.operation(i).equals(t.operation(last))).findFirst().orElseThrow()))
                .as("operations are interned per trace");
    }
}
