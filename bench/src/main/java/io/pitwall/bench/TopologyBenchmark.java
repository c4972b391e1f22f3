package io.pitwall.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.topology.TopologyLayout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The Kubernetes issue's scale: 10,000 pods, 1,500 workloads, 2,000 services, 200 nodes.
 * Budgets: model from the lists under 1 s, first layout under 2 s (cold, single shot). Also the
 * layout after pod updates, which keeps the places shown (no budget of its own: it bounds how
 * many layouts a second the view model makes).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class TopologyBenchmark {

    private List<HasMetadata> objects;
    private Topology topology;
    private ClusterState updated;
    private TopologyLayout shown;

    @Setup(Level.Trial)
    public void generate() {
        objects = GeneratedCluster.objects(10_000, 1_500, 2_000, 200);
        ClusterState state = ClusterStates.from(objects, Map.of(), Set.of(), Set.of(), Instant.EPOCH);
        topology = Topology.of(state);
        shown = TopologyLayout.of(topology);
        PodChurn churn = new PodChurn(state);
        for (int i = 0; i < 20; i++) {
            churn.next();
        }
        updated = churn.state();
    }

    /** fabric8 lists to Pitwall's records and the topology graph. */
    @Benchmark
    public Topology modelFromLists() {
        ClusterState state = ClusterStates.from(objects, Map.of(), Set.of(), Set.of(), Instant.EPOCH);
        return Topology.of(state);
    }

    /** ELK layout of the graph and the pod grids. */
    @Benchmark
    public TopologyLayout layout() {
        return TopologyLayout.of(topology);
    }

    /**
     * What each cluster update costs the view model's thread: the graph of a state with 20 pods
     * changed and its layout from the one shown (places kept: ELK runs only for a namespace
     * whose boxes or edges changed). Warm, on average: the view model's thread runs it again and
     * again.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public TopologyLayout layoutAfterPodUpdates() {
        return TopologyLayout.of(Topology.of(updated), Map.of(), shown);
    }
}
