package io.pitwall.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH options may be passed, e.g. {@code -i 10}) and prints, for the
 * start-up benchmark, both first-frame times and their ratio against the budget.
 */
public final class BenchMain {

    /** Pitwall's first frame may take at most this many times the hello-world window's. */
    static final double STARTUP_BUDGET_RATIO = 2.0;

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder opts = new OptionsBuilder();
        opts.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            opts.include(StartupBenchmark.class.getSimpleName());
            opts.include(TopologyBenchmark.class.getSimpleName());
            opts.include(PrometheusParseBenchmark.class.getSimpleName());
        }
        Collection<RunResult> results = new Runner(opts.build()).run();

        printBudget(results, "modelFromLists", "topology model from the lists, 10,000 pods", 1000);
        printBudget(results, "layout", "first topology layout, 10,000 pods", 2000);
        printBudget(results, "parse5MbQueryRange", "parse a 5 MB Prometheus query_range response", 100);
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
            System.out.printf(Locale.ROOT, "%-46s %8.1f ms (budget %.0f ms: %s)%n", what + ":", ms, budgetMillis,
                    ms <= budgetMillis ? "within" : "OVER");
        }
    }

    private static Double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .map(r -> r.getPrimaryResult().getScore())
                .findFirst().orElse(null);
    }
}
