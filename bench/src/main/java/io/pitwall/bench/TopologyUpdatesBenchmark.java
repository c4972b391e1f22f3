package io.pitwall.bench;

import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.themes.Theme;
import io.pitwall.ui.topology.PodHealth;
import io.pitwall.ui.topology.TopologyLayout;
import io.pitwall.ui.topology.TopologyView;
import io.pitwall.ui.topology.TopologyViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * 500 pod updates a second for 60 s through the app's path: each update makes a new
 * {@link ClusterState}, offered to a {@link TopologyViewModel} (layouts on a virtual thread, one
 * hand-over per pulse at most) feeding a {@link TopologyView} shown at 1600x1000, fitted (all
 * 10,000 pods drawn). Prints the FX thread's busy share, measured as the CPU time the FX thread
 * used over the wall time of the run (all of its work: hand-overs, pulses, CSS, drawing), and
 * the hand-overs' own time; then checks that the state finally shown is exactly the last one
 * generated (every pod, each with its health). {@code -Dpitwall.bench.seconds=N} (default 60)
 * and {@code -Dpitwall.bench.rate=N} (default 500) shorten or change it.
 */
final class TopologyUpdatesBenchmark {

    /** The budget: the FX thread busy at most this share of the time. */
    static final double BUDGET_SHARE = 0.25;

    record Figures(int seconds, int rate, long updates, int handovers, double handoverMedian, double handoverP95,
                   double fxCpuShare, double handoverShare, boolean exact, String shown) {
    }

    private TopologyUpdatesBenchmark() {
    }

    static Figures run() throws Exception {
        int seconds = Integer.getInteger("pitwall.bench.seconds", 60);
        int rate = Integer.getInteger("pitwall.bench.rate", 500);
        ClusterState initial = ClusterStates.from(GeneratedCluster.objects(10_000, 1_500, 2_000, 200), Map.of(), Set.of(),
                Set.of(), Instant.EPOCH);
        FxBench.start();
        TopologyView view = FxBench.call(() -> {
            TopologyView v = new TopologyView();
            Stage stage = new Stage();
            Scene scene = new Scene(v, 1600, 1000);
            Theme.DARK.apply(scene);
            stage.setScene(scene);
            stage.show();
            return v;
        });
        AtomicLong handoverNanos = new AtomicLong();
        AtomicInteger handovers = new AtomicInteger();
        List<Double> durations = new ArrayList<>();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        TopologyViewModel vm = new TopologyViewModel(background, r -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            r.run();
            long took = System.nanoTime() - t0;
            handoverNanos.addAndGet(took);
            handovers.incrementAndGet();
            durations.add(took / 1e6);
        }), view::setLayout);
        view.setCollapseHandler(vm::setCollapsed);
        vm.offer(initial);
        while (FxBench.call(view::layoutShown) == null) {
            Thread.sleep(50);
        }
        FxBench.run(view::fit);
        FxBench.settle();

        long fxThread = FxBench.call(() -> Thread.currentThread().threadId());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PodChurn churn = new PodChurn(initial);
        FxBench.run(durations::clear);
        handovers.set(0);
        handoverNanos.set(0);
        long total = (long) seconds * rate;
        long period = 1_000_000_000L / rate;
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long start = System.nanoTime();
        for (long k = 0; k < total; k++) {
            long due = start + k * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            churn.next();
            vm.offer(churn.state());
        }
        long wall = System.nanoTime() - start;
        long cpu = threads.getThreadCpuTime(fxThread) - cpu0;
        int shownLayouts = handovers.get();
        double handed = handoverNanos.get();

        // the last state must be what is shown, exactly
        Map<KubeRef, PodHealth> expected = churn.pods().stream().collect(Collectors.toMap(PodInfo::ref, PodHealth::of));
        Map<KubeRef, PodHealth> shown = Map.of();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            shown = FxBench.call(() -> shownPods(view.layoutShown()));
            if (shown.equals(expected)) {
                break;
            }
            Thread.sleep(100);
        }
        double[] d = FxBench.call(() -> durations.stream().mapToDouble(Double::doubleValue).toArray());
        background.shutdownNow();
        FxBench.run(() -> view.getScene().getWindow().hide());
        return new Figures(seconds, rate, total, shownLayouts, d.length == 0 ? 0 : FxBench.quantile(d, 0.5),
                d.length == 0 ? 0 : FxBench.quantile(d, 0.95), cpu / (double) wall, handed / wall, shown.equals(expected),
                describe(shown) + (shown.equals(expected) ? "" : "; expected " + describe(expected)));
    }

    /** Every pod the layout shows with its health; a pod shown twice would make the count differ. */
    private static Map<KubeRef, PodHealth> shownPods(TopologyLayout layout) {
        Map<KubeRef, PodHealth> out = new HashMap<>();
        int cells = 0;
        for (TopologyLayout.Box b : layout.boxes().values()) {
            if (b.kind() == TopologyLayout.Kind.GROUP) {
                for (int i = 0; i < b.pods().size(); i++) {
                    out.put(b.pods().get(i).ref(), PodHealth.values()[b.health()[i]]);
                    cells++;
                }
            }
        }
        return cells == out.size() ? out : Map.of();
    }

    private static String describe(Map<KubeRef, PodHealth> pods) {
        Map<PodHealth, Integer> counts = new EnumMap<>(PodHealth.class);
        pods.values().forEach(h -> counts.merge(h, 1, Integer::sum));
        return String.format(Locale.ROOT, "%,d pods: ", pods.size()) + counts.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().label()))
                .collect(Collectors.joining(", "));
    }

    static void print(Figures f) {
        System.out.println();
        BenchMain.printBudget(String.format(Locale.ROOT, "FX thread busy, %d pod updates/s for %d s", f.rate(), f.seconds()),
                100 * f.fxCpuShare(), "%", 100 * BUDGET_SHARE);
        System.out.printf(Locale.ROOT, "%-46s %s%n", "final state shown after the updates:", f.exact() ? "exact" : "WRONG");
        System.out.println("  (ClusterState -> TopologyViewModel -> TopologyView at 1600x1000, fitted; busy = the FX thread's");
        System.out.println("  CPU time over the wall time: hand-overs, pulses, CSS, drawing)");
        System.out.printf(Locale.ROOT, "  updates, each a new ClusterState offered: %,8d%n", f.updates());
        System.out.printf(Locale.ROOT, "  layouts handed to the FX thread:          %,8d (setLayout %.2f ms median, %.2f ms p95)%n",
                f.handovers(), f.handoverMedian(), f.handoverP95());
        System.out.printf(Locale.ROOT, "  of the FX thread's time, the hand-overs:  %8.1f %%%n", 100 * f.handoverShare());
        System.out.printf(Locale.ROOT, "  shown at the end: %s%n", f.shown());
    }

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }
}
