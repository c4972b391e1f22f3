package io.pitwall.bench;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH options may be passed, e.g. {@code -i 10}) and prints, for the
 * start-up benchmark, both first-frame times and their ratio against the budget; then the
 * topology's frame benchmarks, which drive a real JavaFX view on the FX thread and so run here
 * rather than under JMH: {@code TopologyRedraw}, {@code TopologyUpdates} and {@code ChartRedraw}; then the
 * logs pane's {@code LogBuffer} (heap and search of 1,000,000 lines) and {@code LogTail} (20,000 lines/s), and
 * {@code TraceParse} (100,000 to 500,000 spans into one trace), {@code TraceWaterfall} (their first
 * waterfall frame and redraws) and {@code SecurityFilter} (10,000 findings filtered, sorted and
 * grouped), {@code BundleOpen} (a 200 MB incident bundle opened: 1,200 pods, 500,000 log lines).
 * {@code BundleFuzz} (its own options, see that class) fuzzes the bundle reader and
 * {@code CaptureScale} captures an hour of a 1,000-pod namespace from the real servers
 * ({@code backends/backends.sh up} first); each is run only when named first. A benchmark name
 * given on the command line (a regular expression, as JMH takes them) runs only what matches,
 * e.g. {@code bench/run TopologyRedraw} or {@code bench/run -Dpitwall.bench.seconds=10
 * TopologyUpdates} (system properties go before the name, see those classes).
 */
public final class BenchMain {

