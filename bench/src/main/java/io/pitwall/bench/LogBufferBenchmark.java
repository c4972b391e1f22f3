package io.pitwall.bench;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.ui.logs.LogBuffer;
import io.pitwall.ui.logs.LogFilter;
import io.pitwall.ui.logs.LogLevel;
import io.pitwall.ui.logs.LogMatcher;
import io.pitwall.ui.logs.Matches;
import java.util.List;
import java.util.Locale;

/**
 * The logs pane's store with 1,000,000 generated lines of about 150 bytes: the heap it holds
 * (used heap after a full GC, with and without it), then substring and regex searches over all
 * of it (medians of {@code pitwall.bench.runs}, default 9, after warm-up runs), against budgets.
 */
final class LogBufferBenchmark {

    static final double HEAP_BUDGET_MB = 400;
    static final double SUBSTRING_BUDGET_MS = 300;
    static final double REGEX_BUDGET_MS = 1000;
    static final int LINES = 1_000_000;

    record Search(String what, LogFilter filter, double medianMillis, int hits) {
    }

    record Figures(int lines, double avgBytes, double heapMb, double appendMillis, List<Search> searches) {
    }

    private LogBufferBenchmark() {
    }

    static Figures run() {
        int runs = Integer.getInteger("pitwall.bench.runs", 9);
        long before = Heap.usedAfterGc();
        GeneratedLogs gen = new GeneratedLogs(42, 1_795_000_000_000_000_000L);
        LogBuffer buffer = new LogBuffer();
        long t0 = System.nanoTime();
        for (int i = 0; i < LINES; i += 10_000) {
            List<LogEntry> batch = gen.next(10_000, 3_600_000_000L);
            buffer.append(batch);
        }
        double appendMillis = (System.nanoTime() - t0) / 1e6;
        long after = Heap.usedAfterGc();
        double heapMb = (after - before) / 1048576.0;
        double avg = buffer.textBytes() / (double) buffer.size();
        List<Search> searches = List.of(
                search(buffer, "substring, case-sensitive (\"payment declined\")",
                        new LogFilter("payment declined", false, true, LogLevel.ALL_MASK), runs),
                search(buffer, "substring, ignoring case (\"connection POOL\")",
                        new LogFilter("connection POOL", false, false, LogLevel.ALL_MASK), runs),
                search(buffer, "regex (\"took[=:\\\"_ms]*1\\d{3}\")",
                        new LogFilter("took[=:\"_ms]*1\\d{3}", true, true, LogLevel.ALL_MASK), runs),
                search(buffer, "regex, ignoring case (\"trace_?id\\W+[0-9a-f]{32}\")",
                        new LogFilter("trace_?id\\W+[0-9a-f]{32}", true, false, LogLevel.ALL_MASK), runs));
        if (buffer.size() != LINES) {
            throw new IllegalStateException("buffer holds " + buffer.size());
        }
        return new Figures(buffer.size(), avg, heapMb, appendMillis, searches);
    }

    private static Search search(LogBuffer buffer, String what, LogFilter f, int runs) {
        Matches m = null;
        for (int i = 0; i < 3; i++) {
            m = LogMatcher.match(buffer, f, () -> false);
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            m = LogMatcher.match(buffer, f, () -> false);
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        return new Search(what, f, FxBench.quantile(times, 0.5), m.count());
    }


    static void print(Figures f) {
        System.out.println();
        BenchMain.printBudget(String.format(Locale.ROOT, "log buffer heap, %,d lines of %.0f bytes", f.lines(), f.avgBytes()),
                f.heapMb(), "MB", HEAP_BUDGET_MB);
        for (Search s : f.searches()) {
            double budget = s.filter().regex() ? REGEX_BUDGET_MS : SUBSTRING_BUDGET_MS;
            BenchMain.printBudget((s.filter().regex() ? "log search regex" : "log search substring") + ", median", s.medianMillis(), "ms",
                    budget);
            System.out.printf(Locale.ROOT, "  %s: %,d hits%n", s.what(), s.hits());
        }
        System.out.printf(Locale.ROOT, "  appending the %,d lines (levels detected, encoded) took %.0f ms; %d cores%n", f.lines(),
                f.appendMillis(), Runtime.getRuntime().availableProcessors());
    }

    public static void main(String[] args) {
        print(run());
        System.exit(0);
    }
}
