package io.pitwall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JavaFX start-up to first frame, each invocation a new JVM: Pitwall's real launcher against a
 * hello-world window, measured in the same run so the ratio holds on a noisy machine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class StartupBenchmark {

    static final String PITWALL = "io.pitwall.app.Main";

    private Process probed;
    private Path aot;

    /** Pitwall starts with its AOT cache, made once per build as ./pitwall makes it. */
    @Setup(Level.Trial)
    public void trainAotCache() throws Exception {
        aot = Files.createTempDirectory("pitwall-bench-aot").resolve("pitwall.aot");
        FirstFrameProbe.trainAotCache(PITWALL, aot);
    }

    @Benchmark
    public void helloWorldFirstFrame() throws Exception {
        probed = FirstFrameProbe.startAndAwaitFirstFrame(HelloWorldWindow.Launcher.class.getName(), List.of());
    }

    /** As ./pitwall starts it: with the AOT cache. The demo incident opens (no kubeconfig). */
    @Benchmark
    public void pitwallFirstFrame() throws Exception {
        probed = FirstFrameProbe.startAndAwaitFirstFrame(PITWALL, List.of(), FirstFrameProbe.withAotCache(aot));
    }

    /** The same without the AOT cache, for comparison. */
    @Benchmark
    public void pitwallFirstFrameWithoutAotCache() throws Exception {
        probed = FirstFrameProbe.startAndAwaitFirstFrame(PITWALL, List.of());
    }

    /** The window's exit is not part of the figure. */
    @TearDown(Level.Invocation)
    public void reap() throws Exception {
        if (probed != null) {
            FirstFrameProbe.reap(probed);
            probed = null;
        }
    }
}