    /** Pitwall's first frame may take at most this many times the hello-world window's. */
    static final double STARTUP_BUDGET_RATIO = 2.0;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // -Dpitwall.bench.* after the class name (as bench/run passes them) set those properties
        List<String> rest = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-Dpitwall.") && a.contains("=")) {
                System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                rest.add(a);
            }
        }
        if (!rest.isEmpty() && rest.getFirst().equals("BundleFuzz")) {
            BundleFuzz.main(rest.subList(1, rest.size()).toArray(String[]::new));
            return;
        }
        if (!rest.isEmpty() && rest.getFirst().equals("CaptureScale")) {
            CaptureScale.main(rest.subList(1, rest.size()).toArray(String[]::new));
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(rest.toArray(String[]::new));
        List<String> includes = cli.getIncludes();
        boolean redraw = includes.isEmpty() || matches(includes, "io.pitwall.bench.TopologyRedraw");
        boolean updates = includes.isEmpty() || matches(includes, "io.pitwall.bench.TopologyUpdates");
        boolean charts = includes.isEmpty() || matches(includes, "io.pitwall.bench.ChartRedraw");
        boolean logBuffer = includes.isEmpty() || matches(includes, "io.pitwall.bench.LogBuffer");
        boolean logTail = includes.isEmpty() || matches(includes, "io.pitwall.bench.LogTail");
        boolean traceParse = includes.isEmpty() || matches(includes, "io.pitwall.bench.TraceParse");
        boolean traceWaterfall = includes.isEmpty() || matches(includes, "io.pitwall.bench.TraceWaterfall");
        boolean securityFilter = includes.isEmpty() || matches(includes, "io.pitwall.bench.SecurityFilter");
        boolean bundleOpen = includes.isEmpty() || matches(includes, "io.pitwall.bench.BundleOpen");
        boolean jmh = includes.isEmpty() || JMH.stream().anyMatch(b -> matches(includes, b));
        Collection<RunResult> results = List.of();
        if (jmh) {
            OptionsBuilder opts = new OptionsBuilder();
            opts.parent(cli);
            if (includes.isEmpty()) {
                opts.include(StartupBenchmark.class.getSimpleName());
                opts.include(TopologyBenchmark.class.getSimpleName());
                opts.include(PrometheusParseBenchmark.class.getSimpleName());
            }
            results = new Runner(opts.build()).run();
        }
        printJmh(results);
        if (redraw) {
            TopologyRedrawBenchmark.print(TopologyRedrawBenchmark.run());
        }
        if (updates) {
            TopologyUpdatesBenchmark.print(TopologyUpdatesBenchmark.run());
        }
        if (charts) {
            ChartRedrawBenchmark.print(ChartRedrawBenchmark.run());
        }
        if (logBuffer) {
            LogBufferBenchmark.print(LogBufferBenchmark.run());
        }
        if (logTail) {
            LogTailBenchmark.print(LogTailBenchmark.run());
        }
        if (traceParse) {
            TraceParseBenchmark.print(TraceParseBenchmark.run());
        }
        if (traceWaterfall) {
            TraceWaterfallBenchmark.print(TraceWaterfallBenchmark.run());
        }
        if (securityFilter) {
            SecurityFilterBenchmark.print(SecurityFilterBenchmark.run());
        }
        if (bundleOpen) {
            BundleOpenBenchmark.print(BundleOpenBenchmark.run());
        }
        System.exit(0); // the JavaFX toolkit, if started, would keep the JVM up
    }

    /** The JMH benchmarks, as JMH names them. */
    private static final List<String> JMH = List.of("io.pitwall.bench.StartupBenchmark.helloWorldFirstFrame",
            "io.pitwall.bench.StartupBenchmark.pitwallFirstFrame", "io.pitwall.bench.StartupBenchmark.pitwallFirstFrameWithoutAotCache",
            "io.pitwall.bench.TopologyBenchmark.modelFromLists", "io.pitwall.bench.TopologyBenchmark.layout",
            "io.pitwall.bench.TopologyBenchmark.layoutAfterPodUpdates",
            "io.pitwall.bench.PrometheusParseBenchmark.parse5MbQueryRange");

    private static boolean matches(List<String> regexps, String name) {
        return regexps.stream().anyMatch(r -> Pattern.compile(r).matcher(name).find());
    }

    private static void printJmh(Collection<RunResult> results) {
        printBudget(results, "modelFromLists", "topology model from the lists, 10,000 pods", 1000);
        printBudget(results, "layout", "first topology layout, 10,000 pods", 2000);
        printBudget(results, "parse5MbQueryRange", "parse a 5 MB Prometheus query_range response", 100);
        Double update = score(results, "layoutAfterPodUpdates");
        if (update != null) {
            System.out.printf(Locale.ROOT, "%-46s %8.1f ms (places kept, ELK not run)%n", "topology model and layout after pod updates:",
                    update);
        }
        Double hello = score(results, "helloWorldFirstFrame");
        Double pitwall = score(results, "pitwallFirstFrame");
        Double withoutAot = score(results, "pitwallFirstFrameWithoutAotCache");
        if (hello != null && pitwall != null) {
            double ratio = pitwall / hello;
            System.out.println();
            System.out.printf(Locale.ROOT, "first frame, hello-world window:             %8.1f ms%n", hello);
            System.out.printf(Locale.ROOT, "first frame, Pitwall with the demo incident: %8.1f ms (AOT cache, as ./pitwall starts it)%n",
                    pitwall);
            if (withoutAot != null) {
                System.out.printf(Locale.ROOT, "first frame, Pitwall without the AOT cache:  %8.1f ms%n", withoutAot);
            }
            System.out.printf(Locale.ROOT, "ratio Pitwall / hello-world:                 %8.2f (budget %.1f: %s)%n",
                    ratio, STARTUP_BUDGET_RATIO, ratio <= STARTUP_BUDGET_RATIO ? "within" : "OVER");
        }
    }

    private static void printBudget(Collection<RunResult> results, String method, String what, double budgetMillis) {
        Double ms = score(results, method);
        if (ms != null) {
            printBudget(what, ms, "ms", budgetMillis);
        }
    }

    /** One figure against its budget, as every benchmark here prints it. */
    static void printBudget(String what, double value, String unit, double budget) {
        System.out.printf(Locale.ROOT, "%-46s %8.1f %-2s (budget %.0f %s: %s)%n", what + ":", value, unit, budget, unit,
                value <= budget ? "within" : "OVER");
    }

    private static Double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .map(r -> r.getPrimaryResult().getScore())
                .findFirst().orElse(null);
    }
}
