package io.pitwall.bench;

import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.security.FindingGenerator;
import io.pitwall.connectors.security.SecurityFilter;
import java.util.List;
import java.util.Locale;

/**
 * The security pane's work on a large cluster's findings: 10,000 generated findings
 * ({@link FindingGenerator}: every source and severity, 40 namespaces, 500 apps) filtered by
 * severity (medium and worse) and text ({@code "team-1 app"}), sorted most severe first, then
 * grouped by object; and, as the worst case of a filter, all 10,000 sorted. Prints the medians.
 * Budget: filter and sort in 100 ms (what keeps typing in the search field fluid).
 */
final class SecurityFilterBenchmark {

    static final double FILTER_SORT_BUDGET_MS = 100;
    static final int FINDINGS = 10_000;
    private static final int WARMUP = 30;
    private static final int RUNS = 51;

    record Figures(int findings, int kept, int groups, double filterSortMillis, double sortAllMillis,
                   double groupMillis) {
    }

    private SecurityFilterBenchmark() {
    }

    static Figures run() {
        List<SecurityFinding> all = FindingGenerator.generate(FINDINGS, 42);
        SecurityFilter filter = SecurityFilter.ALL.atLeast(Severity.MEDIUM).withText("team-1 app");
        double[] filterSort = new double[RUNS];
        double[] sortAll = new double[RUNS];
        double[] group = new double[RUNS];
        int kept = 0;
        int groups = 0;
        long sink = 0;
        for (int r = -WARMUP; r < RUNS; r++) {
            long t0 = System.nanoTime();
            List<SecurityFinding> shown = SecurityFilter.sort(filter.apply(all), SecurityFilter.Sort.SEVERITY);
            long t1 = System.nanoTime();
            List<SecurityFinding> everything = SecurityFilter.sort(SecurityFilter.ALL.apply(all), SecurityFilter.Sort.SEVERITY);
            long t2 = System.nanoTime();
            List<SecurityFilter.Group> byObject = SecurityFilter.byObject(shown);
            long t3 = System.nanoTime();
            sink += shown.size() + everything.size() + byObject.size();
            if (r >= 0) {
                filterSort[r] = (t1 - t0) / 1e6;
                sortAll[r] = (t2 - t1) / 1e6;
                group[r] = (t3 - t2) / 1e6;
                kept = shown.size();
                groups = byObject.size();
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("the filter kept nothing");
        }
        return new Figures(all.size(), kept, groups, FxBench.quantile(filterSort, 0.5), FxBench.quantile(sortAll, 0.5),
                FxBench.quantile(group, 0.5));
    }

    static void print(Figures f) {
        System.out.println();
        BenchMain.printBudget(String.format(Locale.ROOT, "security filter+sort, %,d findings, median", f.findings()),
                f.filterSortMillis(), "ms", FILTER_SORT_BUDGET_MS);
        BenchMain.printBudget(String.format(Locale.ROOT, "security sort of all %,d findings, median", f.findings()),
                f.sortAllMillis(), "ms", FILTER_SORT_BUDGET_MS);
        System.out.printf(Locale.ROOT, "%-46s %8.1f ms%n", "security group by object, median:", f.groupMillis());
        System.out.printf(Locale.ROOT, "  kept %,d of %,d findings (medium and worse, \"team-1 app\"), %,d objects%n",
                f.kept(), f.findings(), f.groups());
    }

    public static void main(String[] args) {
        print(run());
        System.exit(0);
    }
}
