package io.pitwall.bench;

import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.prometheus.PromJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Prometheus issue's scale: a 5 MB {@code query_range} response (cAdvisor-labelled series,
 * 240 samples each) streamed into each series' parallel arrays. Budget: under 100 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class PrometheusParseBenchmark {

    static final int BYTES = 5 * 1024 * 1024;

    private byte[] response;

    @Setup(Level.Trial)
    public void generate() {
        response = GeneratedQueryRange.ofSize(BYTES, 240);
    }

    @Benchmark
    public List<MetricSeries> parse5MbQueryRange() throws IOException {
        return PromJson.envelope(new ByteArrayInputStream(response), PromJson::result).data();
    }
}
