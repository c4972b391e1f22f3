package io.pitwall.bench;

import io.pitwall.connectors.traces.TraceFile;
import io.pitwall.connectors.traces.TraceFiles;
import io.pitwall.connectors.traces.TraceGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Traces issue's scale for the model: generated Jaeger v1 JSON traces of 100,000, 250,000 and
 * 500,000 spans (50 services, fan-out, HTTP tags, errors, logs: {@link TraceGenerator}) read from
 * memory into one {@code Trace}. Prints the median time to parse and the heap the trace keeps.
 * Budgets for 100,000 spans: parsed in under 1 s, held in under 150 MB. The first waterfall frame
 * (0.5 s more; 3.3 s in all for 250,000 spans) is measured once the waterfall exists.
 */
final class TraceParseBenchmark {

    static final double PARSE_BUDGET_MS = 1000;
    static final double HEAP_BUDGET_MB = 150;
    static final int[] SIZES = {100_000, 250_000, 500_000};

    record Size(int spans, double megabytes, double medianMillis, double heapMb, int parsedSpans) {
    }

    private TraceParseBenchmark() {
    }

    static List<Size> run() throws Exception {
        List<Size> sizes = new ArrayList<>();
        for (int spans : SIZES) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TraceGenerator.write(out, spans, 1);
            byte[] json = out.toByteArray();
            out = null;
            int runs = spans <= 100_000 ? 9 : 3;
            double[] times = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                TraceFile f = TraceFiles.read(new ByteArrayInputStream(json));
                times[r] = (System.nanoTime() - t0) / 1e6;
                if (f.traces().isEmpty()) {
                    throw new IllegalStateException("the generated trace did not read");
                }
            }
            long before = Heap.usedAfterGc();
            TraceFile kept = TraceFiles.read(new ByteArrayInputStream(json));
            long after = Heap.usedAfterGc();
            sizes.add(new Size(spans, json.length / 1e6, FxBench.quantile(times, 0.5), (after - before) / 1e6,
                    kept.traces().getFirst().spanCount()));
        }
        return sizes;
    }


    static void print(List<Size> sizes) {
        System.out.println();
        for (Size s : sizes) {
            String what = String.format(Locale.ROOT, "trace parse, %,d spans (%.0f MB of Jaeger JSON), median", s.spans(), s.megabytes());
            if (s.spans() == 100_000) {
                BenchMain.printBudget(what, s.medianMillis(), "ms", PARSE_BUDGET_MS);
                BenchMain.printBudget(String.format(Locale.ROOT, "trace heap, %,d spans", s.spans()), s.heapMb(), "MB",
                        HEAP_BUDGET_MB);
            } else {
                System.out.printf(Locale.ROOT, "%-50s %8.1f ms%n", what + ":", s.medianMillis());
                System.out.printf(Locale.ROOT, "  heap the trace keeps: %.1f MB%n", s.heapMb());
            }
            if (s.parsedSpans() != s.spans()) {
                System.out.printf(Locale.ROOT, "  READ %,d spans of %,d%n", s.parsedSpans(), s.spans());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }
}
